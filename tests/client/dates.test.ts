import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../client/src/features/community/time.ts';
import { formatInstant, localeOf, viewerTimeZone } from '../../client/src/i18n/dates.ts';

const report = '2030-07-03T17:05:00Z';

describe('the shared time formatter', () => {
  it("shows one instant on the viewer's clock with the zone named", () => {
    const madrid = formatInstant(report, 'en-GB', 'Europe/Madrid');
    const newYork = formatInstant(report, 'en-GB', 'America/New_York');
    expect(madrid).toContain('19:05');
    expect(madrid).toMatch(/CEST|GMT\+2/);
    expect(newYork).toContain('13:05');
    expect(newYork).toMatch(/EDT|GMT-4/);
  });

  it('is what the staff pages (community formatDateTime) use', () => {
    expect(formatDateTime(report, 'Europe/Madrid', 'en-GB')).toBe(
      formatInstant(report, 'en-GB', 'Europe/Madrid'),
    );
    expect(formatDateTime(report, 'UTC', 'en-GB')).toMatch(/17:05.*UTC/);
  });

  it("names no zone on a date alone, still reads it on the viewer's calendar", () => {
    // 23:30 UTC is already the next day in Madrid.
    expect(formatInstant('2030-07-03T23:30:00Z', 'en-GB', 'Europe/Madrid', 'date')).toBe(
      '4 Jul 2030',
    );
  });

  it('falls back to UTC for an unknown zone and to nothing for a non-date', () => {
    expect(formatInstant(report, 'en-GB', 'Mars/Olympus')).toMatch(/UTC/);
    expect(formatInstant('not a date', 'en-GB', 'UTC')).toBe('');
  });

  it("takes the profile's zone, the device's while the profile is on UTC", () => {
    expect(viewerTimeZone('Europe/Madrid', 'Europe/London')).toBe('Europe/Madrid');
    expect(viewerTimeZone('UTC', 'Europe/London')).toBe('Europe/London');
    expect(localeOf('es', ['en-GB', 'es-mx'])).toBe('es-MX');
  });
});
