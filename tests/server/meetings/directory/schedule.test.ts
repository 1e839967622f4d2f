import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestUser } from '../../../../server/infra/api/routes.ts';
import { directoryModels } from '../../../../server/meetings/directory/models.ts';
import { DirectoryService } from '../../../../server/meetings/directory/service.ts';
import { createMeetingBody, listMeetingsQuery } from '../../../../shared/api/directory.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { meetingsOf, onlineMeeting, uniqueCity } from './fixtures.ts';

/**
 * The stored next occurrence: written with the meeting, moved on by the sweep (never by a
 * read: a list leaves a due meeting out until then), filled for meetings stored before it
 * existed, and what the list sorts and pages by. A clock of our own drives the service, so "a week later" takes no waiting.
 */

let haven: TestHaven;
let clock = 0;
let service: DirectoryService;
const facilitator: RequestUser = {
  id: new Types.ObjectId().toHexString(),
  roles: ['participant', 'facilitator'],
  partnerId: null,
};

beforeAll(async () => {
  haven = await startTestHaven();
  service = new DirectoryService(
    directoryModels(haven.mongo.connection),
    haven.haven.services.users,
    haven.haven.services.training.records,
    () => clock,
  );
});
afterEach(() => {
  haven.mongo.connection.set('debug', false);
});
afterAll(async () => {
  await haven.close();
});

// Tuesday 1 December 2026, noon UTC; London is on GMT.
const TUESDAY_NOON = Date.parse('2026-12-01T12:00:00Z');
const MINUTE = 60_000;

const weeklyAt = (city: string, weekday: number, localTime: string, title: string) =>
  createMeetingBody.parse(
    onlineMeeting({
      title,
      area: { country: 'GB', city },
      recurrence: {
        kind: 'weekly',
        weekdays: [weekday],
        localTime,
        timeZone: 'Europe/London',
        startsOn: '2026-09-01',
      },
      durationMinutes: 90,
    }),
  );

const stored = async (id: string) => {
  const meeting = await meetingsOf(haven).findById(id).lean();
  return { start: meeting?.nextStart?.toISOString(), end: meeting?.nextEnd?.toISOString() };
};

const list = (query: Record<string, string>) =>
  service.list(listMeetingsQuery.parse(query), undefined);

