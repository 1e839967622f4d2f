import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { inPersonMeeting, onlineMeeting, uniqueCity } from './fixtures.ts';

let haven: TestHaven;
let facilitator: ApiClient;
let london: string;
let newYork: string;
beforeAll(async () => {
  haven = await startTestHaven();
  facilitator = (await signUpAs(haven, ['facilitator'])).client;
  const create = async (timeZone: string) =>
    (
      await facilitator.post(
        '/api/meetings',
        onlineMeeting({
          recurrence: {
            kind: 'weekly',
            weekdays: [2],
            localTime: '19:00',
            timeZone,
            startsOn: '2026-09-01',
          },
        }),
      )
    ).body.meeting.id as string;
  london = await create('Europe/London');
  newYork = await create('America/New_York');
});
afterAll(async () => {
  await haven.close();
});

const occurrences = (id: string, query: string) =>
  new ApiClient(haven.url).get(`/api/meetings/${id}/occurrences?${query}`);

describe('GET /api/meetings/:id/occurrences across daylight-saving changes', () => {
  it('keeps Tuesday 19:00 in London: 18:00Z before 25 October 2026, 19:00Z after', async () => {
    const response = await occurrences(
      london,
      'from=2026-10-13T00:00:00Z&to=2026-11-04T00:00:00Z&tz=Europe/London',
    );
    expect(response.status).toBe(200);
    expect(response.body.timeZone).toBe('Europe/London');
    expect(response.body.items).toEqual([
      {
        startsAt: '2026-10-13T18:00:00Z',
        endsAt: '2026-10-13T19:30:00Z',
        startsAtLocal: '2026-10-13T19:00:00+01:00',
        endsAtLocal: '2026-10-13T20:30:00+01:00',
        weekdayLocal: 2,
      },
      {
        startsAt: '2026-10-20T18:00:00Z',
        endsAt: '2026-10-20T19:30:00Z',
        startsAtLocal: '2026-10-20T19:00:00+01:00',
        endsAtLocal: '2026-10-20T20:30:00+01:00',
        weekdayLocal: 2,
      },
      {
        startsAt: '2026-10-27T19:00:00Z',
        endsAt: '2026-10-27T20:30:00Z',
        startsAtLocal: '2026-10-27T19:00:00+00:00',
        endsAtLocal: '2026-10-27T20:30:00+00:00',
        weekdayLocal: 2,
      },
      {
        startsAt: '2026-11-03T19:00:00Z',
        endsAt: '2026-11-03T20:30:00Z',
        startsAtLocal: '2026-11-03T19:00:00+00:00',
        endsAtLocal: '2026-11-03T20:30:00+00:00',
        weekdayLocal: 2,
      },
    ]);
    expect(response.body.truncated).toBe(false);
  });

  it('keeps Tuesday 19:00 in New York across 1 November 2026, crossing midnight UTC', async () => {
    const response = await occurrences(
      newYork,
      'from=2026-10-20&to=2026-11-11&tz=America/New_York',
    );
    expect(response.body.items.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      '2026-10-20T23:00:00Z',
      '2026-10-27T23:00:00Z',
      '2026-11-04T00:00:00Z',
      '2026-11-11T00:00:00Z',
    ]);
    expect(response.body.items.map((o: { startsAtLocal: string }) => o.startsAtLocal)).toEqual([
      '2026-10-20T19:00:00-04:00',
      '2026-10-27T19:00:00-04:00',
      '2026-11-03T19:00:00-05:00',
      '2026-11-10T19:00:00-05:00',
    ]);
  });

  it('shows New York’s meeting from London: the gap is four hours in the week between the changes', async () => {
    const response = await occurrences(newYork, 'from=2026-10-20&to=2026-11-05&tz=Europe/London');
    expect(
      response.body.items.map((o: { startsAtLocal: string; weekdayLocal: number }) => [
        o.startsAtLocal,
        o.weekdayLocal,
      ]),
    ).toEqual([
      ['2026-10-21T00:00:00+01:00', 3],
      ['2026-10-27T23:00:00+00:00', 2],
      ['2026-11-04T00:00:00+00:00', 3],
    ]);
  });

  it('shows London’s meeting from Sydney, whose clocks moved the other way in October', async () => {
    const response = await occurrences(
      london,
      'from=2026-09-29T00:00:00Z&to=2026-10-07T00:00:00Z&tz=Australia/Sydney',
    );
    expect(
      response.body.items.map(
        (o: { startsAt: string; startsAtLocal: string; weekdayLocal: number }) => [
          o.startsAt,
          o.startsAtLocal,
          o.weekdayLocal,
        ],
      ),
    ).toEqual([
      ['2026-09-29T18:00:00Z', '2026-09-30T04:00:00+10:00', 3],
      ['2026-10-06T18:00:00Z', '2026-10-07T05:00:00+11:00', 3],
    ]);
  });

  it('counts an occurrence in progress at the start of the window and caps the count', async () => {
    const inProgress = await occurrences(
      london,
      'from=2026-10-13T18:30:00Z&to=2026-10-14T00:00:00Z',
    );
    expect(inProgress.body.items).toHaveLength(1);
    const capped = await occurrences(london, 'from=2026-09-01&to=2026-11-30&limit=3');
    expect(capped.body.items).toHaveLength(3);
    expect(capped.body.truncated).toBe(true);
  });

  it.each([
    ['from=2026-11-01&to=2026-10-01', 'to'],
    ['from=2026-01-01&to=2026-06-01', 'to'],
    ['from=yesterday', 'from'],
    ['from=2026-10-01T10:00', 'from'],
    ['tz=Moon/Base', 'tz'],
    ['limit=0', 'limit'],
  ])('refuses a bad window with 400: %s', async (query, field) => {
    const response = await occurrences(london, query);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields)).toContain(field);
  });

  it('answers 404 for an unknown meeting', async () => {
    expect((await occurrences('0123456789abcdef01234567', '')).status).toBe(404);
  });
});

