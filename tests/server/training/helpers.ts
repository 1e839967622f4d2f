import { afterAll, beforeAll, expect } from 'vitest';
import { trainingModels } from '../../../server/training/models.ts';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

/** The training clock every test file moves by hand: no sleeps. */
export interface Clock {
  now: number;
  advance(seconds: number): void;
}

/** One real Haven per test file, with its own training clock (and any other options). */
export function havenPerFile(
  options: Omit<NonNullable<Parameters<typeof startTestHaven>[0]>, 'trainingClock'> = {},
): { haven: () => TestHaven; clock: Clock } {
  let haven: TestHaven | undefined;
  const clock: Clock = {
    now: Date.parse('2026-03-02T09:00:00Z'),
    advance(seconds) {
      this.now += seconds * 1000;
    },
  };
  beforeAll(async () => {
    haven = await startTestHaven({ ...options, trainingClock: () => clock.now });
  });
  afterAll(async () => {
    await haven?.close();
  });
  return {
    clock,
    haven: () => {
      if (!haven) throw new Error('the test Haven has not started');
      return haven;
    },
  };
}

export function member(
  haven: TestHaven,
  roles: string[] = ['participant'],
  extra: { partnerId?: string } = {},
) {
  return signUpAs(haven, roles, extra);
}

export function models(haven: TestHaven) {
  return trainingModels(haven.mongo.connection);
}

/** A quiz of two questions: `q1` single choice (b is right), `q2` multiple choice (a and c). */
export function quizItem(overrides: Record<string, unknown> = {}) {
  return {
    key: 'check',
    kind: 'quiz',
    title: 'Check your understanding',
    minutes: 5,
    passMark: 100,
    questions: [
      {
        id: 'q1',
        prompt: 'What is an urge?',
        kind: 'single',
        options: [
          { id: 'a', text: 'An order' },
          { id: 'b', text: 'A passing feeling' },
        ],
        correct: ['b'],
        explanation: 'EXPLAIN-Q1: urges rise and fall like waves.',
      },
      {
        id: 'q2',
        prompt: 'Which help?',
        kind: 'multiple',
        options: [
          { id: 'a', text: 'Delay' },
          { id: 'b', text: 'Give in' },
          { id: 'c', text: 'Distract' },
        ],
        correct: ['a', 'c'],
        explanation: 'EXPLAIN-Q2: delaying and distracting let the urge pass.',
      },
    ],
    ...overrides,
  };
}

export function courseBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Coping with urges',
    description: 'A short course.',
    language: 'en',
    track: 'foundations',
    plannedMinutes: 30,
    modules: [
      {
        key: 'urges',
        title: 'Urges',
        items: [
          {
            key: 'read',
            kind: 'reading',
            title: 'Read',
            markdown: '# Urges\n\nThey pass.',
            minutes: 5,
          },
          {
            key: 'watch',
            kind: 'video',
            title: 'Watch',
            url: 'https://video.example.org/urges.mp4',
            durationSeconds: 120,
            transcript: 'Hello.',
          },
          quizItem(),
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
    ...overrides,
  };
}

/** Creates and publishes a course as `author`; returns its id and the learner items by key. */
export async function publishedCourse(author: ApiClient, overrides: Record<string, unknown> = {}) {
  const created = await author.post('/api/courses', courseBody(overrides));
  expect(created.status, created.text).toBe(201);
  const id = created.body.course.id as string;
  const published = await author.patch(`/api/courses/${id}`, { publish: true });
  expect(published.status, published.text).toBe(200);
  return { id, items: await itemIds(author, id) };
}

/** Item ids by key; the keys of `courseBody()` are always typed as present. */
export type ItemIds = Record<'read' | 'watch' | 'check' | 'write', string> & Record<string, string>;

/** The ids of the items a caller sees in a course's outline, by item key. */
export async function itemIds(client: ApiClient, courseId: string): Promise<ItemIds> {
  const detail = await client.get(`/api/courses/${courseId}`);
  expect(detail.status, detail.text).toBe(200);
  const ids = {} as ItemIds;
  for (const module of detail.body.course.modules)
    for (const item of module.items) ids[item.key] = item.id;
  return ids;
}
