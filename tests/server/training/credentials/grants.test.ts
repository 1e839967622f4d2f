import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { completeCourse, credentialModelsOf } from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const rolesOf = async (client: ApiClient) =>
  (await client.get('/api/me')).body.user.roles as string[];

describe('the facilitator grant', () => {
  it('is refused before facilitator training is complete and allowed after, by a trainer', async () => {
    const trainer = await signUpAs(haven, ['trainer']);
    const learner = await signUpAs(haven, ['participant']);
    const early = await trainer.client.post('/api/training/grants', { userId: learner.id });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    // A foundations course is not the facilitator track.
    await completeCourse(haven, learner.id, { track: 'foundations' });
    expect((await trainer.client.post('/api/training/grants', { userId: learner.id })).status).toBe(
      409,
    );
    expect(await rolesOf(learner.client)).toEqual(['participant']);

    const outcome = await completeCourse(haven, learner.id, { track: 'facilitator' });
    expect(outcome).toMatchObject({ tracksCompleted: ['facilitator'], facilitatorGranted: false });
    const granted = await trainer.client.post('/api/training/grants', { userId: learner.id });
    expect(granted.status).toBe(201);
    expect(granted.body.grant).toEqual({
      userId: learner.id,
      role: 'facilitator',
      alreadyHeld: false,
    });
    expect(await rolesOf(learner.client)).toEqual(['participant', 'facilitator']);
    const again = await trainer.client.post('/api/training/grants', { userId: learner.id });
    expect(again.body.grant.alreadyHeld).toBe(true);
  });

  it('is for trainers and admins only, and refuses bad input', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const facilitator = await signUpAs(haven, ['facilitator']);
    const learner = await signUpAs(haven, ['participant']);
    await completeCourse(haven, learner.id);
    for (const who of [facilitator, learner]) {
      const refused = await who.client.post('/api/training/grants', { userId: learner.id });
      expect(refused.status).toBe(403);
    }
    expect(await rolesOf(learner.client)).toEqual(['participant']);
    for (const body of [{}, { userId: 'x' }, { userId: learner.id, role: 'admin' }])
      expect((await admin.client.post('/api/training/grants', body)).status).toBe(400);
    const ghost = new Types.ObjectId().toHexString();
    expect((await admin.client.post('/api/training/grants', { userId: ghost })).status).toBe(404);
    expect(await rolesOf(learner.client)).toEqual(['participant']);
    expect((await admin.client.post('/api/training/grants', { userId: learner.id })).status).toBe(
      201,
    );
  });
});

describe('the training policy', () => {
  it('is read and changed by admins only; bad input changes nothing', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const trainer = await signUpAs(haven, ['trainer']);
    expect((await trainer.client.get('/api/training/settings')).status).toBe(403);
    expect(
      (await trainer.client.patch('/api/training/settings', { autoGrantFacilitator: true })).status,
    ).toBe(403);
    const before = (await admin.client.get('/api/training/settings')).body.settings;
    for (const body of [
      {},
      { autoGrantFacilitator: 'yes' },
      { facilitatorCourseIds: ['nope'] },
      { somethingElse: true },
    ])
      expect((await admin.client.patch('/api/training/settings', body)).status).toBe(400);
    expect((await admin.client.get('/api/training/settings')).body.settings).toEqual(before);
  });

  it('grants the role automatically on completion when the policy says so', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const learner = await signUpAs(haven, ['participant']);
    const set = await admin.client.patch('/api/training/settings', { autoGrantFacilitator: true });
    expect(set.body.settings.autoGrantFacilitator).toBe(true);
    try {
      await completeCourse(haven, learner.id, { track: 'foundations' });
      expect(await rolesOf(learner.client)).toEqual(['participant']);
      const outcome = await completeCourse(haven, learner.id);
      expect(outcome.facilitatorGranted).toBe(true);
      expect(await rolesOf(learner.client)).toEqual(['participant', 'facilitator']);
    } finally {
      await admin.client.patch('/api/training/settings', { autoGrantFacilitator: false });
    }
  });

  it('completes the facilitator track only with every required course, when named', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const learner = await signUpAs(haven, ['participant']);
    const [first, second] = [new Types.ObjectId(), new Types.ObjectId()].map(String);
    await admin.client.patch('/api/training/settings', {
      facilitatorCourseIds: [first, second, first],
    });
    try {
      const settings = (await admin.client.get('/api/training/settings')).body.settings;
      expect(settings.facilitatorCourseIds).toEqual([first, second]);
      expect(
        (await completeCourse(haven, learner.id, { courseId: first })).tracksCompleted,
      ).toEqual([]);
      expect(
        await haven.haven.services.training.records.facilitatorTrainingComplete(learner.id),
      ).toBe(false);
      const last = await completeCourse(haven, learner.id, { courseId: second });
      expect(last.tracksCompleted).toEqual(['facilitator']);
      const record = (await learner.client.get('/api/training/record')).body.record;
      expect(record.courses.map((c: { courseId: string }) => c.courseId)).toEqual([first, second]);
      expect(record.facilitatorTrainingComplete).toBe(true);
    } finally {
      await admin.client.patch('/api/training/settings', { facilitatorCourseIds: [] });
    }
  });
});

describe('export and deletion', () => {
  it('exports the record and certificates; deletion keeps only what the member chose to keep', async () => {
    const learner = await signUpAs(haven, ['participant'], { displayName: 'Quinn' });
    const kept = await completeCourse(haven, learner.id, { courseTitle: 'Kept course' });
    const gone = await completeCourse(haven, learner.id, {
      courseTitle: 'Gone course',
      track: 'foundations',
    });
    const keep = await learner.client.patch(`/api/certificates/${kept.certificate.code}`, {
      keepVerifiableAfterDeletion: true,
    });
    expect(keep.body.certificate.keepVerifiableAfterDeletion).toBe(true);

    const exported = (await learner.client.get('/api/me/export')).body;
    expect(exported.trainingRecord.tracks.map((t: { track: string }) => t.track).sort()).toEqual([
      'facilitator',
      'foundations',
    ]);
    expect(exported.trainingRecord.courses).toHaveLength(2);
    expect(exported.certificates.map((c: { code: string }) => c.code).sort()).toEqual(
      [kept.certificate.code, gone.certificate.code].sort(),
    );

    expect((await learner.client.delete('/api/me')).status).toBe(204);
    const models = credentialModelsOf(haven);
    expect(await models.TrainingRecord.countDocuments({ _id: learner.id })).toBe(0);
    expect(await models.Certificate.countDocuments({ userId: learner.id })).toBe(0);
    const anonymous = learner.client;
    const stillValid = await anonymous.get(`/api/certificates/${kept.certificate.code}/verify`);
    expect(stillValid.body).toEqual({
      valid: true,
      certificate: {
        nameOnCertificate: 'a former member',
        courseTitle: 'Kept course',
        issuedOn: kept.certificate.issuedOn,
      },
    });
    const stored = await models.Certificate.findOne({ code: kept.certificate.code }).lean();
    expect(JSON.stringify(stored)).not.toContain(learner.id);
    expect(JSON.stringify(stored)).not.toContain('Quinn');
    expect((await anonymous.get(`/api/certificates/${gone.certificate.code}/verify`)).body).toEqual(
      { valid: false },
    );
  });
});
