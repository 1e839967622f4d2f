import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  meetingCalendar,
  transitions,
  vtimezone,
} from '../../../../server/meetings/directory/icalendar.ts';

const NOW = Date.parse('2026-06-15T12:00:00Z');

describe('escapeText and foldLine', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'Reunión en línea — ñandú '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('VTIMEZONE', () => {
  it('finds the zone’s transitions to the minute', () => {
    const found = transitions(
      'Europe/London',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2027-01-01T00:00:00Z'),
    );
    expect(found.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
  });

  it('describes New York with dated DAYLIGHT and STANDARD observances', () => {
    const text = vtimezone('America/New_York', Date.parse('2026-09-01T00:00:00Z'), NOW).join('\n');
    expect(text).toMatch(/^BEGIN:VTIMEZONE\nTZID:America\/New_York\n/);
    expect(text).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nEND:DAYLIGHT',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nEND:STANDARD',
    );
    // Next year too, and the change before the covered years so January is described.
    expect(text).toContain('DTSTART:20271107T020000');
    expect(text).toContain('DTSTART:20251102T020000');
  });

  it('gives a zone without changes one STANDARD observance', () => {
    const lines = vtimezone('Asia/Tokyo', NOW, NOW).filter((line) => !line.startsWith('TZNAME:'));
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });
});

describe('meetingCalendar', () => {
  const weekly = {
    uid: 'meeting-1@haven',
    title: 'Tuesday evening',
    description: 'Open meeting',
    recurrence: {
      kind: 'weekly',
      weekdays: [2, 4],
      localTime: '19:00',
      timeZone: 'Europe/Madrid',
      startsOn: '2026-09-03',
      until: '2026-12-31',
    },
    durationMinutes: 75,
    url: 'https://haven.example/meetings/1',
    lastModified: NOW,
    now: NOW,
  } as const;

  it('starts on the first day the rule names, in the meeting’s zone, with a UTC UNTIL', () => {
    const lines = meetingCalendar({
      ...weekly,
      recurrence: { ...weekly.recurrence, weekdays: [2, 4] },
    }).split('\r\n');
    // 3 September 2026 is a Thursday: the first TU/TH on or after startsOn.
    expect(lines).toContain('DTSTART;TZID=Europe/Madrid:20260903T190000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T225959Z');
    expect(lines).toContain('DURATION:PT1H15M');
    expect(lines).toContain('DTSTAMP:20260615T120000Z');
    expect(lines).toContain('URL:https://haven.example/meetings/1');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});
