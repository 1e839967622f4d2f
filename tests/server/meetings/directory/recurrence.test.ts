import { describe, expect, it } from 'vitest';
import {
  firstLocalDate,
  firstOccurrence,
  isInProgress,
  lastEnd,
  nextOccurrence,
  occurrencesBetween,
  startOfLocalDay,
  viewOf,
  wallTimeToInstant,
} from '../../../../server/meetings/directory/recurrence.ts';
import type { Recurrence } from '../../../../shared/api/directory.ts';

const at = (iso: string) => Date.parse(iso);
const isoOf = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const weekly = (
  timeZone: string,
  extra: Partial<Extract<Recurrence, { kind: 'weekly' }>> = {},
): Recurrence => ({
  kind: 'weekly',
  weekdays: [2],
  localTime: '19:00',
  timeZone,
  startsOn: '2026-09-01',
  ...extra,
});
const starts = (rec: Recurrence, from: string, to: string) =>
  occurrencesBetween(rec, 90, at(from), at(to)).map((o) => isoOf(o.start));

describe('wallTimeToInstant (RFC 5545 reading of odd local times)', () => {
  const wall = (iso: string) => Date.parse(`${iso}Z`);
  it('reads ordinary times with the offset in force', () => {
    expect(isoOf(wallTimeToInstant(wall('2026-07-01T19:00:00'), 'Europe/London'))).toBe(
      '2026-07-01T18:00:00Z',
    );
    expect(isoOf(wallTimeToInstant(wall('2026-07-01T19:00:00'), 'Australia/Sydney'))).toBe(
      '2026-07-01T09:00:00Z',
    );
  });
  it('takes the first of a time that happens twice when clocks go back', () => {
    expect(isoOf(wallTimeToInstant(wall('2026-10-25T01:30:00'), 'Europe/London'))).toBe(
      '2026-10-25T00:30:00Z',
    );
    expect(isoOf(wallTimeToInstant(wall('2026-11-01T01:30:00'), 'America/New_York'))).toBe(
      '2026-11-01T05:30:00Z',
    );
  });
  it('reads a time skipped when clocks go forward with the offset from before', () => {
    expect(isoOf(wallTimeToInstant(wall('2026-03-29T01:30:00'), 'Europe/London'))).toBe(
      '2026-03-29T01:30:00Z',
    );
    expect(isoOf(wallTimeToInstant(wall('2026-03-08T02:30:00'), 'America/New_York'))).toBe(
      '2026-03-08T07:30:00Z',
    );
  });
});

describe('occurrencesBetween', () => {
  it('keeps London’s wall time across 25 October 2026: 18:00Z, then 19:00Z', () => {
    expect(starts(weekly('Europe/London'), '2026-10-13T00:00:00Z', '2026-11-04T00:00:00Z')).toEqual(
      [
        '2026-10-13T18:00:00Z',
        '2026-10-20T18:00:00Z',
        '2026-10-27T19:00:00Z',
        '2026-11-03T19:00:00Z',
      ],
    );
  });
  it('keeps New York’s wall time across 1 November 2026, into the next UTC day', () => {
    expect(
      starts(weekly('America/New_York'), '2026-10-20T00:00:00Z', '2026-11-05T00:00:00Z'),
    ).toEqual(['2026-10-20T23:00:00Z', '2026-10-27T23:00:00Z', '2026-11-04T00:00:00Z']);
  });
  it('follows Sydney’s clocks forward on 4 October 2026', () => {
    const rec = weekly('Australia/Sydney', { weekdays: [7], localTime: '09:30' });
    expect(starts(rec, '2026-09-25T00:00:00Z', '2026-10-05T00:00:00Z')).toEqual([
      '2026-09-26T23:30:00Z',
      '2026-10-03T22:30:00Z',
    ]);
  });
  it('keeps a fixed offset where a zone has no daylight saving (Mexico City)', () => {
    const rec = weekly('America/Mexico_City', { weekdays: [1, 4] });
    expect(starts(rec, '2026-10-29T00:00:00Z', '2026-11-06T00:00:00Z')).toEqual([
      '2026-10-30T01:00:00Z',
      '2026-11-03T01:00:00Z',
    ]);
  });
  it('respects startsOn, until, the overlap at `from` and the limit', () => {
    const rec = weekly('UTC', { weekdays: [1, 3, 5], startsOn: '2026-09-02', until: '2026-09-11' });
    expect(starts(rec, '2026-08-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([
      '2026-09-02T19:00:00Z',
      '2026-09-04T19:00:00Z',
      '2026-09-07T19:00:00Z',
      '2026-09-09T19:00:00Z',
      '2026-09-11T19:00:00Z',
    ]);
    expect(starts(rec, '2026-09-04T20:00:00Z', '2026-09-05T00:00:00Z')).toEqual([
      '2026-09-04T19:00:00Z',
    ]);
    expect(
      occurrencesBetween(rec, 90, at('2026-08-01T00:00:00Z'), at('2026-12-01T00:00:00Z'), 2),
    ).toHaveLength(2);
  });
  it('gives a one-off meeting once, only when it overlaps the window', () => {
    const rec: Recurrence = {
      kind: 'once',
      localDateTime: '2026-12-01T18:30',
      timeZone: 'Europe/Madrid',
    };
    expect(starts(rec, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-12-01T17:30:00Z',
    ]);
    expect(starts(rec, '2026-12-01T18:59:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-12-01T17:30:00Z',
    ]);
    // The end is exclusive: a window starting as the meeting ends does not hold it.
    expect(starts(rec, '2026-12-01T19:00:00Z', '2027-01-01T00:00:00Z')).toEqual([]);
    expect(starts(rec, '2026-11-01T00:00:00Z', '2026-12-01T17:30:00Z')).toEqual([]);
  });
});

