import { dateToUtc } from './dates.ts';
import type { OccurrenceView } from './model.ts';

/**
 * Dates, times, durations and names in the UI language, from the browser's own Intl data.
 * Pure functions of a locale (and a zone where an instant is shown), tested in node.
 */

/**
 * The locale to format with: the browser's own preference when it is a variant of the UI
 * language (en-GB shows 19:00 and "20 October"), else the UI language itself.
 */
export function formatLocale(language: string, preferred: readonly string[] = []): string {
  for (const tag of preferred) {
    if (tag.toLowerCase().split(/[-_]/)[0] !== language) continue;
    try {
      return Intl.getCanonicalLocales(tag.replace('_', '-'))[0] ?? language;
    } catch {
      // A malformed tag from the browser: try the next one.
    }
  }
  return language;
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

function dateTime(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // An unknown zone (an old browser's tz data): show UTC rather than nothing.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
}

/**
 * Hours and minutes as the locale writes its own short times: "08:05" in en-GB, "8:05" in
 * es, "8:05 AM" in en-US. Asking for `hour: 'numeric'` alone gives en-GB "8:05", so the
 * padding is read from the locale's `timeStyle: 'short'`, which cannot be combined with
 * weekday and date fields.
 */
const paddedHours = new Map<string, boolean>();
function timeOptions(locale: string): Intl.DateTimeFormatOptions {
  let padded = paddedHours.get(locale);
  if (padded === undefined) {
    try {
      const parts = new Intl.DateTimeFormat(locale, {
        timeStyle: 'short',
        timeZone: 'UTC',
      }).formatToParts(Date.UTC(2024, 0, 1, 8, 5));
      padded = parts.find((part) => part.type === 'hour')?.value.length === 2;
    } catch {
      padded = false;
    }
    paddedHours.set(locale, padded);
  }
  return { hour: padded ? '2-digit' : 'numeric', minute: '2-digit' };
}

/** "Tuesday 20 October at 20:00 CEST": a next occurrence on a card. */
export function formatWhen(instant: string, locale: string, zone: string): string {
  return dateTime(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...timeOptions(locale),
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/** "20:00" (or "8:00 PM"). */
export function formatTime(instant: string, locale: string, zone: string): string {
  return dateTime(locale, { ...timeOptions(locale), timeZone: zone }).format(new Date(instant));
}

/** "20:00–21:30 CEST". */
export function formatTimeRange(
  occurrence: Pick<OccurrenceView, 'startsAt' | 'endsAt'>,
  locale: string,
  zone: string,
): string {
  return dateTime(locale, {
    ...timeOptions(locale),
    timeZone: zone,
    timeZoneName: 'short',
  }).formatRange(new Date(occurrence.startsAt), new Date(occurrence.endsAt));
}

/** "Tuesday 20 October 2026", the date an instant falls on in `zone`. */
export function formatDate(instant: string, locale: string, zone: string): string {
  return dateTime(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(new Date(instant));
}

/** A calendar date ("2026-10-20") as "20 October 2026". */
export function formatCalendarDate(date: string, locale: string): string {
  return dateTime(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dateToUtc(date));
}

/** A week column's heading: { weekday: "Tue", date: "20 Oct" }. */
export function formatDayHeading(date: string, locale: string): { weekday: string; date: string } {
  const utc = dateToUtc(date);
  return {
    weekday: dateTime(locale, { weekday: 'short', timeZone: 'UTC' }).format(utc),
    date: dateTime(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utc),
  };
}

/** "Tuesday 20 October", for a screen reader's day heading. */
export function formatDayLong(date: string, locale: string): string {
  return dateTime(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(dateToUtc(date));
}

/** "19–25 October 2026" for the week starting `monday`. */
export function formatWeekRange(monday: string, sunday: string, locale: string): string {
  return dateTime(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(dateToUtc(monday), dateToUtc(sunday));
}

/** ISO weekday 1–7 named in `locale` ("Tuesday", "martes"). 2024-01-01 was a Monday. */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long') {
  const date = new Date(Date.UTC(2024, 0, weekday));
  return dateTime(locale, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** A wall time "19:00" as the locale writes it ("19:00", "7:00 PM"). */
export function formatWallTime(time: string, locale: string): string {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return dateTime(locale, { ...timeOptions(locale), timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, hour, minute)),
  );
}

/** "1 hour 30 minutes" / "1 hora y 30 minutos". */
export function formatDuration(minutes: number, locale: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts = [...(hours ? [unit(hours, 'hour')] : []), ...(rest ? [unit(rest, 'minute')] : [])];
  return listOf(parts.length ? parts : [unit(0, 'minute')], locale);
}

/** "Tuesday and Thursday" / "martes y jueves". */
export function listOf(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function zoneNamePart(zone: string, locale: string, when: Date, style: 'short' | 'longGeneric') {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      timeZoneName: style,
    }).formatToParts(when);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** "Europe/London (United Kingdom Time)": a zone a person recognises by city or by name. */
export function zoneLabel(zone: string, locale: string, when: Date = new Date()): string {
  const city = zone.replaceAll('_', ' ');
  const name = zoneNamePart(zone, locale, when, 'longGeneric');
  return name && name !== zone ? `${city} (${name})` : city;
}

function displayName(locale: string, type: 'language' | 'region', code: string): string {
  try {
    const name = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** "Spanish" / "Español". */
export function languageName(code: string, locale: string): string {
  return displayName(locale, 'language', code);
}

/** "Spain" / "España". */
export function countryName(code: string, locale: string): string {
  return displayName(locale, 'region', code);
}

export interface ScheduleLine {
  /** ISO weekdays, in order. */
  weekdays: number[];
  /** "Wednesday and Friday". */
  days: string;
  /** "00:30". */
  time: string;
}

/**
 * A weekly meeting's schedule as the viewer lives it, from its real occurrences (so a
 * Tuesday 23:30 London meeting reads "Wednesday at 00:30" in Madrid): the first week of
 * `occurrences`, grouped by wall time.
 */
export function viewerSchedule(
  occurrences: readonly OccurrenceView[],
  locale: string,
  zone: string,
): ScheduleLine[] {
  const first = occurrences[0];
  if (!first) return [];
  const weekEnd = Date.parse(first.startsAt) + 7 * 86_400_000;
  const byTime = new Map<string, Set<number>>();
  for (const occurrence of occurrences) {
    if (Date.parse(occurrence.startsAt) >= weekEnd) break;
    const time = formatTime(occurrence.startsAt, locale, zone);
    const days = byTime.get(time) ?? new Set<number>();
    days.add(occurrence.weekdayLocal);
    byTime.set(time, days);
  }
  return [...byTime].map(([time, days]) => {
    const weekdays = [...days].sort((a, b) => a - b);
    return {
      weekdays,
      time,
      days: listOf(
        weekdays.map((day) => weekdayName(day, locale)),
        locale,
      ),
    };
  });
}
