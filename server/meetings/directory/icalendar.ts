import { DateTime } from 'luxon';
import type { Recurrence } from '../../../shared/api/directory.ts';
import { firstLocalDate, startOfLocalDay } from './recurrence.ts';

/**
 * An RFC 5545 iCalendar writer for one meeting: pure text out, so it is tested without a
 * server. Times stay in the meeting's own zone (DTSTART;TZID=…) with a weekly RRULE, so a
 * calendar keeps "Tuesdays 19:00 London" across daylight-saving changes instead of drifting
 * by an hour, and a VTIMEZONE block describes the zone for calendars that do not know it.
 */

export interface CalendarEvent {
  uid: string;
  title: string;
  description: string;
  recurrence: Recurrence;
  durationMinutes: number;
  /** Free text of the meeting place, for in-person and hybrid meetings. */
  location?: string | undefined;
  /** The join page, for online and hybrid meetings. */
  url?: string | undefined;
  lastModified: number;
  /** When the file is written (DTSTAMP). */
  now: number;
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const MAX_LINE_OCTETS = 75;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** TEXT values (3.3.11): backslash, semicolon, comma and newlines are escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded (3.1): CRLF then one space. Octets, not characters,
 * and never inside a multi-byte character, so "Reunión" survives every calendar.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (instant: number): string =>
  DateTime.fromMillis(instant, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
const compactLocal = (isoDate: string, hhmm: string): string =>
  `${isoDate.replace(/-/g, '')}T${hhmm.replace(':', '')}00`;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${sign}${hh}${String(abs % 60).padStart(2, '0')}`;
}

function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

/** A short name like BST or CEST when some English locale has one; otherwise none. */
function zoneAbbreviation(instant: number, zone: string): string | null {
  for (const locale of ['en-GB', 'en-US', 'en-AU']) {
    const name = DateTime.fromMillis(instant, { zone, locale }).offsetNameShort;
    if (name && /^[A-Z]{2,6}$/.test(name)) return name;
  }
  return null;
}

const offsetAt = (instant: number, zone: string): number =>
  DateTime.fromMillis(instant, { zone }).offset;

/** Every offset change in [from, to): scanned a day at a time, then bisected to the minute. */
export function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let day = from; day < to; day += DAY_MS) {
    if (offsetAt(day, zone) === offsetAt(day + DAY_MS, zone)) continue;
    let lo = day;
    let hi = day + DAY_MS;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(mid, zone) === offsetAt(lo, zone)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/**
 * VTIMEZONE from the zone's actual transitions (luxon reads them from the platform's IANA
 * data) for the years the event needs: from half a year before its start to the end of next
 * year, at most twelve years. Each change is its own dated observance, which RFC 5545 allows
 * and which avoids guessing a yearly rule the zone may not follow.
 */
export function vtimezone(zone: string, eventStart: number, now: number): string[] {
  const nowYear = DateTime.fromMillis(now, { zone }).year;
  const startYear = DateTime.fromMillis(eventStart, { zone }).year;
  const lastYear = Math.max(nowYear, startYear) + 1;
  const firstYear = Math.max(Math.min(nowYear, startYear), lastYear - 11);
  const from = Date.UTC(firstYear - 1, 6, 1);
  const to = Date.UTC(lastYear + 1, 0, 1);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const changes = transitions(zone, from, to);
  if (changes.length === 0) {
    const offset = formatOffset(offsetAt(from, zone));
    const name = zoneAbbreviation(from, zone);
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000');
    lines.push(`TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`);
    if (name) lines.push(`TZNAME:${name}`);
    lines.push('END:STANDARD');
  }
  for (const instant of changes) {
    const before = offsetAt(instant - MINUTE_MS, zone);
    const after = DateTime.fromMillis(instant, { zone });
    const kind = after.isInDST ? 'DAYLIGHT' : 'STANDARD';
    // An observance starts at the local time of the change, read with the offset before it.
    const localStart = DateTime.fromMillis(instant + before * MINUTE_MS, { zone: 'utc' });
    const name = zoneAbbreviation(instant, zone);
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStart.toFormat("yyyyMMdd'T'HHmmss")}`);
    lines.push(`TZOFFSETFROM:${formatOffset(before)}`, `TZOFFSETTO:${formatOffset(after.offset)}`);
    if (name) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function startLine(rec: Recurrence): { dtstart: string; date: string } | null {
  const date = firstLocalDate(rec);
  if (!date) return null;
  const time = rec.kind === 'once' ? rec.localDateTime.slice(11, 16) : rec.localTime;
  return { dtstart: `DTSTART;TZID=${rec.timeZone}:${compactLocal(date, time)}`, date };
}

function rrule(rec: Recurrence): string | null {
  if (rec.kind !== 'weekly') return null;
  const byDay = rec.weekdays.map((day) => WEEKDAY_CODES[day - 1]).join(',');
  // With a zoned DTSTART, UNTIL must be UTC (3.3.10): the last second of `until` in the zone.
  const until = rec.until
    ? `;UNTIL=${utcStamp(startOfLocalDay(rec.until, rec.timeZone) + DAY_MS - 1000)}`
    : '';
  return `RRULE:FREQ=WEEKLY;BYDAY=${byDay}${until}`;
}

/** The whole file: CRLF line endings, folded lines, escaped text. */
export function meetingCalendar(event: CalendarEvent): string {
  const start = startLine(event.recurrence);
  const zone = event.recurrence.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Haven//Meeting directory//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (start) {
    lines.push(...vtimezone(zone, startOfLocalDay(start.date, zone), event.now));
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcStamp(event.now)}`);
    lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`, start.dtstart);
    lines.push(`DURATION:${formatDuration(event.durationMinutes)}`);
    const rule = rrule(event.recurrence);
    if (rule) lines.push(rule);
    lines.push(`SUMMARY:${escapeText(event.title)}`);
    const description = event.url ? `${event.description}\n\n${event.url}` : event.description;
    lines.push(`DESCRIPTION:${escapeText(description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
