import { DateTime, IANAZone } from 'luxon';
import type { OccurrenceView, Recurrence } from '../../../shared/api/directory.ts';

/**
 * Recurrence maths, pure: no clock, no database. A meeting's wall time is fixed in its own
 * zone ("Tuesdays 19:00 in London"), so the UTC instant moves when the zone changes offset.
 * Local dates are handled as whole days since 1970 (no zone), and a zone is consulted only to
 * turn one local date-time into an instant, with RFC 5545's rules for the odd hours.
 */

export interface Occurrence {
  /** Milliseconds since the epoch, UTC. */
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Far enough either side of a wall time to see the offsets before and after a transition. */
const PROBE_MS = 36 * 3_600_000;

const epochDayOf = (isoDate: string): number => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
};
/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const isoWeekdayOf = (epochDay: number): number => ((((epochDay + 3) % 7) + 7) % 7) + 1;
const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

function offsetMs(zone: string, at: number): number {
  return IANAZone.create(zone).offset(at) * MINUTE_MS;
}

/**
 * The instant a wall-clock time names in `zone`, as RFC 5545 (3.3.5) reads it, which is what
 * calendar applications will do with our .ics files: a time that happens twice (clocks go
 * back) means the first one; a time that never happens (clocks go forward) is read with the
 * offset from before the change, i.e. it lands as far past the gap as it was into it.
 * `wallMs` is the wall time written as if it were UTC.
 */
export function wallTimeToInstant(wallMs: number, zone: string): number {
  const before = offsetMs(zone, wallMs - PROBE_MS);
  const after = offsetMs(zone, wallMs + PROBE_MS);
  const valid = [...new Set([before, after])]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallMs - offsetMs(zone, instant) === instant);
  return valid.length ? Math.min(...valid) : wallMs - before;
}

/** The local date (as a day number) of an instant in `zone`. */
function localEpochDay(instant: number, zone: string): number {
  return Math.floor((instant + offsetMs(zone, instant)) / DAY_MS);
}

function weeklyStart(rec: Extract<Recurrence, { kind: 'weekly' }>, epochDay: number): number {
  return wallTimeToInstant(epochDay * DAY_MS + minutesOf(rec.localTime) * MINUTE_MS, rec.timeZone);
}

function onceStart(rec: Extract<Recurrence, { kind: 'once' }>): number {
  const date = rec.localDateTime.slice(0, 10);
  const time = rec.localDateTime.slice(11, 16);
  return wallTimeToInstant(epochDayOf(date) * DAY_MS + minutesOf(time) * MINUTE_MS, rec.timeZone);
}

/**
 * Occurrences overlapping [from, to) (an occurrence in progress at `from` counts), in order,
 * at most `limit` of them. Walking day by day is plain and fast enough: a 92-day window is
 * 93 steps.
 */
export function occurrencesBetween(
  rec: Recurrence,
  durationMinutes: number,
  from: number,
  to: number,
  limit = Number.POSITIVE_INFINITY,
): Occurrence[] {
  const duration = durationMinutes * MINUTE_MS;
  if (rec.kind === 'once') {
    const start = onceStart(rec);
    return start < to && start + duration > from && limit > 0
      ? [{ start, end: start + duration }]
      : [];
  }
  const days = new Set(rec.weekdays);
  const first = epochDayOf(rec.startsOn);
  const last = rec.until ? epochDayOf(rec.until) : Number.POSITIVE_INFINITY;
  // One day of slack either side: a zone's offset can put the local date a day off UTC's.
  let day = Math.max(first, localEpochDay(from - duration, rec.timeZone) - 1);
  const out: Occurrence[] = [];
  while (day <= last && out.length < limit) {
    if (days.has(isoWeekdayOf(day))) {
      const start = weeklyStart(rec, day);
      if (start >= to) break;
      if (start + duration > from) out.push({ start, end: start + duration });
    }
    day += 1;
  }
  return out;
}

/** The occurrence in progress at `at`, else the next one; null once the meeting is over. */
export function nextOccurrence(
  rec: Recurrence,
  durationMinutes: number,
  at: number,
): Occurrence | null {
  // Terminates: a weekly rule has at least one weekday, so within 7 days it meets or runs
  // past `until`.
  return occurrencesBetween(rec, durationMinutes, at, Number.POSITIVE_INFINITY, 1)[0] ?? null;
}

/** The local date ("YYYY-MM-DD") of a rule's first occurrence: a calendar's DTSTART. */
export function firstLocalDate(rec: Recurrence): string | null {
  if (rec.kind === 'once') return rec.localDateTime.slice(0, 10);
  const days = new Set(rec.weekdays);
  const start = epochDayOf(rec.startsOn);
  const stop = Math.min(start + 6, rec.until ? epochDayOf(rec.until) : start + 6);
  for (let day = start; day <= stop; day++) {
    if (days.has(isoWeekdayOf(day))) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  return null;
}

/** The first occurrence ever; null when the rule names none (e.g. `until` before any weekday). */
export function firstOccurrence(rec: Recurrence, durationMinutes: number): Occurrence | null {
  const date = firstLocalDate(rec);
  if (date === null) return null;
  const start = rec.kind === 'once' ? onceStart(rec) : weeklyStart(rec, epochDayOf(date));
  return { start, end: start + durationMinutes * MINUTE_MS };
}

/** When the last occurrence ends; null for a weekly meeting with no end date. */
export function lastEnd(rec: Recurrence, durationMinutes: number): number | null {
  if (rec.kind === 'once') return onceStart(rec) + durationMinutes * MINUTE_MS;
  if (!rec.until) return null;
  const days = new Set(rec.weekdays);
  const first = epochDayOf(rec.startsOn);
  for (let day = epochDayOf(rec.until); day >= first && day > epochDayOf(rec.until) - 7; day--) {
    if (days.has(isoWeekdayOf(day))) return weeklyStart(rec, day) + durationMinutes * MINUTE_MS;
  }
  return null;
}

export function isInProgress(occurrence: Occurrence | null, at: number): boolean {
  return occurrence !== null && occurrence.start <= at && at < occurrence.end;
}

const iso = (instant: number, zone: string): string =>
  DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? '';

/** An occurrence as a viewer in `viewerZone` sees it, with the UTC instants beside. */
export function viewOf(occurrence: Occurrence, viewerZone: string): OccurrenceView {
  return {
    startsAt: iso(occurrence.start, 'utc'),
    endsAt: iso(occurrence.end, 'utc'),
    startsAtLocal: iso(occurrence.start, viewerZone),
    endsAtLocal: iso(occurrence.end, viewerZone),
    weekdayLocal: DateTime.fromMillis(occurrence.start, { zone: viewerZone }).weekday,
  };
}

/** Midnight starting `isoDate` in `zone` (for occurrence windows given as dates). */
export function startOfLocalDay(isoDate: string, zone: string): number {
  return wallTimeToInstant(epochDayOf(isoDate) * DAY_MS, zone);
}
