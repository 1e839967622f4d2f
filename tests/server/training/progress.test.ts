import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingService } from '../../../server/training/service.ts';
import type { ApiClient } from '../../helpers/api-client.ts';
import {
  courseBody,
  havenPerFile,
  type ItemIds,
  member,
  models,
  publishedCourse,
} from './helpers.ts';

const { haven, clock } = havenPerFile();

let trainer: ApiClient;
let course: { id: string; items: ItemIds };
const training = () => (haven().haven.api as unknown as { training: TrainingService }).training;

beforeAll(async () => {
  trainer = (await member(haven(), ['trainer'])).client;
  course = await publishedCourse(trainer);
});

const beat = (client: ApiClient, itemId: string) =>
  client.post(`/api/items/${itemId}/heartbeat`, {});

describe('time from heartbeats', () => {
  it('credits the time between beats, and nothing for the first beat', async () => {
    const learner = await member(haven());
    const first = await beat(learner.client, course.items.write);
    expect(first.status, first.text).toBe(200);
    expect(first.body.progress).toEqual({ status: 'started', minutes: 0 });
    clock.advance(30);
    await beat(learner.client, course.items.write);
    clock.advance(30);
    const third = await beat(learner.client, course.items.write);
    expect(third.body.progress.minutes).toBe(1);
    expect(third.body.course).toMatchObject({
      minutesDone: 1,
      plannedMinutes: 30,
      completedItems: 0,
      totalItems: 4,
    });
  });

  it('caps one beat at a minute and credits nothing after a long silence (an idle or hidden tab)', async () => {
    const learner = await member(haven());
    await beat(learner.client, course.items.write);
    clock.advance(100);
    const capped = await beat(learner.client, course.items.write);
    expect(capped.body.progress.minutes).toBe(1);
    clock.advance(60 * 60);
    const afterSilence = await beat(learner.client, course.items.write);
    expect(afterSilence.body.progress.minutes).toBe(1);
  });

  it('beats sent too fast credit no more than the time that passed', async () => {
    const learner = await member(haven());
    await beat(learner.client, course.items.write);
    for (let i = 0; i < 10; i++) await beat(learner.client, course.items.write);
    const burst = await Promise.all(
      [1, 2, 3, 4, 5].map(() => beat(learner.client, course.items.write)),
    );
    expect(burst.every((r) => r.status === 200)).toBe(true);
    const stored = await models(haven())
      .Progress.findOne({ userId: learner.id, itemKey: 'write' })
      .lean();
    expect(stored?.seconds).toBe(0);
  });

  it('caps an item at twice its planned time (at least ten minutes)', async () => {
    const learner = await member(haven());
    await beat(learner.client, course.items.write);
    // The exercise plans 10 minutes: 20 minutes at most, however long the learner beats.
    for (let i = 0; i < 60; i++) {
      clock.advance(30);
      await beat(learner.client, course.items.write);
    }
    const stored = await models(haven())
      .Progress.findOne({ userId: learner.id, itemKey: 'write' })
      .lean();
    expect(stored?.seconds).toBe(20 * 60);
  });

  it('refuses a body on a heartbeat: the client does not say what time it is', async () => {
    const learner = await member(haven());
    const response = await learner.client.post(`/api/items/${course.items.write}/heartbeat`, {
      at: '2030-01-01T00:00:00Z',
    });
    expect(response.status).toBe(400);
    expect(await models(haven()).Progress.countDocuments({ userId: learner.id })).toBe(0);
  });
});

