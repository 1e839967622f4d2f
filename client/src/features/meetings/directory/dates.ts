/**
 * Calendar dates ("2026-10-20") as plain day numbers, and what today is in a time zone.
 * No offsets are computed here: the server turns local dates into instants (docs/directory.md),
 * the client only needs to know which days a week holds and on which day an occurrence falls.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The date as a UTC midnight, which is how the helpers below and the formatters treat it. */
export function dateToUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toDate(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return toDate(new Date(dateToUtc(date).getTime() + days * DAY_MS));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = dateToUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateToUtc(b).getTime() - dateToUtc(a).getTime()) / DAY_MS);
}

interface LocalParts {
  date: string;
  hour: number;
  minute: number;
}

/** The calendar date and wall time at `instant` in `zone`. */
export function localParts(instant: Date | number, zone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
  };
}

export function todayIn(zone: string, now: Date | number = Date.now()): string {
  return localParts(now, zone).date;
}

/**
 * Whole hours from `now` until the end of today in `zone`, rounded up, plus one: the
 * window "starting today" asks the server for. A DST day may be 23 or 25 hours long; the
 * page drops anything the rounding lets in from tomorrow (see `listRequest`).
 */
export function hoursLeftToday(zone: string, now: Date | number = Date.now()): number {
  const { hour, minute } = localParts(now, zone);
  const left = 24 * 60 - (hour * 60 + minute);
  // One hour spare for a 25-hour day; whatever falls tomorrow is left out by the caller.
  return Math.min(168, Math.ceil(left / 60) + 1);
}

/** "2026-10-20T19:00:00+01:00" → "2026-10-20": the local date of an ISO string with offset. */
export function localDateOf(isoWithOffset: string): string {
  return isoWithOffset.slice(0, 10);
}
