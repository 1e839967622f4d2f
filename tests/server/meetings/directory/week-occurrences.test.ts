import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { onlineMeeting } from './fixtures.ts';

/** GET /api/meetings/occurrences: the week view's one request for all its meetings. */

let haven: TestHaven;
let facilitator: ApiClient;
let tuesdays: string;
let weekdays: string;
beforeAll(async () => {
  haven = await startTestHaven();
  facilitator = (await signUpAs(haven, ['facilitator'])).client;
  const create = async (days: number[], localTime: string) =>
    (
      await facilitator.post(
        '/api/meetings',
        onlineMeeting({
          recurrence: {
            kind: 'weekly',
            weekdays: days,
            localTime,
            timeZone: 'Europe/London',
            startsOn: '2026-09-01',
          },
        }),
      )
    ).body.meeting.id as string;
  tuesdays = await create([2], '19:00');
  weekdays = await create([1, 3, 5], '08:00');
});
afterAll(async () => {
  await haven.close();
});

const batch = (query: string) => new ApiClient(haven.url).get(`/api/meetings/occurrences?${query}`);
const WEEK = 'from=2026-12-07&to=2026-12-14&tz=Europe/Madrid';

describe('GET /api/meetings/occurrences', () => {
  it("answers every asked meeting's occurrences in the window, in the order asked", async () => {
    const response = await batch(`ids=${weekdays},${tuesdays}&${WEEK}`);
    expect(response.status).toBe(200);
    expect(response.body.timeZone).toBe('Europe/Madrid');
    expect(
      response.body.meetings.map((m: { meetingId: string; items: { startsAt: string }[] }) => [
        m.meetingId,
        m.items.map((item) => item.startsAt),
      ]),
    ).toEqual([
      [weekdays, ['2026-12-07T08:00:00Z', '2026-12-09T08:00:00Z', '2026-12-11T08:00:00Z']],
      [tuesdays, ['2026-12-08T19:00:00Z']],
    ]);
    // The same answer as the one-meeting route gives, less its repeated zone.
    const single = await new ApiClient(haven.url).get(
      `/api/meetings/${tuesdays}/occurrences?${WEEK}`,
    );
    expect(response.body.meetings[1]).toEqual({
      meetingId: tuesdays,
      items: single.body.items,
      truncated: false,
    });
  });

  it('leaves out meetings that do not exist (removed since the list was read)', async () => {
    const gone = '0123456789abcdef01234567';
    const response = await batch(`ids=${gone},${tuesdays}&${WEEK}`);
    expect(response.status).toBe(200);
    expect(response.body.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([
      tuesdays,
    ]);
  });

  it.each([
    ['no ids', WEEK],
    ['a bad id', `ids=${tuesdays},nope&${WEEK}`],
    ['an operator', `ids[$ne]=x&${WEEK}`],
    ['too many ids', `ids=${Array.from({ length: 101 }, () => 'a'.repeat(24)).join(',')}&${WEEK}`],
    ['no window', 'ids=0123456789abcdef01234567'],
    ['a window past 31 days', 'ids=0123456789abcdef01234567&from=2026-12-01&to=2027-01-02'],
    ['an empty window', 'ids=0123456789abcdef01234567&from=2026-12-08&to=2026-12-08'],
  ])('refuses %s with 400 INVALID_INPUT', async (_label, query) => {
    const response = await batch(query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(response.body.error.fields).length).toBeGreaterThan(0);
  });

  it('reads the asked meetings by id in one query', async () => {
    const finds: unknown[] = [];
    haven.mongo.connection.set('debug', (collection: string, method: string, filter: unknown) => {
      if (collection === 'meetings' && method === 'find') finds.push(filter);
    });
    await batch(`ids=${weekdays},${tuesdays}&${WEEK}`);
    haven.mongo.connection.set('debug', false);
    expect(finds).toHaveLength(1);
    expect(JSON.stringify(finds[0])).toContain('$in');
  });
});
