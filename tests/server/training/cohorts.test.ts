import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { markOf } from '../../../server/infra/change-marks.ts';
import { cohortModel } from '../../../server/training/cohorts.ts';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { havenPerFile, type ItemIds, member, publishedCourse } from './helpers.ts';

/** Cohorts: who sees whose progress (trainers, admins, a partner's staff lead) and what. */
const { haven } = havenPerFile();

const partner = new Types.ObjectId().toString();
const otherPartner = new Types.ObjectId().toString();
let trainer: { client: ApiClient; id: string };
let course: { id: string; items: ItemIds };
let staff: Array<{ client: ApiClient; id: string }>;
let outsider: { client: ApiClient; id: string };
let cohortId: string;

const cohorts = () => cohortModel(haven().mongo.connection);

beforeAll(async () => {
  trainer = await member(haven(), ['trainer']);
  course = await publishedCourse(trainer.client, { title: 'Cohort course' });
  staff = [
    await signUpAs(haven(), ['participant'], { partnerId: partner, displayName: 'Ana' }),
    await signUpAs(haven(), ['participant'], { partnerId: partner, displayName: 'Ben' }),
  ];
  outsider = await member(haven());
  await staff[0]?.client.post(`/api/items/${course.items.read}/complete`, {});
  await outsider.client.post(`/api/items/${course.items.read}/complete`, {});
  const created = await trainer.client.post('/api/cohorts', {
    name: 'Spring intake',
    partnerId: partner,
    memberIds: staff.map((it) => it.id),
  });
  expect(created.status, created.text).toBe(201);
  cohortId = created.body.cohort.id;
});

describe('a cohort makes its members progress visible to its trainers', () => {
  it('shows each member per course: items done of total, minutes, completed', async () => {
    const response = await trainer.client.get(`/api/cohorts/${cohortId}/progress`);
    expect(response.status, response.text).toBe(200);
    expect(response.body.cohort).toEqual({ id: cohortId, name: 'Spring intake' });
    expect(response.body.members).toEqual([
      {
        id: staff[0]?.id,
        displayName: 'Ana',
        courses: [
          expect.objectContaining({
            courseId: course.id,
            courseTitle: 'Cohort course',
            completedItems: 1,
            totalItems: 4,
            minutesDone: 0,
            completed: false,
          }),
        ],
      },
      { id: staff[1]?.id, displayName: 'Ben', courses: [] },
    ]);
    // The outsider's progress appears nowhere.
    expect(response.text).not.toContain(outsider.id);
  });

  it('is seen by its trainers and admins only; other trainers and participants are refused', async () => {
    const list = await trainer.client.get('/api/cohorts');
    expect(list.body.items.map((it: { id: string }) => it.id)).toContain(cohortId);
    const otherTrainer = await member(haven(), ['trainer']);
    expect((await otherTrainer.client.get('/api/cohorts')).body.items).toEqual([]);
    expect((await otherTrainer.client.get(`/api/cohorts/${cohortId}/progress`)).status).toBe(404);
    const admin = await member(haven(), ['admin']);
    expect((await admin.client.get(`/api/cohorts/${cohortId}/progress`)).status).toBe(200);
    expect((await outsider.client.get('/api/cohorts')).status).toBe(403);
    expect((await outsider.client.get(`/api/cohorts/${cohortId}/progress`)).status).toBe(403);
    expect((await outsider.client.post('/api/cohorts', { name: 'Mine' })).status).toBe(403);
    // Staff without the lead's role see nothing either.
    expect((await staff[0]?.client.get(`/api/cohorts/${cohortId}/progress`))?.status).toBe(403);
  });

  it('lets a learner see which cohorts they are in, and nothing about the others in it', async () => {
    const mine = await staff[1]?.client.get('/api/cohorts?mine=1');
    expect(mine?.body.items).toEqual([
      expect.objectContaining({ id: cohortId, name: 'Spring intake', memberIds: [staff[1]?.id] }),
    ]);
    expect(mine?.body.items[0].trainerIds).toEqual([]);
    expect((await outsider.client.get('/api/cohorts?mine=1')).body.items).toEqual([]);
  });

  it('filters the review queue by cohort', async () => {
    const inCohort = await staff[0]?.client.post(`/api/items/${course.items.write}/submissions`, {
      text: 'Staff answer.',
    });
    await outsider.client.post(`/api/items/${course.items.write}/submissions`, {
      text: 'Outsider answer.',
    });
    const queue = await trainer.client.get(`/api/reviews?cohortId=${cohortId}`);
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.items.map((it: { id: string }) => it.id)).toEqual([
      inCohort?.body.submission.id,
    ]);
  });
});

