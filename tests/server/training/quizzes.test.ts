import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import {
  courseBody,
  havenPerFile,
  type ItemIds,
  member,
  models,
  publishedCourse,
  quizItem,
} from './helpers.ts';

const { haven, clock } = havenPerFile();

let trainer: ApiClient;
let course: { id: string; items: ItemIds };

beforeAll(async () => {
  trainer = (await member(haven(), ['trainer'])).client;
  course = await publishedCourse(trainer);
});

describe('answers never reach a learner before an attempt', () => {
  it('GET /api/items/:id carries questions and options, not which are correct nor explanations', async () => {
    const learner = await member(haven());
    const response = await learner.client.get(`/api/items/${course.items.check}`);
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('correct');
    expect(response.text).not.toContain('EXPLAIN-');
    expect(response.text).not.toContain('explanation');
    expect(response.body.item.quiz.questions[0]).toEqual({
      id: 'q1',
      prompt: 'What is an urge?',
      kind: 'single',
      options: [
        { id: 'a', text: 'An order' },
        { id: 'b', text: 'A passing feeling' },
      ],
    });
  });

  it('GET /api/courses/:id and GET /api/courses carry no answers either, and learners cannot ask for the draft', async () => {
    const learner = await member(haven());
    for (const path of [`/api/courses/${course.id}`, '/api/courses']) {
      const response = await learner.client.get(path);
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('EXPLAIN-');
      expect(response.text).not.toContain('correct');
    }
    const draft = await learner.client.get(`/api/courses/${course.id}?view=draft`);
    expect(draft.status).toBe(403);
    expect(draft.text).not.toContain('EXPLAIN-');
  });
});

describe('grading on the server', () => {
  it('grades each question, explains only after submitting, and keeps the right options back while attempts remain', async () => {
    const learner = await member(haven());
    const wrong = await learner.client.post(`/api/items/${course.items.check}/attempts`, {
      answers: { q1: ['b'], q2: ['a'] },
    });
    expect(wrong.status, wrong.text).toBe(201);
    expect(wrong.body.attempt).toMatchObject({
      number: 1,
      score: 50,
      passed: false,
      attemptsLeft: null,
    });
    expect(wrong.body.attempt.results).toEqual([
      {
        questionId: 'q1',
        correct: true,
        explanation: expect.stringContaining('EXPLAIN-Q1'),
        correctOptionIds: null,
      },
      {
        questionId: 'q2',
        correct: false,
        explanation: expect.stringContaining('EXPLAIN-Q2'),
        correctOptionIds: null,
      },
    ]);

    const right = await learner.client.post(`/api/items/${course.items.check}/attempts`, {
      answers: { q1: ['b'], q2: ['c', 'a'] },
    });
    expect(right.body.attempt).toMatchObject({ number: 2, score: 100, passed: true });
    expect(right.body.attempt.results[1].correctOptionIds).toEqual(['a', 'c']);

    const item = await learner.client.get(`/api/items/${course.items.check}`);
    expect(item.body.item.progress.status).toBe('completed');
    expect(item.body.item.quiz.attempts.map((a: { score: number }) => a.score)).toEqual([50, 100]);
  });

  it('counts an unanswered question as wrong', async () => {
    const learner = await member(haven());
    const response = await learner.client.post(`/api/items/${course.items.check}/attempts`, {
      answers: { q1: ['b'] },
    });
    expect(response.body.attempt).toMatchObject({ score: 50, passed: false });
  });

  it('refuses answers naming unknown questions or options, or two options of a single choice, storing nothing', async () => {
    const learner = await member(haven());
    for (const answers of [
      { q9: ['a'] },
      { q1: ['z'] },
      { q1: ['a', 'b'] },
      { q1: 'b' },
      { q1: { $gt: '' } },
    ]) {
      const response = await learner.client.post(`/api/items/${course.items.check}/attempts`, {
        answers,
      });
      expect(response.status, JSON.stringify(answers)).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
    const extra = await learner.client.post(`/api/items/${course.items.check}/attempts`, {
      answers: { q1: ['b'] },
      score: 100,
    });
    expect(extra.status).toBe(400);
    expect(await models(haven()).Attempt.countDocuments({ userId: learner.id })).toBe(0);
  });

  it('only a quiz takes attempts', async () => {
    const learner = await member(haven());
    const response = await learner.client.post(`/api/items/${course.items.read}/attempts`, {
      answers: {},
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('INVALID_TRANSITION');
  });
});

describe('attempt limits and cool-downs, on the server', () => {
  let limited: { id: string; items: ItemIds };

  beforeAll(async () => {
    limited = await publishedCourse(
      trainer,
      courseBody({
        title: 'Limited quiz',
        modules: [
          { key: 'm', title: 'M', items: [quizItem({ attemptLimit: 2, coolDownMinutes: 30 })] },
        ],
      }),
    );
  });

  it('makes a learner wait for the cool-down, says how long, then refuses past the limit', async () => {
    const learner = await member(haven());
    const path = `/api/items/${limited.items.check}/attempts`;
    const wrong = { answers: { q1: ['a'], q2: ['b'] } };
    const first = await learner.client.post(path, wrong);
    expect(first.body.attempt).toMatchObject({ attemptsLeft: 1, retryAt: expect.any(String) });

    clock.advance(10 * 60);
    const tooSoon = await learner.client.post(path, wrong);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 20 * 60 });

    clock.advance(20 * 60);
    const second = await learner.client.post(path, wrong);
    expect(second.status).toBe(201);
    // No attempt left: the right options are shown now, since nothing can be retried.
    expect(second.body.attempt).toMatchObject({ attemptsLeft: 0, retryAt: null });
    expect(second.body.attempt.results[0].correctOptionIds).toEqual(['b']);

    clock.advance(24 * 60 * 60);
    const third = await learner.client.post(path, { answers: { q1: ['b'], q2: ['a', 'c'] } });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('INVALID_TRANSITION');
    expect(await models(haven()).Attempt.countDocuments({ userId: learner.id })).toBe(2);
  });

  it('never lets two racing attempts pass the limit', async () => {
    const learner = await member(haven());
    const path = `/api/items/${limited.items.check}/attempts`;
    const wrong = { answers: { q1: ['a'] } };
    const answers = await Promise.all([1, 2, 3, 4].map(() => learner.client.post(path, wrong)));
    expect(answers.filter((r) => r.status === 201).length).toBeLessThanOrEqual(2);
    expect(
      await models(haven()).Attempt.countDocuments({ userId: learner.id }),
    ).toBeLessThanOrEqual(2);
  });
});
