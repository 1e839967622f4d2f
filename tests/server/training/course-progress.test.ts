import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import { havenPerFile, type ItemIds, itemIds, member, publishedCourse } from './helpers.ts';

/** Progress per course: numbers for trainers and admins, and no learner named or identified. */
const { haven, clock } = havenPerFile();

type Person = { client: ApiClient; id: string };
let trainer: Person;
let learners: Person[];
let course: { id: string; items: ItemIds };

const PASS = { answers: { q1: ['b'], q2: ['a', 'c'] } };
const FAIL = { answers: { q1: ['a'], q2: ['b'] } };

/** Credits `seconds` (multiples of 60) of heartbeats on an item, moving the clock, never sleeping. */
async function spend(person: Person, itemId: string, seconds: number) {
  await person.client.post(`/api/items/${itemId}/heartbeat`, {});
  for (let done = 0; done < seconds; done += 60) {
    clock.advance(60);
    const beat = await person.client.post(`/api/items/${itemId}/heartbeat`, {});
    expect(beat.status, beat.text).toBe(200);
  }
}

async function act(person: Person, path: string, body: unknown) {
  const response = await person.client.post(path, body);
  expect(response.status, response.text).toBeLessThan(300);
  return response;
}

beforeAll(async () => {
  trainer = await member(haven(), ['trainer']);
  course = await publishedCourse(trainer.client, { title: 'Counted course' });
  learners = [await member(haven()), await member(haven()), await member(haven())];
  const [a, b, c] = learners as [Person, Person, Person];
  const { read, watch, check, write } = course.items;
  // a: one minute of reading, done; passes the quiz; an answer waits for review.
  await spend(a, read, 60);
  await act(a, `/api/items/${read}/complete`, {});
  await act(a, `/api/items/${check}/attempts`, PASS);
  await act(a, `/api/items/${write}/submissions`, { text: 'My answer.' });
  // b: two minutes of reading, done; fails the quiz.
  await spend(b, read, 120);
  await act(b, `/api/items/${read}/complete`, {});
  await act(b, `/api/items/${check}/attempts`, FAIL);
  // c: everything, the exercise approved by the trainer, so the course completes.
  await act(c, `/api/items/${read}/complete`, {});
  await act(c, `/api/items/${watch}/complete`, {});
  await act(c, `/api/items/${check}/attempts`, FAIL);
  await act(c, `/api/items/${check}/attempts`, PASS);
  const answer = await act(c, `/api/items/${write}/submissions`, { text: 'Done.' });
  await act(trainer, `/api/reviews/${answer.body.submission.id}`, { decision: 'approved' });
  // Version 2 gets one more learner, who finishes the reading only.
  for (const patch of [{ title: 'Counted course, revised' }, { publish: true }]) {
    const patched = await trainer.client.patch(`/api/courses/${course.id}`, patch);
    expect(patched.status, patched.text).toBe(200);
  }
  const d = await member(haven());
  learners.push(d);
  const v2 = await itemIds(d.client, course.id);
  await act(d, `/api/items/${v2.read}/complete`, {});
});

describe('GET /api/courses/:id/progress', () => {
  it('counts learners, items, quizzes, exercises and time, per version and in all', async () => {
    const response = await trainer.client.get(`/api/courses/${course.id}/progress`);
    expect(response.status, response.text).toBe(200);
    const report = response.body;
    expect(report.course).toEqual({
      id: course.id,
      title: 'Counted course, revised',
      language: 'en',
      latestVersion: 2,
    });
    expect(report.learners).toEqual({ started: 4, inProgress: 3, completed: 1 });
    // 0, 0, 1 and 2 minutes: 3 in all, the median halfway between 0 and 1.
    expect(report.minutes).toEqual({ total: 3, medianPerLearner: 0.5 });
    expect(report.versions.map((it: { version: number }) => it.version)).toEqual([2, 1]);
    const [v2, v1] = report.versions;
    expect(v2.learners).toEqual({ started: 1, inProgress: 1, completed: 0 });
    expect(v2.items.find((it: { key: string }) => it.key === 'read').completed).toBe(1);
    expect(v1.learners).toEqual({ started: 3, inProgress: 2, completed: 1 });
    expect(v1.minutes).toEqual({ total: 3, medianPerLearner: 1 });
    expect(v1.items).toEqual([
      { key: 'read', title: 'Read', kind: 'reading', moduleTitle: 'Urges', completed: 3 },
      { key: 'watch', title: 'Watch', kind: 'video', moduleTitle: 'Urges', completed: 1 },
      {
        key: 'check',
        title: 'Check your understanding',
        kind: 'quiz',
        moduleTitle: 'Urges',
        completed: 2,
        quiz: { attempted: 3, passed: 2, passRate: 66.7 },
      },
      {
        key: 'write',
        title: 'Write',
        kind: 'exercise',
        moduleTitle: 'Urges',
        completed: 1,
        exercise: { approved: 1, waiting: 1 },
      },
    ]);
  });

  it('names no learner: none of their ids appears anywhere in the answer', async () => {
    const response = await trainer.client.get(`/api/courses/${course.id}/progress`);
    expect(response.status).toBe(200);
    for (const learner of learners) expect(response.text).not.toContain(learner.id);
    expect(response.text).not.toMatch(/userId|displayName/);
  });

  it('answers admins too, and refuses everyone else', async () => {
    const admin = await member(haven(), ['admin']);
    expect((await admin.client.get(`/api/courses/${course.id}/progress`)).status).toBe(200);
    const refused = await learners[0]?.client.get(`/api/courses/${course.id}/progress`);
    expect(refused?.status).toBe(403);
    expect(refused?.body.error.code).toBe('FORBIDDEN');
    const champion = await member(haven(), ['champion']);
    expect((await champion.client.get(`/api/courses/${course.id}/progress`)).status).toBe(403);
  });

  it('refuses a malformed id and says an unknown course is not found', async () => {
    const bad = await trainer.client.get('/api/courses/not-an-id/progress');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    const unknown = await trainer.client.get(`/api/courses/${new Types.ObjectId()}/progress`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });

  it('gives zeros for a draft nobody has started', async () => {
    const draft = await act(trainer, '/api/courses', {
      title: 'Unpublished',
      description: '',
      language: 'es',
      track: 'foundations',
      plannedMinutes: 10,
    });
    const response = await trainer.client.get(`/api/courses/${draft.body.course.id}/progress`);
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      course: { latestVersion: 0, language: 'es' },
      learners: { started: 0, inProgress: 0, completed: 0 },
      minutes: { total: 0, medianPerLearner: 0 },
      versions: [],
    });
  });
});