describe('the stored next occurrence', () => {
  it('is written with the meeting and moved on by the sweep once it has ended', async () => {
    clock = TUESDAY_NOON;
    const meeting = await service.create(
      facilitator,
      weeklyAt(uniqueCity(), 2, '19:00', 'Tuesday'),
    );
    expect(await stored(meeting.id)).toEqual({
      start: '2026-12-01T19:00:00.000Z',
      end: '2026-12-01T20:30:00.000Z',
    });
    // While it runs, the occurrence in progress stays the one stored.
    clock = Date.parse('2026-12-01T20:00:00Z');
    await service.advanceSchedules();
    expect((await stored(meeting.id)).start).toBe('2026-12-01T19:00:00.000Z');
    clock = Date.parse('2026-12-01T20:30:00Z') + MINUTE;
    expect(await service.advanceSchedules()).toBeGreaterThanOrEqual(1);
    expect(await stored(meeting.id)).toEqual({
      start: '2026-12-08T19:00:00.000Z',
      end: '2026-12-08T20:30:00.000Z',
    });
  });

  it('is moved on by the sweep, which stops when closed', async () => {
    clock = TUESDAY_NOON;
    const meeting = await service.create(facilitator, weeklyAt(uniqueCity(), 2, '19:00', 'Swept'));
    clock = Date.parse('2026-12-01T21:00:00Z');
    const errors: unknown[] = [];
    const sweep = service.startSweep((error) => errors.push(error), 5);
    await expect
      .poll(async () => (await stored(meeting.id)).start)
      .toBe('2026-12-08T19:00:00.000Z');
    await sweep.close();
    // Closed: a meeting that comes due stays as stored, whatever the sweep's period.
    clock = Date.parse('2026-12-08T21:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await stored(meeting.id)).start).toBe('2026-12-08T19:00:00.000Z');
    expect(errors).toEqual([]);
  });

  it('wakes the sweep when a meeting this node stored ends, not only at its period', async () => {
    // This node's clock: a Tuesday 19:00-20:30 London meeting ends 400 ms from now.
    const offset = Date.parse('2026-12-01T20:30:00Z') - 400 - Date.now();
    const node = new DirectoryService(
      directoryModels(haven.mongo.connection),
      haven.haven.services.users,
      haven.haven.services.training.records,
      () => Date.now() + offset,
    );
    // A period far longer than the test: only the noted end can wake it in time.
    const sweep = node.startSweep((error) => {
      throw error;
    }, 3_600_000);
    try {
      const meeting = await node.create(facilitator, weeklyAt(uniqueCity(), 2, '19:00', 'Ends'));
      expect((await stored(meeting.id)).start).toBe('2026-12-01T19:00:00.000Z');
      await expect
        .poll(async () => (await stored(meeting.id)).start, { timeout: 5_000 })
        .toBe('2026-12-08T19:00:00.000Z');
    } finally {
      await sweep.close();
    }
  });

  it('follows an edit of the schedule', async () => {
    clock = TUESDAY_NOON;
    const meeting = await service.create(facilitator, weeklyAt(uniqueCity(), 2, '19:00', 'Moves'));
    await service.update(facilitator, meeting.id, {
      recurrence: {
        kind: 'weekly',
        weekdays: [4],
        localTime: '09:30',
        timeZone: 'Europe/London',
        startsOn: '2026-09-01',
      },
    });
    expect((await stored(meeting.id)).start).toBe('2026-12-03T09:30:00.000Z');
  });

  it('is filled at start for meetings stored before it existed', async () => {
    clock = TUESDAY_NOON;
    const city = uniqueCity();
    const meeting = await service.create(facilitator, weeklyAt(city, 3, '08:00', 'Older'));
    await meetingsOf(haven).updateOne(
      { _id: meeting.id },
      { $unset: { nextStart: 1, nextEnd: 1 } },
    );
    expect((await list({ city })).items).toEqual([]);
    expect(await service.advanceSchedules({ includeUnset: true })).toBeGreaterThanOrEqual(1);
    expect(await stored(meeting.id)).toEqual({
      start: '2026-12-02T08:00:00.000Z',
      end: '2026-12-02T09:30:00.000Z',
    });
    expect((await list({ city })).items.map((item) => item.id)).toEqual([meeting.id]);
  });
});

describe('GET /api/meetings by the stored occurrence', () => {
  it('leaves out a meeting whose occurrence ended until the sweep moves it on', async () => {
    clock = TUESDAY_NOON;
    const city = uniqueCity();
    const tuesday = await service.create(facilitator, weeklyAt(city, 2, '19:00', 'Tuesday'));
    const wednesday = await service.create(facilitator, weeklyAt(city, 3, '12:00', 'Wed'));
    expect((await list({ city })).items.map((item) => item.id)).toEqual([tuesday.id, wednesday.id]);
    // Tuesday's meeting has ended and no sweep has run: it is not listed at its past time.
    clock = Date.parse('2026-12-01T21:00:00Z');
    expect((await list({ city })).items.map((item) => item.id)).toEqual([wednesday.id]);
    expect((await service.get(tuesday.id, undefined, undefined)).nextOccurrence?.startsAt).toBe(
      '2026-12-08T19:00:00Z',
    );
    // Once swept: next comes Wednesday's, then Tuesday's of next week.
    await service.advanceSchedules();
    const after = (await list({ city })).items;
    expect(after.map((item) => item.id)).toEqual([wednesday.id, tuesday.id]);
    expect(after[1]?.nextOccurrence?.startsAt).toBe('2026-12-08T19:00:00Z');
  });

  it('reads one page by an index: filter on the stored fields, sort by them, limit', async () => {
    clock = TUESDAY_NOON;
    const city = uniqueCity();
    for (const [weekday, title] of [
      [2, 'First'],
      [3, 'Second'],
      [4, 'Third'],
    ] as const)
      await service.create(facilitator, weeklyAt(city, weekday, '19:00', title));
    const finds: Array<{ filter: unknown; options: Record<string, unknown> }> = [];
    haven.mongo.connection.set(
      'debug',
      (collection: string, method: string, filter: unknown, options: Record<string, unknown>) => {
        if (collection === 'meetings' && method === 'find') finds.push({ filter, options });
      },
    );
    const page = await list({ city, limit: '2' });
    haven.mongo.connection.set('debug', false);
    expect(page.items.map((item) => item.title)).toEqual(['First', 'Second']);
    const listing = finds.find((find) => JSON.stringify(find.filter).includes('cityKey'));
    expect(listing?.options.sort).toEqual({ nextStart: 1, _id: 1 });
    expect(listing?.options.limit).toBe(3);
    // That one find is the only read of meetings: nothing looks for due ones first.
    expect(finds.filter((find) => find !== listing).map((find) => find.filter)).toEqual([]);
    const indexes = meetingsOf(haven)
      .schema.indexes()
      .map(([keys]) => keys);
    expect(indexes).toContainEqual({ cityKey: 1, nextStart: 1, _id: 1 });
    expect(indexes).toContainEqual({ nextStart: 1, _id: 1 });
    expect(indexes).toContainEqual({ nextEnd: 1 });
    const second = await list({ city, limit: '2', cursor: page.nextCursor ?? '' });
    expect(second.items.map((item) => item.title)).toEqual(['Third']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('reads and the sweep', () => {
  it('a list never looks for due meetings, even once an occurrence has ended', async () => {
    clock = Date.parse('2026-12-02T09:00:00Z');
    const city = uniqueCity();
    await service.create(facilitator, weeklyAt(city, 3, '08:00', 'In progress'));
    const meetingFinds: unknown[] = [];
    haven.mongo.connection.set('debug', (collection: string, method: string, filter: unknown) => {
      if (collection === 'meetings') meetingFinds.push({ method, filter });
    });
    try {
      await Promise.all([list({ city }), list({ city })]);
      clock = Date.parse('2026-12-02T10:00:00Z');
      await list({ city });
    } finally {
      haven.mongo.connection.set('debug', false);
    }
    expect(meetingFinds).toHaveLength(3);
    expect(JSON.stringify(meetingFinds)).not.toContain('$lte');
  });

  it('never lists at a stale time a meeting another node stored; its sweep moves it on', async () => {
    clock = Date.parse('2026-12-02T10:28:00Z');
    const city = uniqueCity();
    const otherNode = new DirectoryService(
      directoryModels(haven.mongo.connection),
      haven.haven.services.users,
      haven.haven.services.training.records,
      () => clock,
    );
    // Wednesday 09:00-10:30 London: in progress, ending two minutes from now.
    const meeting = await otherNode.create(facilitator, weeklyAt(city, 3, '09:00', 'Early'));
    expect((await list({ city })).items[0]?.nextOccurrence?.startsAt).toBe('2026-12-02T09:00:00Z');
    clock += 2 * MINUTE;
    expect((await list({ city })).items).toEqual([]);
    await otherNode.advanceSchedules();
    const after = (await list({ city })).items;
    expect(after.map((item) => item.id)).toEqual([meeting.id]);
    expect(after[0]?.nextOccurrence?.startsAt).toBe('2026-12-09T09:00:00Z');
  });
});