describe('nextOccurrence, firstOccurrence, lastEnd', () => {
  const rec = weekly('Europe/London', { until: '2026-11-24' });
  it('is the one in progress, else the next; null after the last', () => {
    const running = nextOccurrence(rec, 90, at('2026-10-27T20:00:00Z'));
    expect(running && isoOf(running.start)).toBe('2026-10-27T19:00:00Z');
    expect(isInProgress(running, at('2026-10-27T20:00:00Z'))).toBe(true);
    const next = nextOccurrence(rec, 90, at('2026-10-27T20:30:00Z'));
    expect(next && isoOf(next.start)).toBe('2026-11-03T19:00:00Z');
    expect(isInProgress(next, at('2026-10-27T20:30:00Z'))).toBe(false);
    expect(nextOccurrence(rec, 90, at('2026-11-24T20:30:00Z'))).toBeNull();
  });
  it('finds the first occurrence of a rule that starts far ahead', () => {
    const future = weekly('UTC', { startsOn: '2030-01-01', weekdays: [5] });
    const next = nextOccurrence(future, 60, at('2026-01-01T00:00:00Z'));
    expect(next && isoOf(next.start)).toBe('2030-01-04T19:00:00Z');
    expect(firstLocalDate(future)).toBe('2030-01-04');
  });
  it('knows the first and last occurrence, and a rule that names no day', () => {
    expect(isoOf(firstOccurrence(rec, 90)?.start ?? 0)).toBe('2026-09-01T18:00:00Z');
    expect(isoOf(lastEnd(rec, 90) ?? 0)).toBe('2026-11-24T20:30:00Z');
    expect(lastEnd(weekly('UTC'), 90)).toBeNull();
    const empty = weekly('UTC', { startsOn: '2026-09-02', until: '2026-09-07', weekdays: [2] });
    expect(firstOccurrence(empty, 90)).toBeNull();
    expect(firstLocalDate(empty)).toBeNull();
  });
});

describe('viewOf and startOfLocalDay', () => {
  it('shows an occurrence in the viewer’s zone, weekday included', () => {
    const occurrence = { start: at('2026-10-27T23:00:00Z'), end: at('2026-10-28T00:30:00Z') };
    expect(viewOf(occurrence, 'Asia/Tokyo')).toEqual({
      startsAt: '2026-10-27T23:00:00Z',
      endsAt: '2026-10-28T00:30:00Z',
      startsAtLocal: '2026-10-28T08:00:00+09:00',
      endsAtLocal: '2026-10-28T09:30:00+09:00',
      weekdayLocal: 3,
    });
  });
  it('finds midnight in a zone', () => {
    expect(isoOf(startOfLocalDay('2026-10-25', 'Europe/London'))).toBe('2026-10-24T23:00:00Z');
    expect(isoOf(startOfLocalDay('2026-10-26', 'Europe/London'))).toBe('2026-10-26T00:00:00Z');
  });
});