describe("a partner's staff lead", () => {
  it("sees their own partner's cohorts and only its staff", async () => {
    const lead = await member(haven(), ['champion'], { partnerId: partner });
    const otherLead = await member(haven(), ['champion'], { partnerId: otherPartner });
    const plain = await trainer.client.post('/api/cohorts', {
      name: 'Not a partner cohort',
      memberIds: [outsider.id],
    });
    expect(plain.status, plain.text).toBe(201);

    const seen = await lead.client.get('/api/cohorts');
    expect(seen.body.items.map((it: { id: string }) => it.id)).toEqual([cohortId]);
    expect((await lead.client.get(`/api/cohorts/${plain.body.cohort.id}/progress`)).status).toBe(
      404,
    );
    expect((await otherLead.client.get('/api/cohorts')).body.items).toEqual([]);
    expect((await otherLead.client.get(`/api/cohorts/${cohortId}/progress`)).status).toBe(404);
    // A lead reads; trainers and admins change cohorts.
    const patch = await lead.client.patch(`/api/cohorts/${cohortId}`, { name: 'Renamed' });
    expect(patch.status).toBe(403);

    // Ben leaves the partner: his lead no longer sees him; the cohort's trainer still does.
    await haven().haven.services.accountModels.User.updateOne(
      { _id: staff[1]?.id } as never,
      { $set: { partnerId: null } } as never,
    );
    await haven().haven.services.marks.move(markOf.user(String(staff[1]?.id)));
    const progress = await lead.client.get(`/api/cohorts/${cohortId}/progress`);
    expect(progress.body.members.map((it: { id: string }) => it.id)).toEqual([staff[0]?.id]);
    const byTrainer = await trainer.client.get(`/api/cohorts/${cohortId}/progress`);
    expect(byTrainer.body.members).toHaveLength(2);
  });

  it("refuses a member who is not the partner's staff in a partner cohort, storing nothing", async () => {
    const before = await cohorts().countDocuments();
    const refused = await trainer.client.post('/api/cohorts', {
      name: 'Mixed',
      partnerId: partner,
      memberIds: [staff[0]?.id, outsider.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields['memberIds.1']).toBeDefined();
    const added = await trainer.client.patch(`/api/cohorts/${cohortId}`, {
      addMemberIds: [outsider.id],
    });
    expect(added.status).toBe(400);
    expect(await cohorts().countDocuments()).toBe(before);
    const doc = await cohorts().findById(cohortId).lean();
    expect(doc?.memberIds.map(String)).not.toContain(outsider.id);
  });
});

describe('exercises approved, per member and course', () => {
  const exercise = (key: string) => ({
    key,
    kind: 'exercise',
    title: `Exercise ${key}`,
    prompt: 'Say how it went.',
    minutes: 5,
  });
  let twoExercises: { id: string; items: ItemIds };

  /** The progress entry of one member in one course, as `caller` is shown it. */
  const entryOf = async (caller: ApiClient, memberId: string, courseId: string) => {
    const response = await caller.get(`/api/cohorts/${cohortId}/progress`);
    expect(response.status, response.text).toBe(200);
    return response.body.members
      .find((it: { id: string }) => it.id === memberId)
      ?.courses.find((it: { courseId: string }) => it.courseId === courseId);
  };
  const submit = async (who: { client: ApiClient } | undefined, itemId: string | undefined) => {
    const sent = await who?.client.post(`/api/items/${itemId}/submissions`, { text: 'Done.' });
    expect(sent?.status, sent?.text).toBe(201);
    return sent?.body.submission.id as string;
  };
  const decide = async (submissionId: string, body: Record<string, string>) => {
    const decided = await trainer.client.post(`/api/reviews/${submissionId}`, body);
    expect(decided.status, decided.text).toBe(200);
  };

  beforeAll(async () => {
    twoExercises = await publishedCourse(trainer.client, {
      title: 'Two exercises',
      modules: [
        {
          key: 'practice',
          title: 'Practice',
          items: [
            { key: 'intro', kind: 'reading', title: 'Intro', markdown: '# Intro', minutes: 5 },
            exercise('plan'),
            exercise('reflect'),
          ],
        },
      ],
    });
  });

  it('counts the approved ones of the version each member takes, not those sent back', async () => {
    const { plan, reflect } = twoExercises.items;
    await decide(await submit(staff[0], plan), { decision: 'approved' });
    await decide(await submit(staff[0], reflect), {
      decision: 'changes-requested',
      feedback: 'Say more.',
    });
    await decide(await submit(staff[1], plan), { decision: 'approved' });
    await decide(await submit(staff[1], reflect), { decision: 'approved' });

    const anaId = staff[0]?.id ?? '';
    const benId = staff[1]?.id ?? '';
    expect(await entryOf(trainer.client, anaId, twoExercises.id)).toMatchObject({
      exercises: { approved: 1, total: 2 },
    });
    expect(await entryOf(trainer.client, benId, twoExercises.id)).toMatchObject({
      exercises: { approved: 2, total: 2 },
    });
    // Ana's answer in the first course still waits for a trainer.
    expect(await entryOf(trainer.client, anaId, course.id)).toMatchObject({
      exercises: { approved: 0, total: 1 },
    });

    // Version 2 drops "reflect" and adds "extra". Ana stays on version 1; Ben moves forward:
    // his approval of "plan" (a key version 2 keeps) still counts, that of "reflect" no more.
    const draft = (await trainer.client.get(`/api/courses/${twoExercises.id}?view=draft`)).body
      .draft;
    const [intro, planItem] = draft.modules[0].items;
    const edited = await trainer.client.patch(`/api/courses/${twoExercises.id}`, {
      modules: [{ ...draft.modules[0], items: [intro, planItem, exercise('extra')] }],
    });
    expect(edited.status, edited.text).toBe(200);
    const published = await trainer.client.patch(`/api/courses/${twoExercises.id}`, {
      publish: true,
    });
    expect(published.status, published.text).toBe(200);
    const moved = await staff[1]?.client.post(`/api/courses/${twoExercises.id}/move-forward`, {});
    expect(moved?.status, moved?.text).toBe(200);
    expect(await entryOf(trainer.client, anaId, twoExercises.id)).toMatchObject({
      version: 1,
      exercises: { approved: 1, total: 2 },
    });
    expect(await entryOf(trainer.client, benId, twoExercises.id)).toMatchObject({
      version: 2,
      exercises: { approved: 1, total: 2 },
    });
  });

  it('gives a staff lead the counts of their own staff only', async () => {
    // Ben left the partner above: his approved answers are no longer the lead's to count.
    const lead = await member(haven(), ['champion'], { partnerId: partner });
    const progress = await lead.client.get(`/api/cohorts/${cohortId}/progress`);
    expect(progress.status, progress.text).toBe(200);
    expect(progress.body.members).toEqual([
      expect.objectContaining({
        id: staff[0]?.id,
        courses: expect.arrayContaining([
          expect.objectContaining({ courseId: course.id, exercises: { approved: 0, total: 1 } }),
          expect.objectContaining({
            courseId: twoExercises.id,
            exercises: { approved: 1, total: 2 },
          }),
        ]),
      }),
    ]);
    expect(progress.text).not.toContain(staff[1]?.id);
  });
});

describe('changing a cohort', () => {
  it('adds and removes members and trainers', async () => {
    const created = await trainer.client.post('/api/cohorts', { name: 'Evening group' });
    const id = created.body.cohort.id;
    expect(created.body.cohort).toMatchObject({ trainerIds: [trainer.id], memberIds: [] });
    const colleague = await member(haven(), ['trainer']);
    const added = await trainer.client.patch(`/api/cohorts/${id}`, {
      addMemberIds: [outsider.id, outsider.id],
      addTrainerIds: [colleague.id],
    });
    expect(added.status, added.text).toBe(200);
    expect(added.body.cohort).toMatchObject({
      memberIds: [outsider.id],
      trainerIds: [trainer.id, colleague.id],
    });
    expect((await colleague.client.get(`/api/cohorts/${id}/progress`)).status).toBe(200);
    const removed = await colleague.client.patch(`/api/cohorts/${id}`, {
      removeMemberIds: [outsider.id],
      name: 'Evening group (closed)',
    });
    expect(removed.body.cohort).toMatchObject({ name: 'Evening group (closed)', memberIds: [] });
    const notTrainer = await trainer.client.patch(`/api/cohorts/${id}`, {
      addTrainerIds: [outsider.id],
    });
    expect(notTrainer.status).toBe(400);
  });

  it('refuses operator-shaped payloads and unknown keys, storing nothing', async () => {
    const before = await cohorts().countDocuments();
    const bodies: unknown[] = [
      { name: { $gt: '' } },
      { name: 'x', memberIds: [{ $ne: null }] },
      { name: 'x', memberIds: ['not-an-id'] },
      { name: 'x', createdBy: trainer.id },
      { name: 'x'.repeat(101) },
      { name: 'x', partnerId: { $exists: true } },
      {},
    ];
    for (const body of bodies) {
      const refused = await trainer.client.post('/api/cohorts', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [{ $set: { name: 'y' } }, { memberIds: [] }, { name: '' }]) {
      const refused = await trainer.client.patch(`/api/cohorts/${cohortId}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect((await trainer.client.get('/api/cohorts?mine[$ne]=1')).status).toBe(400);
    expect(await cohorts().countDocuments()).toBe(before);
  });
});

describe('export and deletion', () => {
  it("exports a member's cohorts and takes them out of every cohort when they leave", async () => {
    const learner = await member(haven());
    const created = await trainer.client.post('/api/cohorts', {
      name: 'Leavers',
      memberIds: [learner.id],
    });
    const exported = (await learner.client.get('/api/me/export')).body.trainingCohorts;
    expect(exported).toEqual([
      { id: created.body.cohort.id, name: 'Leavers', asMember: true, asTrainer: false },
    ]);
    const erased = await learner.client.delete('/api/me');
    expect([200, 204]).toContain(erased.status);
    const doc = await cohorts().findById(created.body.cohort.id).lean();
    expect(doc?.memberIds).toEqual([]);
  });
});
