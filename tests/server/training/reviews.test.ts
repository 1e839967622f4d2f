import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { havenPerFile, member, models, publishedCourse } from './helpers.ts';

/** The trainers' review queue: the loop, who may use it, and what it refuses. */
const { haven, clock } = havenPerFile();

let trainer: { client: ApiClient; id: string };

beforeAll(async () => {
  trainer = await member(haven(), ['trainer']);
});

/** A course of a reading and a written exercise, so approving the exercise completes it. */
function shortCourse(title: string) {
  return publishedCourse(trainer.client, {
    title,
    modules: [
      {
        key: 'one',
        title: 'One',
        items: [
          { key: 'read', kind: 'reading', title: 'Read', markdown: 'Rest.', minutes: 5 },
          {
            key: 'write',
            kind: 'exercise',
            title: 'Write',
            prompt: 'Describe an urge.',
            minutes: 10,
          },
        ],
      },
    ],
  });
}

async function queue(client: ApiClient, query = '') {
  const response = await client.get(`/api/reviews${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.items as Array<Record<string, unknown> & { id: string; version: number }>;
}

describe('the review loop', () => {
  it('asks for changes, shows the learner the feedback, takes a new version and approves it: the course completes with a certificate', async () => {
    const { id: courseId, items } = await shortCourse('Reviewed course');
    const learner = await signUpAs(haven(), ['participant'], { displayName: 'Robin' });
    await learner.client.post(`/api/items/${items.read}/complete`, {});
    const first = await learner.client.post(`/api/items/${items.write}/submissions`, {
      text: 'An urge came and went.',
    });
    expect(first.status, first.text).toBe(201);

    const waiting = await queue(trainer.client, `?courseId=${courseId}`);
    expect(waiting).toEqual([
      expect.objectContaining({
        id: first.body.submission.id,
        learner: { id: learner.id, displayName: 'Robin' },
        course: { id: courseId, title: 'Reviewed course' },
        item: { id: items.write, title: 'Write', prompt: 'Describe an urge.' },
        text: 'An urge came and went.',
        version: 1,
        status: 'submitted',
        earlierVersions: [],
      }),
    ]);

    clock.advance(60);
    const changes = await trainer.client.post(`/api/reviews/${first.body.submission.id}`, {
      decision: 'changes-requested',
      feedback: 'Say what you did while it passed.',
    });
    expect(changes.status, changes.text).toBe(200);
    expect(changes.body.review).toMatchObject({ status: 'changes-requested' });
    const stored = await models(haven()).Submission.findById(first.body.submission.id).lean();
    expect(String(stored?.reviewerId)).toBe(trainer.id);
    expect(stored?.reviewedAt?.getTime()).toBe(clock.now);

    // Deciding twice is refused.
    const again = await trainer.client.post(`/api/reviews/${first.body.submission.id}`, {
      decision: 'approved',
    });
    expect(again.status).toBe(409);

    // The learner sees the feedback on their item.
    const item = (await learner.client.get(`/api/items/${items.write}`)).body.item;
    expect(item.exercise.submissions).toEqual([
      expect.objectContaining({
        version: 1,
        status: 'changes-requested',
        feedback: 'Say what you did while it passed.',
      }),
    ]);
    expect(await queue(trainer.client, `?courseId=${courseId}`)).toEqual([]);
    expect(
      (await queue(trainer.client, `?courseId=${courseId}&status=changes-requested`)).map(
        (entry) => entry.id,
      ),
    ).toEqual([first.body.submission.id]);

    // Two new versions before anyone looks: only the latest is decided.
    const second = await learner.client.post(`/api/items/${items.write}/submissions`, {
      text: 'I went for a walk.',
    });
    const third = await learner.client.post(`/api/items/${items.write}/submissions`, {
      text: 'I went for a walk and called a friend.',
    });
    expect(third.body.submission.version).toBe(3);
    const older = await trainer.client.post(`/api/reviews/${second.body.submission.id}`, {
      decision: 'approved',
    });
    expect(older.status).toBe(409);

    const latest = (await queue(trainer.client, `?courseId=${courseId}`)).find(
      (entry) => entry.id === third.body.submission.id,
    );
    expect(latest?.earlierVersions).toEqual([
      expect.objectContaining({ version: 1, feedback: 'Say what you did while it passed.' }),
      expect.objectContaining({ version: 2, status: 'submitted', feedback: null }),
    ]);

    expect((await learner.client.get('/api/certificates')).body.certificates).toEqual([]);
    const approved = await trainer.client.post(`/api/reviews/${third.body.submission.id}`, {
      decision: 'approved',
      feedback: 'Well done.',
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.review).toMatchObject({ status: 'approved', feedback: 'Well done.' });

    const detail = (await learner.client.get(`/api/courses/${courseId}`)).body.course;
    expect(detail.progress).toMatchObject({ completed: true, completedItems: 2, totalItems: 2 });
    expect((await learner.client.get('/api/certificates')).body.certificates).toEqual([
      expect.objectContaining({ courseId, courseTitle: 'Reviewed course' }),
    ]);
    // Approved: no further version.
    const after = await learner.client.post(`/api/items/${items.write}/submissions`, {
      text: 'More.',
    });
    expect(after.status).toBe(409);

    // The reviewer's export carries the reviews they made.
    const exported = (await trainer.client.get('/api/me/export')).body.trainingReviews;
    expect(exported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ submissionId: third.body.submission.id, decision: 'approved' }),
      ]),
    );
  });

  it('pages oldest first', async () => {
    const { id: courseId, items } = await shortCourse('Paged');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(10);
      const learner = await member(haven());
      const sent = await learner.client.post(`/api/items/${items.write}/submissions`, {
        text: `Answer ${i}`,
      });
      ids.push(sent.body.submission.id);
    }
    const page = await trainer.client.get(`/api/reviews?courseId=${courseId}&limit=2`);
    expect(page.body.items.map((entry: { id: string }) => entry.id)).toEqual(ids.slice(0, 2));
    const next = await trainer.client.get(
      `/api/reviews?courseId=${courseId}&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items.map((entry: { id: string }) => entry.id)).toEqual(ids.slice(2));
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('who may review', () => {
  it('refuses participants, and a trainer reviewing their own answer', async () => {
    const { items } = await shortCourse('Permissions');
    const learner = await member(haven());
    const sent = await learner.client.post(`/api/items/${items.write}/submissions`, {
      text: 'Mine.',
    });
    expect((await learner.client.get('/api/reviews')).status).toBe(403);
    const self = await learner.client.post(`/api/reviews/${sent.body.submission.id}`, {
      decision: 'approved',
    });
    expect(self.status).toBe(403);

    const own = await trainer.client.post(`/api/items/${items.write}/submissions`, {
      text: 'A trainer tries the course.',
    });
    const selfReview = await trainer.client.post(`/api/reviews/${own.body.submission.id}`, {
      decision: 'approved',
    });
    expect(selfReview.status).toBe(403);

    const admin = await member(haven(), ['admin']);
    expect((await admin.client.get('/api/reviews')).status).toBe(200);
    const missing = await admin.client.post('/api/reviews/0123456789abcdef01234567', {
      decision: 'approved',
    });
    expect(missing.status).toBe(404);
  });
});

describe('bad input is refused with nothing stored', () => {
  it('refuses operators, unknown keys, missing and oversized feedback', async () => {
    const { items } = await shortCourse('Bad input');
    const learner = await member(haven());
    const sent = await learner.client.post(`/api/items/${items.write}/submissions`, {
      text: 'Mine.',
    });
    const id = sent.body.submission.id;
    const bodies: unknown[] = [
      { decision: 'changes-requested' },
      { decision: 'changes-requested', feedback: '   ' },
      { decision: 'changes-requested', feedback: 'x'.repeat(4001) },
      { decision: { $ne: null } },
      { decision: 'approved', feedback: { $gt: '' } },
      { decision: 'approved', status: 'approved' },
      { decision: 'approved', reviewerId: learner.id },
      { decision: 'rejected' },
      {},
    ];
    for (const body of bodies) {
      const refused = await trainer.client.post(`/api/reviews/${id}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    for (const query of ['?status=bogus', '?courseId[$gt]=', '?cohortId=nope', '?sort=1']) {
      const refused = await trainer.client.get(`/api/reviews${query}`);
      expect(refused.status, query).toBe(400);
    }
    const stored = await models(haven()).Submission.findById(id).lean();
    expect(stored).toMatchObject({ status: 'submitted', feedback: null, reviewerId: null });
    expect(stored?.reviewedAt).toBeNull();
  });
});

describe('OpenAPI', () => {
  it('documents the review and cohort routes from the same schemas', async () => {
    const doc = await (await fetch(`${haven().url}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/reviews', '/reviews/{id}', '/cohorts', '/cohorts/{id}/progress']),
    );
    expect(
      doc.paths['/reviews/{id}'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('decision');
  });
});