describe('completion', () => {
  it('a video completes after its duration of credited time; a reading when marked done; a quiz or exercise cannot be marked', async () => {
    const learner = await member(haven());
    await beat(learner.client, course.items.watch);
    for (let i = 0; i < 4; i++) {
      clock.advance(30);
      await beat(learner.client, course.items.watch);
    }
    const video = await learner.client.get(`/api/items/${course.items.watch}`);
    expect(video.body.item.progress).toEqual({ status: 'completed', minutes: 2 });

    const read = await learner.client.post(`/api/items/${course.items.read}/complete`, {});
    expect(read.status, read.text).toBe(200);
    expect(read.body.progress.status).toBe('completed');
    expect(read.body.course.completedItems).toBe(2);

    for (const key of ['check', 'write']) {
      const refused = await learner.client.post(
        `/api/items/${course.items[key as 'check']}/complete`,
        {},
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    }
  });

  it('stores exercise answers as versions and completes the course once on approval, telling TrainingEvents', async () => {
    const learner = await member(haven());
    const completions: unknown[] = [];
    const listener = (...args: unknown[]) => completions.push(args);
    training().events.on('courseCompleted', listener);
    try {
      await learner.client.post(`/api/items/${course.items.read}/complete`, {});
      await learner.client.post(`/api/items/${course.items.watch}/complete`, {});
      await learner.client.post(`/api/items/${course.items.check}/attempts`, {
        answers: { q1: ['b'], q2: ['a', 'c'] },
      });
      const first = await learner.client.post(`/api/items/${course.items.write}/submissions`, {
        text: 'My first answer',
      });
      expect(first.status, first.text).toBe(201);
      expect(first.body.submission).toMatchObject({
        version: 1,
        status: 'submitted',
        feedback: null,
      });
      const second = await learner.client.post(`/api/items/${course.items.write}/submissions`, {
        text: 'Better answer',
      });
      expect(second.body.submission.version).toBe(2);

      const queue = await training().submissionsFor({ status: 'submitted', userId: learner.id });
      expect(queue.map((s) => [s.version, s.text, s.itemKey, s.reviewerId])).toEqual([
        [1, 'My first answer', 'write', null],
        [2, 'Better answer', 'write', null],
      ]);
      const raw = await haven()
        .mongo.connection.db?.collection('training_submissions')
        .findOne({ text: 'Better answer' });
      expect(raw).toMatchObject({
        itemKey: 'write',
        version: 2,
        status: 'submitted',
        feedback: null,
        reviewerId: null,
        reviewedAt: null,
      });

      let detail = await learner.client.get(`/api/courses/${course.id}`);
      expect(detail.body.course.progress).toMatchObject({ completedItems: 3, completed: false });
      expect(completions).toEqual([]);

      await training().markExerciseApproved(learner.id, course.items.write);
      await training().markExerciseApproved(learner.id, course.items.write);
      expect(completions).toEqual([[learner.id, course.id, 'foundations']]);
      detail = await learner.client.get(`/api/courses/${course.id}`);
      expect(detail.body.course.progress).toMatchObject({
        completedItems: 4,
        totalItems: 4,
        completed: true,
      });
      const list = await learner.client.get('/api/courses?track=foundations&language=en');
      expect(list.body.items[0].progress).toMatchObject({ completedItems: 4, completed: true });
    } finally {
      training().events.off('courseCompleted', listener);
    }
  });

  it('refuses an exercise answer that is empty or too long, storing nothing', async () => {
    const learner = await member(haven());
    for (const body of [
      { text: '' },
      { text: 'x'.repeat(20_001) },
      { text: { $gt: '' } },
      { text: 'ok', status: 'approved' },
    ]) {
      const response = await learner.client.post(
        `/api/items/${course.items.write}/submissions`,
        body,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
    expect(await models(haven()).Submission.countDocuments({ userId: learner.id })).toBe(0);
  });

  it("nobody sees another learner's progress", async () => {
    const learner = await member(haven());
    const other = await member(haven());
    await learner.client.post(`/api/items/${course.items.read}/complete`, {});
    const theirs = await other.client.get(`/api/courses/${course.id}`);
    expect(theirs.body.course.progress.completedItems).toBe(0);
    const byTrainer = await trainer.get(`/api/courses/${course.id}`);
    expect(byTrainer.body.course.progress.completedItems).toBe(0);
  });

  it('lists courses by track and language', async () => {
    await publishedCourse(trainer, courseBody({ title: 'Ayuda', language: 'es' }));
    const learner = await member(haven());
    const es = await learner.client.get('/api/courses?language=es');
    expect(es.body.items.map((c: { title: string }) => c.title)).toEqual(['Ayuda']);
    const champion = await learner.client.get('/api/courses?track=champion');
    expect(champion.body.items).toEqual([]);
    const bad = await learner.client.get('/api/courses?track[$ne]=x');
    expect(bad.status).toBe(400);
  });
});
