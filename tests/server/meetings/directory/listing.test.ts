import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  inPersonMeeting,
  meetingsOf,
  newPartnerId,
  onceMeetingAt,
  onlineMeeting,
  uniqueCity,
} from './fixtures.ts';

let haven: TestHaven;
let facilitator: ApiClient;
beforeAll(async () => {
  haven = await startTestHaven();
  facilitator = (await signUpAs(haven, ['facilitator'])).client;
});
afterAll(async () => {
  await haven.close();
});

async function create(body: Record<string, unknown>, client = facilitator) {
  const response = await client.post('/api/meetings', body);
  if (response.status !== 201) throw new Error(`create failed: ${response.text}`);
  return response.body.meeting as { id: string; title: string };
}

/** Online meetings can name an area; a city of their own keeps each test's list apart. */
const inCity = (city: string, extra: Record<string, unknown> = {}) => ({
  area: { country: 'GB', city },
  ...extra,
});

describe('GET /api/meetings filters', () => {
  it('filters by language, type, format, audience, country and city (any case and accents)', async () => {
    const city = uniqueCity('Málaga');
    const english = await create(onlineMeeting(inCity(city, { title: 'English open' })));
    const spanish = await create(
      onlineMeeting(inCity(city, { title: 'Reunión abierta', language: 'es' })),
    );
    const family = await create(
      onlineMeeting(
        inCity(city, {
          title: 'Family and friends',
          type: 'specialised',
          audience: 'family-and-friends',
        }),
      ),
    );
    const hall = await create(inPersonMeeting(city, { title: 'In the hall' }));
    const titles = async (query: string) =>
      (await facilitator.get(`/api/meetings?city=${encodeURIComponent(city)}&${query}`)).body.items
        .map((item: { title: string }) => item.title)
        .sort();
    expect(await titles('')).toEqual(
      [english.title, family.title, hall.title, spanish.title].sort(),
    );
    expect(await titles('language=es')).toEqual([spanish.title]);
    expect(await titles('type=specialised')).toEqual([family.title]);
    expect(await titles('audience=family-and-friends')).toEqual([family.title]);
    expect(await titles('format=in-person')).toEqual([hall.title]);
    expect(await titles('country=FR')).toEqual([]);
    const folded = city.toUpperCase().replace('Á', 'A');
    const byFolded = await facilitator.get(`/api/meetings?city=${encodeURIComponent(folded)}`);
    expect(byFolded.body.items).toHaveLength(4);
  });

  it('filters by partner', async () => {
    const partnerId = newPartnerId();
    const staff = await signUpAs(haven, ['participant'], { partnerId });
    const inService = await create(onlineMeeting({ partnerId }), staff.client);
    const response = await facilitator.get(`/api/meetings?partnerId=${partnerId}`);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([inService.id]);
  });

  it('leaves out meetings that are over', async () => {
    const city = uniqueCity();
    const meeting = await create(onceMeetingAt(30, inCity(city)));
    await meetingsOf(haven).updateOne(
      { _id: meeting.id },
      {
        $set: {
          activeUntil: new Date(Date.now() - 1000),
          'recurrence.localDateTime': '2020-01-01T10:00',
        },
      },
    );
    expect(
      (await facilitator.get(`/api/meetings?city=${encodeURIComponent(city)}`)).body.items,
    ).toEqual([]);
  });

  it.each([
    ['language[$ne]=x'],
    ['type=%7B%22%24gt%22%3A%22%22%7D'],
    ['format=online&format=hybrid'],
    ['city[$regex]=.*'],
    ['startingWithinHours=abc'],
    ['startingWithinHours=-1'],
    ['tz=Not/AZone'],
    ['partnerId=%7B%22%24ne%22%3Anull%7D'],
    ['limit=1000'],
    ['sort=title'],
    ['cursor=bm90LWEtY3Vyc29y'],
  ])('refuses bad or operator-shaped filters with 400: %s', async (query) => {
    const response = await facilitator.get(`/api/meetings?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(response.body.error.fields).length).toBeGreaterThan(0);
  });
});

describe('GET /api/meetings in progress and starting soon', () => {
  it('marks a meeting in progress and finds it with startingWithinHours; soonest first', async () => {
    const city = uniqueCity();
    const now = Date.now();
    const running = await create(onceMeetingAt(-20, inCity(city, { title: 'Running now' }), now));
    const soon = await create(onceMeetingAt(90, inCity(city, { title: 'In ninety minutes' }), now));
    const later = await create(
      onceMeetingAt(5 * 60, inCity(city, { title: 'In five hours' }), now),
    );
    const base = `/api/meetings?city=${encodeURIComponent(city)}&tz=America/New_York`;
    const all = (await facilitator.get(base)).body.items;
    expect(all.map((item: { id: string }) => item.id)).toEqual([running.id, soon.id, later.id]);
    expect(all.map((item: { inProgress: boolean }) => item.inProgress)).toEqual([
      true,
      false,
      false,
    ]);
    expect(all[0].nextOccurrence.startsAtLocal).toMatch(/-0[45]:00$/);
    const ids = async (hours: number) =>
      (await facilitator.get(`${base}&startingWithinHours=${hours}`)).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await ids(0)).toEqual([running.id]);
    expect(await ids(2)).toEqual([running.id, soon.id]);
    expect(await ids(6)).toEqual([running.id, soon.id, later.id]);
  });

  it('shows times in the signed-in member’s zone by default, else UTC', async () => {
    const city = uniqueCity();
    await create(onlineMeeting(inCity(city)));
    const sydney = await signUpAs(haven, ['participant'], { timeZone: 'Australia/Sydney' });
    const path = `/api/meetings?city=${encodeURIComponent(city)}`;
    const mine = (await sydney.client.get(path)).body.items[0].nextOccurrence;
    expect(mine.startsAtLocal).toMatch(/\+1[01]:00$/);
    // Tuesday evening in London is already Wednesday morning in Sydney.
    expect(mine.weekdayLocal).toBe(3);
    const anonymous = (await fetch(`${haven.url}${path}`).then((r) => r.json())).items[0]
      .nextOccurrence;
    expect(anonymous.startsAtLocal).toBe(anonymous.startsAt);
  });
});

describe('GET /api/meetings pagination', () => {
  it('walks every meeting exactly once with nextCursor', async () => {
    const city = uniqueCity();
    const created = new Set<string>();
    for (let i = 0; i < 7; i++) {
      const weekday = (i % 7) + 1;
      const meeting = await create(
        onlineMeeting(
          inCity(city, {
            title: `Meeting ${i}`,
            recurrence: {
              kind: 'weekly',
              weekdays: [weekday],
              localTime: '12:00',
              timeZone: 'UTC',
              startsOn: '2026-09-01',
            },
          }),
        ),
      );
      created.add(meeting.id);
    }
    // Two meetings at the very same time: the id breaks the tie, so neither is lost.
    created.add((await create(onlineMeeting(inCity(city, { title: 'Twin' })))).id);
    created.add((await create(onlineMeeting(inCity(city, { title: 'Twin' })))).id);
    const seen: string[] = [];
    const starts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/meetings?city=${encodeURIComponent(city)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await facilitator.get(query);
      expect(page.status).toBe(200);
      for (const item of page.body.items) {
        seen.push(item.id);
        starts.push(item.nextOccurrence.startsAt);
      }
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(created.size);
    expect(new Set(seen)).toEqual(created);
    expect([...starts].sort()).toEqual(starts);
  });
});
