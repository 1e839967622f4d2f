import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  hoursLeftToday,
  isCalendarDate,
  isoWeekday,
  localParts,
  mondayOf,
  todayIn,
  weekDates,
} from '../../../../client/src/features/meetings/directory/dates.ts';
import {
  buildWeek,
  moveInWeek,
  needsOccurrences,
  type WeekEntry,
  weekWindow,
} from '../../../../client/src/features/meetings/directory/week.ts';

describe('calendar dates', () => {
  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-10-19', '2026-10-25')).toBe(6);
    expect(isoWeekday('2026-10-19')).toBe(1);
    expect(isoWeekday('2026-10-25')).toBe(7);
    expect(mondayOf('2026-10-25')).toBe('2026-10-19');
    expect(mondayOf('2026-10-19')).toBe('2026-10-19');
    expect(weekDates('2026-10-19')).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('20261019')).toBe(false);
  });

  it('knows what day and time it is in a zone', () => {
    const at = Date.parse('2026-10-25T23:30:00Z');
    expect(todayIn('Europe/London', at)).toBe('2026-10-25');
    expect(todayIn('Europe/Madrid', at)).toBe('2026-10-26');
    expect(todayIn('America/Los_Angeles', at)).toBe('2026-10-25');
    expect(localParts(at, 'Asia/Kolkata')).toEqual({ date: '2026-10-26', hour: 5, minute: 0 });
    expect(hoursLeftToday('UTC', Date.parse('2026-10-20T23:59:00Z'))).toBe(2);
    expect(hoursLeftToday('UTC', Date.parse('2026-10-20T00:00:00Z'))).toBe(25);
  });
});

const meeting = (id: string, title = id): WeekEntry['meeting'] => ({
  id,
  title,
  format: 'online',
  type: 'open',
  audience: null,
  language: 'en',
});

/** An occurrence as the server gives it, in the viewer's zone with its offset. */
function occurrence(startsAtLocal: string, weekdayLocal: number, minutes = 60) {
  const start = Date.parse(startsAtLocal);
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + minutes * 60_000).toISOString(),
    startsAtLocal,
    endsAtLocal: startsAtLocal,
    weekdayLocal,
  };
}

describe('the week grid', () => {
  it('puts a two-weekday meeting on both of its days', () => {
    const tuesThurs = meeting('a', 'Tuesday and Thursday group');
    const days = buildWeek(
      '2026-10-19',
      [
        { meeting: tuesThurs, occurrence: occurrence('2026-10-20T19:00:00.000+01:00', 2) },
        { meeting: tuesThurs, occurrence: occurrence('2026-10-22T19:00:00.000+01:00', 4) },
      ],
      '2026-10-21',
    );
    expect(days.map((day) => day.entries.length)).toEqual([0, 1, 0, 1, 0, 0, 0]);
    expect(days.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days.find((day) => day.isToday)?.date).toBe('2026-10-21');
  });

  it('places each occurrence on the day it starts in the viewer zone', () => {
    // London Tuesday 23:30 is Wednesday 00:30 in Madrid: the server says so with the offset.
    const days = buildWeek(
      '2026-10-19',
      [{ meeting: meeting('late'), occurrence: occurrence('2026-10-21T00:30:00.000+02:00', 3) }],
      '2026-10-19',
    );
    expect(days[2]?.entries).toHaveLength(1);
    expect(days[1]?.entries).toHaveLength(0);
  });

  it('leaves out what started in another week, sorts by time and ignores repeats', () => {
    const running = occurrence('2026-10-18T23:30:00.000+01:00', 7, 120);
    const early = occurrence('2026-10-20T08:00:00.000+01:00', 2);
    const late = occurrence('2026-10-20T19:00:00.000+01:00', 2);
    const days = buildWeek(
      '2026-10-19',
      [
        { meeting: meeting('running'), occurrence: running },
        { meeting: meeting('b', 'Evening'), occurrence: late },
        { meeting: meeting('c', 'Morning'), occurrence: early },
        { meeting: meeting('c', 'Morning'), occurrence: early },
        { meeting: meeting('next'), occurrence: occurrence('2026-10-26T08:00:00.000+00:00', 1) },
      ],
      '2026-10-19',
    );
    expect(days.flatMap((day) => day.entries.map((e) => e.meeting.title))).toEqual([
      'Morning',
      'Evening',
    ]);
  });

  it('asks for the week from Monday to the next Monday, and only for weekly meetings', () => {
    expect(weekWindow('2026-10-19')).toEqual({ from: '2026-10-19', to: '2026-10-26' });
    const weekly = {
      kind: 'weekly' as const,
      weekdays: [2],
      localTime: '19:00',
      timeZone: 'UTC',
      startsOn: '2026-01-01',
    };
    expect(needsOccurrences({ recurrence: weekly })).toBe(true);
    expect(
      needsOccurrences({
        recurrence: { kind: 'once', localDateTime: '2026-10-20T19:00', timeZone: 'UTC' },
      }),
    ).toBe(false);
  });
});

describe('arrow keys in the week', () => {
  const counts = [1, 0, 3, 0, 2, 0, 0];

  it('moves within a day and to the nearest day with meetings', () => {
    expect(moveInWeek(counts, { day: 2, index: 0 }, 'down')).toEqual({ day: 2, index: 1 });
    expect(moveInWeek(counts, { day: 2, index: 2 }, 'down')).toBeNull();
    expect(moveInWeek(counts, { day: 2, index: 0 }, 'up')).toBeNull();
    expect(moveInWeek(counts, { day: 0, index: 0 }, 'right')).toEqual({ day: 2, index: 0 });
    expect(moveInWeek(counts, { day: 2, index: 2 }, 'right')).toEqual({ day: 4, index: 1 });
    expect(moveInWeek(counts, { day: 2, index: 1 }, 'left')).toEqual({ day: 0, index: 0 });
    expect(moveInWeek(counts, { day: 4, index: 0 }, 'right')).toBeNull();
    expect(moveInWeek(counts, { day: 2, index: 1 }, 'first')).toEqual({ day: 0, index: 0 });
    expect(moveInWeek(counts, { day: 0, index: 0 }, 'last')).toEqual({ day: 4, index: 1 });
    expect(moveInWeek([0, 0, 0, 0, 0, 0, 0], { day: 0, index: 0 }, 'last')).toBeNull();
  });
});
