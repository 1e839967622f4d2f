import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import {
  courseBody,
  havenPerFile,
  type ItemIds,
  member,
  models,
  publishedCourse,
} from './helpers.ts';

const { haven } = havenPerFile();

let trainer: ApiClient;
let foundations: { id: string; items: ItemIds };

beforeAll(async () => {
  trainer = (await member(haven(), ['trainer'])).client;
  foundations = await publishedCourse(trainer, courseBody({ title: 'Foundations' }));
});

async function completeFoundations(client: ApiClient) {
  await client.post(`/api/items/${foundations.items.read}/complete`, {});
  await client.post(`/api/items/${foundations.items.watch}/complete`, {});
  await client.post(`/api/items/${foundations.items.check}/attempts`, {
    answers: { q1: ['b'], q2: ['a', 'c'] },
  });
}

describe('authoring is for trainers and admins', () => {
  it('refuses participants, facilitators and champions, and stores nothing', async () => {
    for (const roles of [['participant'], ['facilitator'], ['champion', 'moderator']]) {
      const { client } = await member(haven(), roles);
      const created = await client.post('/api/courses', courseBody({ title: `by ${roles[0]}` }));
      expect(created.status).toBe(403);
      expect(created.body.error.code).toBe('FORBIDDEN');
      const patched = await client.patch(`/api/courses/${foundations.id}`, { title: 'Hijacked' });
      expect(patched.status).toBe(403);
    }
    expect(await models(haven()).Course.countDocuments({ title: /^by |Hijacked/ })).toBe(0);
  });

  it('lets an admin create, reorder and publish; the draft with answers is for authors only', async () => {
    const admin = await member(haven(), ['admin']);
    const created = await admin.client.post('/api/courses', courseBody({ title: 'By the board' }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.course).toMatchObject({
      status: 'draft',
      version: 0,
      hasUnpublishedChanges: true,
    });
    expect(created.body.draft.modules[0].items[2].questions[0].correct).toEqual(['b']);
    const id = created.body.course.id;

    // A learner does not see a draft at all, in the list or by id.
    const learner = await member(haven());
    expect((await learner.client.get(`/api/courses/${id}`)).status).toBe(404);
    const draftItem = created.body.course.modules[0].items[0].id;
    expect((await learner.client.get(`/api/items/${draftItem}`)).status).toBe(404);
    const list = await learner.client.get('/api/courses');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await learner.client.get('/api/courses?status=all')).status).toBe(403);

    const modules = created.body.draft.modules;
    const reordered = [{ ...modules[0], items: [...modules[0].items].reverse() }];
    const patched = await admin.client.patch(`/api/courses/${id}`, {
      modules: reordered,
      publish: true,
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.course).toMatchObject({
      status: 'published',
      version: 1,
      hasUnpublishedChanges: false,
    });
    const outline = await learner.client.get(`/api/courses/${id}`);
    expect(outline.body.course.modules[0].items.map((i: { key: string }) => i.key)).toEqual([
      'write',
      'check',
      'watch',
      'read',
    ]);
    // A draft item previewed by its author is not something to take.
    const preview = await admin.client.post(`/api/items/${draftItem}/complete`, {});
    expect(preview.status).toBe(409);
  });

  it('refuses bad course input with a clear code and stores nothing', async () => {
    const before = await models(haven()).Course.countDocuments();
    const bad = [
      courseBody({ track: 'expert' }),
      courseBody({ language: 'fr' }),
      courseBody({ title: { $gt: '' } }),
      courseBody({ owner: 'me' }),
      courseBody({ title: 'x'.repeat(161) }),
      courseBody({ prerequisites: ['not-an-id'] }),
      courseBody({ prerequisites: ['0123456789abcdef01234567'] }),
      courseBody({
        modules: [
          {
            title: 'M',
            items: [{ kind: 'reading', title: 'R', markdown: 'x'.repeat(20_001), minutes: 1 }],
          },
        ],
      }),
      courseBody({
        modules: [
          {
            title: 'M',
            items: [
              { key: 'same', kind: 'reading', title: 'R', markdown: 'a', minutes: 1 },
              { key: 'same', kind: 'reading', title: 'R', markdown: 'b', minutes: 1 },
            ],
          },
        ],
      }),
      courseBody({
        modules: [
          {
            title: 'M',
            items: [
              {
                kind: 'quiz',
                title: 'Q',
                minutes: 1,
                passMark: 50,
                questions: [
                  {
                    id: 'q',
                    prompt: 'P',
                    kind: 'single',
                    options: [
                      { id: 'a', text: 'A' },
                      { id: 'b', text: 'B' },
                    ],
                    correct: ['a', 'b'],
                    explanation: 'E',
                  },
                ],
              },
            ],
          },
        ],
      }),
      courseBody({
        modules: [
          {
            title: 'M',
            items: [{ kind: 'video', title: 'V', url: 'javascript:alert(1)', durationSeconds: 5 }],
          },
        ],
      }),
    ];
    for (const body of bad) {
      const response = await trainer.post('/api/courses', body);
      expect(response.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
    expect(await models(haven()).Course.countDocuments()).toBe(before);
  });

  it('refuses prerequisites that loop and a publish with nothing in it', async () => {
    const a = await trainer.post('/api/courses', courseBody({ title: 'A', modules: [] }));
    const b = await trainer.post(
      '/api/courses',
      courseBody({ title: 'B', prerequisites: [a.body.course.id] }),
    );
    const loop = await trainer.patch(`/api/courses/${a.body.course.id}`, {
      prerequisites: [b.body.course.id],
    });
    expect(loop.status).toBe(400);
    const self = await trainer.patch(`/api/courses/${a.body.course.id}`, {
      prerequisites: [a.body.course.id],
    });
    expect(self.status).toBe(400);
    const empty = await trainer.patch(`/api/courses/${a.body.course.id}`, { publish: true });
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('INVALID_TRANSITION');
  });
});

describe('tracks and prerequisites, on the server', () => {
  let facilitatorCourse: { id: string; items: ItemIds };
  let championCourse: { id: string; items: ItemIds };
  let advanced: { id: string; items: ItemIds };

  beforeAll(async () => {
    facilitatorCourse = await publishedCourse(
      trainer,
      courseBody({ title: 'Facilitating', track: 'facilitator' }),
    );
    championCourse = await publishedCourse(
      trainer,
      courseBody({ title: 'Champions', track: 'champion' }),
    );
    advanced = await publishedCourse(
      trainer,
      courseBody({ title: 'Advanced', prerequisites: [facilitatorCourse.id] }),
    );
  });

  it('the facilitator track needs foundations completed; the outline stays readable', async () => {
    const learner = await member(haven());
    const outline = await learner.client.get(`/api/courses/${facilitatorCourse.id}`);
    expect(outline.status).toBe(200);
    expect(outline.body.course.access).toEqual({
      allowed: false,
      reason: 'track',
      missingPrerequisites: [],
    });
    const refused = await learner.client.post(
      `/api/items/${facilitatorCourse.items.read}/complete`,
      {},
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await learner.client.get(`/api/items/${facilitatorCourse.items.check}`)).status).toBe(
      403,
    );
    expect(await models(haven()).Progress.countDocuments({ userId: learner.id })).toBe(0);

    await completeFoundations(learner.client);
    // Foundations is not complete until its exercise is approved.
    expect(
      (await learner.client.post(`/api/items/${facilitatorCourse.items.read}/complete`, {})).status,
    ).toBe(403);
    const training = (
      haven().haven.api as unknown as {
        training: import('../../../server/training/service.ts').TrainingService;
      }
    ).training;
    await learner.client.post(`/api/items/${foundations.items.write}/submissions`, {
      text: 'done',
    });
    await training.markExerciseApproved(learner.id, foundations.items.write);
    const allowed = await learner.client.post(
      `/api/items/${facilitatorCourse.items.read}/complete`,
      {},
    );
    expect(allowed.status, allowed.text).toBe(200);
  });

  it("a course's prerequisites must be complete before its items can be taken", async () => {
    const learner = await member(haven());
    const outline = await learner.client.get(`/api/courses/${advanced.id}`);
    expect(outline.body.course.access).toEqual({
      allowed: false,
      reason: 'prerequisites',
      missingPrerequisites: [facilitatorCourse.id],
    });
    const refused = await learner.client.post(`/api/items/${advanced.items.check}/attempts`, {
      answers: { q1: ['b'] },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'FORBIDDEN',
      fields: { prerequisites: [facilitatorCourse.id] },
    });
    expect(await models(haven()).Attempt.countDocuments({ userId: learner.id })).toBe(0);
  });

  it('the champion track is for champions and partner staff', async () => {
    const participant = await member(haven());
    const refused = await participant.client.post(
      `/api/items/${championCourse.items.read}/complete`,
      {},
    );
    expect(refused.status).toBe(403);
    const champion = await member(haven(), ['champion']);
    expect(
      (await champion.client.post(`/api/items/${championCourse.items.read}/complete`, {})).status,
    ).toBe(200);
    const staff = await member(haven(), ['participant'], { partnerId: '0123456789abcdef01234567' });
    expect(
      (await staff.client.post(`/api/items/${championCourse.items.read}/complete`, {})).status,
    ).toBe(200);
  });
});
