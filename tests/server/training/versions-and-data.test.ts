import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import {
  courseBody,
  havenPerFile,
  type ItemIds,
  itemIds,
  member,
  models,
  publishedCourse,
} from './helpers.ts';

const { haven } = havenPerFile();

let trainer: ApiClient;

beforeAll(async () => {
  trainer = (await member(haven(), ['trainer'])).client;
});

describe('editing a published course makes a new version; learners keep their progress', () => {
  let course: { id: string; items: ItemIds };

  beforeAll(async () => {
    course = await publishedCourse(trainer, courseBody({ title: 'Versioned' }));
  });

  it('keeps the old version readable for a learner who started it, then moves them forward keeping completed items', async () => {
    const learner = await member(haven());
    await learner.client.post(`/api/items/${course.items.read}/complete`, {});
    await learner.client.post(`/api/items/${course.items.watch}/complete`, {});

    // The trainer rewrites the reading (same key), drops the video, adds a new reading.
    const draft = (await trainer.get(`/api/courses/${course.id}?view=draft`)).body.draft;
    const [read, , check, write] = draft.modules[0].items;
    const modules = [
      {
        ...draft.modules[0],
        items: [
          { ...read, markdown: '# Urges, revised' },
          { key: 'extra', kind: 'reading', title: 'New reading', markdown: 'More.', minutes: 3 },
          check,
          write,
        ],
      },
    ];
    const edited = await trainer.patch(`/api/courses/${course.id}`, { modules });
    expect(edited.body.course).toMatchObject({ version: 1, hasUnpublishedChanges: true });
    // Unpublished edits change nothing for learners.
    expect(
      (await learner.client.get(`/api/items/${course.items.read}`)).body.item.reading.markdown,
    ).toBe('# Urges\n\nThey pass.');
    const published = await trainer.patch(`/api/courses/${course.id}`, { publish: true });
    expect(published.body.course.version).toBe(2);

    // The learner is still on version 1: its items stay readable and takeable.
    let detail = await learner.client.get(`/api/courses/${course.id}`);
    expect(detail.body.course).toMatchObject({ shownVersion: 1, newerVersion: 2 });
    expect(detail.body.course.progress).toMatchObject({
      version: 1,
      completedItems: 2,
      totalItems: 4,
    });
    expect((await learner.client.get(`/api/items/${course.items.watch}`)).status).toBe(200);

    // A new learner starts on version 2.
    const newcomer = await member(haven());
    const latest = await itemIds(newcomer.client, course.id);
    expect(Object.keys(latest)).toEqual(['read', 'extra', 'check', 'write']);
    expect(
      (await newcomer.client.get(`/api/items/${latest.read}`)).body.item.reading.markdown,
    ).toBe('# Urges, revised');
    // ... and cannot act on version 1's items.
    const old = await newcomer.client.post(`/api/items/${course.items.read}/complete`, {});
    expect(old.status).toBe(409);

    const moved = await learner.client.post(`/api/courses/${course.id}/move-forward`, {});
    expect(moved.status, moved.text).toBe(200);
    detail = await learner.client.get(`/api/courses/${course.id}`);
    expect(detail.body.course).toMatchObject({ shownVersion: 2, newerVersion: null });
    // The reading kept its key, so it stays completed; the dropped video no longer counts.
    expect(detail.body.course.progress).toMatchObject({
      version: 2,
      completedItems: 1,
      totalItems: 4,
    });
    const items = detail.body.course.modules[0].items;
    expect(
      items.map((i: { key: string; progress: { status: string } }) => [i.key, i.progress.status]),
    ).toEqual([
      ['read', 'completed'],
      ['extra', 'not-started'],
      ['check', 'not-started'],
      ['write', 'not-started'],
    ]);
    // Now version 1's items are read-only for them.
    expect((await learner.client.post(`/api/items/${course.items.read}/complete`, {})).status).toBe(
      409,
    );
    expect((await learner.client.post(`/api/courses/${course.id}/move-forward`, {})).status).toBe(
      409,
    );
  });

  it('refuses a publish with nothing changed', async () => {
    const again = await trainer.patch(`/api/courses/${course.id}`, { publish: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });
});

describe("learning records join the member's export and go with the account", () => {
  it('exports progress, attempts and submissions, and erases them with the account', async () => {
    const course = await publishedCourse(trainer, courseBody({ title: 'Data' }));
    const learner = await member(haven());
    await learner.client.post(`/api/items/${course.items.read}/complete`, {});
    await learner.client.post(`/api/items/${course.items.check}/attempts`, {
      answers: { q1: ['a'] },
    });
    await learner.client.post(`/api/items/${course.items.write}/submissions`, {
      text: 'My own words',
    });

    const exported = await learner.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    const training = exported.body.training;
    expect(training.progress.map((p: { itemKey: string }) => p.itemKey).sort()).toEqual([
      'check',
      'read',
      'write',
    ]);
    expect(training.attempts).toHaveLength(1);
    expect(training.attempts[0]).toMatchObject({
      itemKey: 'check',
      score: 0,
      answers: { q1: ['a'] },
    });
    expect(training.submissions).toMatchObject([
      { text: 'My own words', version: 1, status: 'submitted' },
    ]);
    expect(training.enrolments).toHaveLength(1);

    const other = await member(haven());
    await other.client.post(`/api/items/${course.items.read}/complete`, {});

    const erased = await learner.client.delete('/api/me');
    expect([200, 204]).toContain(erased.status);
    const m = models(haven());
    const filter = { userId: learner.id };
    const left = await Promise.all([
      m.Enrolment.countDocuments(filter),
      m.Progress.countDocuments(filter),
      m.Attempt.countDocuments(filter),
      m.Submission.countDocuments(filter),
    ]);
    expect(left).toEqual([0, 0, 0, 0]);
    // Another learner's records stay.
    expect(await m.Progress.countDocuments({ userId: other.id })).toBe(1);
  });
});