describe('GET /api/meetings/:id/calendar.ics', () => {
  it('is an RFC 5545 file: zoned DTSTART, weekly RRULE with UTC UNTIL, VTIMEZONE, folded CRLF lines', async () => {
    const title =
      'Reunión de los martes, con café; y un título bastante largo para que haya que plegarlo';
    const created = await facilitator.post(
      '/api/meetings',
      inPersonMeeting(uniqueCity(), {
        title,
        recurrence: {
          kind: 'weekly',
          weekdays: [4, 2],
          localTime: '19:00',
          timeZone: 'Europe/London',
          startsOn: '2026-09-01',
          until: '2036-06-30',
        },
      }),
    );
    const id = created.body.meeting.id;
    const response = await fetch(`${haven.url}/api/meetings/${id}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20260901T190000');
    expect(lines).toContain('DURATION:PT1H30M');
    // 30 June 2036 ends at 23:59:59 BST, which is 22:59:59 UTC.
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20360630T225959Z');
    expect(lines).toContain(`UID:meeting-${id}@haven`);
    expect(lines).toContain(`SUMMARY:${title.replace(/,/g, '\\,').replace(/;/g, '\\;')}`);
    expect(lines.find((line) => line.startsWith('LOCATION:'))).toMatch(
      /^LOCATION:Mill Lane Community Centre\\, 4 Mill Lane\\, /,
    );
    expect(lines.some((line) => line.startsWith('URL:'))).toBe(false);
    expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toContain('TZID:Europe/London');
    expect(tz.join('\n')).toMatch(
      /BEGIN:DAYLIGHT\nDTSTART:20260329T010000\nTZOFFSETFROM:\+0000\nTZOFFSETTO:\+0100/,
    );
    expect(tz.join('\n')).toMatch(
      /BEGIN:STANDARD\nDTSTART:20261025T020000\nTZOFFSETFROM:\+0100\nTZOFFSETTO:\+0000/,
    );
    expect(tz.join('\n')).toMatch(/DTSTART:20270328T010000/);
    expect(lines.indexOf('END:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('gives an online one-off meeting its join page as URL and no RRULE', async () => {
    const created = await facilitator.post(
      '/api/meetings',
      onlineMeeting({
        recurrence: {
          kind: 'once',
          localDateTime: '2030-03-05T18:30',
          timeZone: 'America/Mexico_City',
        },
        durationMinutes: 45,
      }),
    );
    const id = created.body.meeting.id;
    const text = await (await fetch(`${haven.url}/api/meetings/${id}/calendar.ics`)).text();
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain('DTSTART;TZID=America/Mexico_City:20300305T183000');
    expect(lines).toContain('DURATION:PT45M');
    expect(lines).toContain(`URL:${haven.url}/meetings/${id}`);
    expect(lines.some((line) => line.startsWith('RRULE'))).toBe(false);
    expect(lines.some((line) => line.startsWith('LOCATION'))).toBe(false);
    // Mexico City has kept one offset since 2022: a single observance.
    expect(lines.filter((line) => line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT')).toEqual([
      'BEGIN:STANDARD',
    ]);
    expect(lines).toContain('TZOFFSETTO:-0600');
  });

  it('answers 404 as JSON for an unknown meeting', async () => {
    const response = await new ApiClient(haven.url).get(
      '/api/meetings/0123456789abcdef01234567/calendar.ics',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});
