import { formatInstant, localeOf, viewerTimeZone } from '../../i18n/dates.ts';

/**
 * Event times: instants travel in UTC with the zone the event happens in. Members type a
 * wall-clock time in that zone, and read it both in their own zone and the event's.
 * Pure functions of Intl (no date library in the bundle); tested in node.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsIn(zone: string, at: Date): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(at)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** How far `zone` is ahead of UTC at `at`, in minutes (Madrid in summer: 120). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const p = partsIn(zone, at);
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    (p.hour ?? 0) % 24,
    p.minute ?? 0,
    p.second ?? 0,
  );
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wall - whole) / 60_000);
}

/**
 * "2030-05-01T18:00" on the clocks of `zone` → that instant, or null when the text is not
 * a time. Across a DST change the second guess uses the offset in force at the result.
 */
export function wallTimeToInstant(wallTime: string, zone: string): Date | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(guess)) return null;
  try {
    const first = zoneOffsetMinutes(zone, new Date(guess));
    let instant = guess - first * 60_000;
    const second = zoneOffsetMinutes(zone, new Date(instant));
    if (second !== first) instant = guess - second * 60_000;
    return new Date(instant);
  } catch {
    return null;
  }
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** An instant as the wall-clock time in `zone`, for a `datetime-local` input. */
export function instantToWallTime(instant: string | Date, zone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return '';
  try {
    const p = partsIn(zone, at);
    return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad((p.hour ?? 0) % 24)}:${pad(p.minute)}`;
  } catch {
    return '';
  }
}

/** The start of a calendar day ("2030-05-01") in `zone`, as an ISO instant; null if not a date. */
export function dayStartInstant(date: string, zone: string): string | null {
  if (!DATE.test(date)) return null;
  return wallTimeToInstant(`${date}T00:00`, zone)?.toISOString() ?? null;
}

/** The start of the day after `date` in `zone`: "to 1 May" includes all of 1 May. */
export function dayEndInstant(date: string, zone: string): string | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return dayStartInstant(next.toISOString().slice(0, 10), zone);
}

/** "Europe/Madrid" → "Europe/Madrid", "America/New_York" → "America/New York". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ');
}

/** "Sat 3 May, 18:00 – 20:00" (or across days) in `zone`, in the reader's language. */
export function formatRange(startsAt: string, endsAt: string, zone: string, locale: string) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: start.getUTCFullYear() === new Date().getUTCFullYear() ? undefined : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).formatRange(start, end);
  } catch {
    return `${startsAt} – ${endsAt}`;
  }
}

/** Whether two zones show the same clock times for this event (then one line says it all). */
export function sameClock(startsAt: string, endsAt: string, a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return [startsAt, endsAt].every(
      (when) => zoneOffsetMinutes(a, new Date(when)) === zoneOffsetMinutes(b, new Date(when)),
    );
  } catch {
    return false;
  }
}

/** A date and time for lists, "3 May 2030, 18:00 CEST": the shared formatter (i18n/dates.ts). */
export function formatDateTime(iso: string, zone: string, locale: string): string {
  return formatInstant(iso, locale, zone, 'dateTime');
}

/** The zone to read times in (see `viewerTimeZone`). */
export const viewerZone = viewerTimeZone;

/** The locale to format dates and names in (see `localeOf`). */
export const formatLocale = localeOf;
