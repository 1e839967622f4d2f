import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { completeCourse, credentialModelsOf } from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

describe('certificates', () => {
  it('are issued on completing a course, once per course, and listed for their owner only', async () => {
    const learner = await signUpAs(haven, ['participant'], { displayName: 'Robin' });
    const other = await signUpAs(haven, ['participant']);
    const outcome = await completeCourse(haven, learner.id, {
      courseTitle: 'Foundations of the 4-Point Program',
      track: 'foundations',
    });
    const code = outcome.certificate.code;
    expect(code).toMatch(/^[A-Z2-7]{16}$/);
    expect(outcome.certificate).toMatchObject({
      nameOnCertificate: 'Robin',
      courseTitle: 'Foundations of the 4-Point Program',
      track: 'foundations',
      keepVerifiableAfterDeletion: false,
      verifyPath: `/certificates/verify/${code}`,
    });
    expect(outcome.tracksCompleted).toEqual(['foundations']);
    // The same completion reported again (a retry) changes nothing.
    const again = await completeCourse(haven, learner.id, {
      courseId: outcome.certificate.courseId,
      track: 'foundations',
    });
    expect(again.certificate.code).toBe(code);
    expect(again.tracksCompleted).toEqual([]);

    const mine = await learner.client.get('/api/certificates');
    expect(mine.status).toBe(200);
    expect(mine.body.certificates.map((c: { code: string }) => c.code)).toEqual([code]);
    expect((await other.client.get('/api/certificates')).body.certificates).toEqual([]);
    expect((await other.client.get(`/api/certificates/${code}`)).status).toBe(404);
    expect((await other.client.get(`/api/certificates/${code}/pdf`)).status).toBe(404);
    expect((await new ApiClient(haven.url).get('/api/certificates')).status).toBe(401);

    const record = await learner.client.get('/api/training/record');
    expect(record.body.record).toMatchObject({
      tracks: [{ track: 'foundations' }],
      facilitatorTrainingComplete: false,
    });
  });

  it('have a printable page and a PDF that starts with %PDF and carries the code', async () => {
    const learner = await signUpAs(haven, ['participant'], { displayName: 'Dana' });
    const { certificate } = await completeCourse(haven, learner.id);
    const page = await learner.client.get(`/api/certificates/${certificate.code.toLowerCase()}`);
    expect(page.status).toBe(200);
    expect(page.body.certificate.code).toBe(certificate.code);
    expect(page.body.verifyUrl).toBe(`${haven.url}/certificates/verify/${certificate.code}`);

    const response = await fetch(`${haven.url}/api/certificates/${certificate.code}/pdf`, {
      headers: { cookie: `haven_session=${learner.client.cookie('haven_session') ?? ''}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getSubject()).toContain(certificate.code);
    expect(pdf.getTitle()).toContain('Running a peer-led meeting');
  });

  it('verify publicly with only the name on it, the course and the date', async () => {
    const learner = await signUpAs(haven, ['participant'], { displayName: 'Kim' });
    const { certificate } = await completeCourse(haven, learner.id, {
      courseTitle: 'Champions of recovery',
      track: 'champion',
      language: 'es',
    });
    const anonymous = new ApiClient(haven.url);
    const checked = await anonymous.get(`/api/certificates/${certificate.code}/verify`);
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({
      valid: true,
      certificate: {
        nameOnCertificate: 'Kim',
        courseTitle: 'Champions of recovery',
        issuedOn: certificate.issuedAt.slice(0, 10),
      },
    });
    // Grouped as printed, lower case: the same certificate.
    const grouped = certificate.code.toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
    expect((await anonymous.get(`/api/certificates/${grouped}/verify`)).body.valid).toBe(true);
    expect(checked.text).not.toContain(learner.id);
    expect(checked.text).not.toContain('champion');

    const unknown = await anonymous.get('/api/certificates/AAAAAAAAAAAAAAAA/verify');
    expect(unknown.body).toEqual({ valid: false });
    expect((await anonymous.get('/api/certificates/not-a-code!/verify')).status).toBe(400);
  });

  it('let the owner choose the printed name once, and refuse bad input with nothing stored', async () => {
    const learner = await signUpAs(haven, ['participant'], { displayName: 'Jo' });
    const { certificate } = await completeCourse(haven, learner.id);
    const path = `/api/certificates/${certificate.code}`;
    const bad = [
      {},
      { nameOnCertificate: '' },
      { nameOnCertificate: 'x'.repeat(81) },
      { nameOnCertificate: 'Jo\u0007' },
      { nameOnCertificate: 'Jo \u202Ehtims' },
      { keepVerifiableAfterDeletion: 'yes' },
      { nameOnCertificate: 'Jo Smith', userId: learner.id },
    ];
    for (const body of bad) expect((await learner.client.patch(path, body)).status).toBe(400);
    const stored = await credentialModelsOf(haven)
      .Certificate.findOne({
        code: certificate.code,
      })
      .lean();
    expect(stored).toMatchObject({ nameOnCertificate: 'Jo', nameChosen: false });

    const named = await learner.client.patch(path, { nameOnCertificate: 'Joanna Smith' });
    expect(named.status).toBe(200);
    expect(named.body.certificate).toMatchObject({
      nameOnCertificate: 'Joanna Smith',
      nameChosen: true,
    });
    const twice = await learner.client.patch(path, { nameOnCertificate: 'Someone Else' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
    const verified = await new ApiClient(haven.url).get(`${path}/verify`);
    expect(verified.body.certificate.nameOnCertificate).toBe('Joanna Smith');
  });

  it('refuses a malformed completion with nothing stored', async () => {
    const learner = await signUpAs(haven, ['participant']);
    const models = credentialModelsOf(haven);
    const bad: Array<[string, Record<string, unknown>]> = [
      [learner.id, { track: 'advanced' }],
      [learner.id, { courseId: 'nope' }],
      [learner.id, { courseTitle: '' }],
      [learner.id, { language: 'English' }],
      [learner.id, { extra: true }],
      ['not-an-id', {}],
      ['0123456789abcdef01234567', {}],
    ];
    for (const [userId, course] of bad)
      await expect(completeCourse(haven, userId, course as never)).rejects.toMatchObject({
        code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/),
      });
    expect(await models.Certificate.countDocuments({ userId: learner.id })).toBe(0);
    expect(await models.TrainingRecord.countDocuments({ _id: learner.id })).toBe(0);
    expect(await models.TrainingRecord.countDocuments({ _id: '0123456789abcdef01234567' })).toBe(0);
  });
});
