import { describe, expect, it } from 'vitest';
import {
  countryName,
  formatCalendarDate,
  formatDayHeading,
  formatDuration,
  formatLocale,
  formatTime,
  formatTimeRange,
  formatWallTime,
  formatWeekRange,
  formatWhen,
  languageName,
  listOf,
  viewerSchedule,
  weekdayName,
  zoneLabel,
} from '../../../../client/src/features/meetings/directory/format.ts';

const at = '2026-10-20T18:00:00.000Z'; // a Tuesday: 19:00 in London, 20:00 in Madrid

describe('the locale times are written in', () => {
  it("follows the browser's variant of the UI language, else the language", () => {
    expect(formatLocale('en', ['en-GB', 'es-ES'])).toBe('en-GB');
    expect(formatLocale('es', ['en-GB', 'es-MX'])).toBe('es-MX');
    expect(formatLocale('es', ['en_US'])).toBe('es');
    expect(formatLocale('en', ['en-US'])).toBe('en-US');
    expect(formatLocale('en', [])).toBe('en');
  });
});

describe('times and dates', () => {
  it('says when, in the viewer zone, with weekday, time and zone', () => {
    expect(formatWhen(at, 'en-GB', 'Europe/London')).toBe('Tuesday 20 October at 19:00 BST');
    expect(formatWhen(at, 'es-ES', 'Europe/Madrid')).toBe('martes, 20 de octubre, 20:00 CEST');
    expect(formatWhen(at, 'en-US', 'America/New_York')).toBe('Tuesday, October 20 at 2:00 PM EDT');
  });

  it('writes the clock the way the locale does (09:05 in en-GB, 9:05 AM in en-US)', () => {
    const morning = '2026-10-20T08:05:00Z';
    expect(formatTime(morning, 'en-GB', 'UTC')).toBe('08:05');
    expect(formatTime(morning, 'es', 'UTC')).toBe('8:05');
    expect(formatTime(morning, 'en-US', 'UTC')).toBe('8:05 AM');
    expect(formatWallTime('19:30', 'en-GB')).toBe('19:30');
    expect(formatWallTime('19:30', 'en-US')).toBe('7:30 PM');
    expect(
      formatTimeRange({ startsAt: at, endsAt: '2026-10-20T19:30:00Z' }, 'en-GB', 'Europe/London'),
    ).toMatch(/^19:00\s?–\s?20:30 BST$/);
  });

  it('names days, weeks and durations in the UI language', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'es')).toBe('domingo');
    expect(formatDayHeading('2026-10-20', 'en-GB')).toEqual({ weekday: 'Tue', date: '20 Oct' });
    expect(formatCalendarDate('2026-11-01', 'es')).toBe('1 de noviembre de 2026');
    expect(formatWeekRange('2026-10-19', '2026-10-25', 'en-GB')).toMatch(
      /^19\s?–\s?25 October 2026$/,
    );
    expect(formatWeekRange('2026-10-26', '2026-11-01', 'en-GB')).toMatch(
      /^26 October\s?–\s?1 November 2026$/,
    );
    expect(formatDuration(90, 'en')).toBe('1 hour and 30 minutes');
    expect(formatDuration(60, 'es')).toBe('1 hora');
    expect(formatDuration(45, 'es')).toBe('45 minutos');
    expect(listOf(['martes', 'jueves'], 'es')).toBe('martes y jueves');
  });

  it('names languages, countries and zones with Intl', () => {
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('es', 'es')).toBe('Español');
    expect(countryName('MX', 'es')).toBe('México');
    expect(zoneLabel('Europe/London', 'en', new Date(at))).toBe(
      'Europe/London (United Kingdom Time)',
    );
    expect(zoneLabel('America/Mexico_City', 'en', new Date(at))).toContain('America/Mexico City');
  });
});

describe("a weekly schedule in the viewer's zone", () => {
  const occ = (startsAt: string, weekdayLocal: number) => ({
    startsAt,
    endsAt: startsAt,
    startsAtLocal: startsAt,
    endsAtLocal: startsAt,
    weekdayLocal,
  });

  it('groups the first week of occurrences by time, naming the local days', () => {
    // Tuesday and Thursday 23:30 in London are Wednesday and Friday 00:30 in Madrid.
    const items = [
      occ('2026-10-20T22:30:00Z', 3),
      occ('2026-10-22T22:30:00Z', 5),
      occ('2026-10-27T23:30:00Z', 3), // next week: not part of the pattern
    ];
    expect(viewerSchedule(items, 'en-GB', 'Europe/Madrid')).toEqual([
      { weekdays: [3, 5], days: 'Wednesday and Friday', time: '00:30' },
    ]);
    expect(viewerSchedule([], 'en', 'UTC')).toEqual([]);
  });

  it('keeps days apart when they fall at different local times', () => {
    const items = [occ('2026-10-20T18:00:00Z', 2), occ('2026-10-22T19:00:00Z', 4)];
    expect(viewerSchedule(items, 'es', 'UTC')).toEqual([
      { weekdays: [2], days: 'martes', time: '18:00' },
      { weekdays: [4], days: 'jueves', time: '19:00' },
    ]);
  });
});
