// The bench's data: meetings, posts, groups and events shaped as members make them (several
// zones and languages, weekly and one-off meetings, every format), each parsed with the same
// zod schema the API uses and stored with the same conversion the services use, so the API
// lists them exactly as it would lists members' own. A seeded random source keeps runs
// comparable.
import type { DateTime } from 'luxon';
import { Types } from 'mongoose';
import { foldKey } from '../../../server/community/shared.ts';
import { scheduleOf } from '../../../server/meetings/directory/schedule.ts';
import { toStored } from '../../../server/meetings/directory/views.ts';
import { createEventBody } from '../../../shared/api/community/events.ts';
import { createGroupBody } from '../../../shared/api/community/groups.ts';
import { createPostBody } from '../../../shared/api/community/posts.ts';
import {
  AUDIENCES,
  createMeetingBody,
  ELIGIBILITY_STATEMENTS,
} from '../../../shared/api/directory.ts';

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
export type Random = ReturnType<typeof randomSource>;

interface Place {
  zone: string;
  language: string;
  country: string;
  region: string;
  cities: string[];
}

const PLACES: Place[] = [
  {
    zone: 'Europe/London',
    language: 'en',
    country: 'GB',
    region: 'England',
    cities: ['Manchester', 'Leeds', 'Bristol', 'London'],
  },
  {
    zone: 'America/New_York',
    language: 'en',
    country: 'US',
    region: 'Ohio',
    cities: ['Cleveland', 'Columbus', 'Toledo'],
  },
  {
    zone: 'America/Los_Angeles',
    language: 'en',
    country: 'US',
    region: 'California',
    cities: ['Oakland', 'San Diego', 'Fresno'],
  },
  {
    zone: 'America/Mexico_City',
    language: 'es',
    country: 'MX',
    region: 'CDMX',
    cities: ['Ciudad de México', 'Puebla'],
  },
  {
    zone: 'Europe/Madrid',
    language: 'es',
    country: 'ES',
    region: 'Comunidad de Madrid',
    cities: ['Madrid', 'Alcalá de Henares', 'Móstoles'],
  },
  {
    zone: 'Europe/Berlin',
    language: 'de',
    country: 'DE',
    region: 'Berlin',
    cities: ['Berlin', 'Potsdam'],
  },
  {
    zone: 'Europe/Paris',
    language: 'fr',
    country: 'FR',
    region: 'Île-de-France',
    cities: ['Paris', 'Versailles'],
  },
  {
    zone: 'America/Sao_Paulo',
    language: 'pt',
    country: 'BR',
    region: 'São Paulo',
    cities: ['São Paulo', 'Campinas'],
  },
  {
    zone: 'Australia/Sydney',
    language: 'en',
    country: 'AU',
    region: 'NSW',
    cities: ['Sydney', 'Newcastle'],
  },
  {
    zone: 'Asia/Kolkata',
    language: 'en',
    country: 'IN',
    region: 'Maharashtra',
    cities: ['Mumbai', 'Pune'],
  },
];

const WORDS = [
  'Tuesday',
  'evening',
  'morning',
  'check-in',
  'recovery',
  'tools',
  'balance',
  'urges',
  'motivation',
  'community',
  'online',
  'circle',
  'support',
  'weekend',
  'lunchtime',
  'newcomers',
];
const sentence = (r: Random, n: number) => Array.from({ length: n }, () => r.pick(WORDS)).join(' ');

const localDate = (dt: DateTime) => dt.toISODate() ?? '';

/** One meeting as its creator would send it; about a third one-off, the rest weekly. */
export function meetingInput(r: Random, facilitatorIds: string[], now: DateTime) {
  const place = r.pick(PLACES);
  const here = now.setZone(place.zone);
  const once = r.next() < 0.3;
  const recurrence = once
    ? {
        kind: 'once' as const,
        // Within the coming eight weeks, on a quarter-hour.
        localDateTime: here
          .plus({ minutes: 30 + r.int(8 * 7 * 24 * 4) * 15 })
          .set({ second: 0, millisecond: 0 })
          .toFormat("yyyy-MM-dd'T'HH:mm"),
        timeZone: place.zone,
      }
    : {
        kind: 'weekly' as const,
        weekdays: [...new Set(Array.from({ length: 1 + r.int(3) }, () => 1 + r.int(7)))],
        localTime: `${String(6 + r.int(16)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}`,
        timeZone: place.zone,
        startsOn: localDate(here.minus({ days: r.int(365) })),
        ...(r.next() < 0.2 ? { until: localDate(here.plus({ days: 30 + r.int(300) })) } : {}),
      };
  const format = r.pick(['online', 'online', 'in-person', 'hybrid'] as const);
  const specialised = r.next() < 0.2;
  const audienceIndex = r.int(AUDIENCES.length);
  const city = r.pick(place.cities);
  return createMeetingBody.parse({
    title: `${city} ${sentence(r, 3)}`,
    description: sentence(r, 40),
    type: specialised ? 'specialised' : 'open',
    ...(specialised
      ? {
          audience: AUDIENCES[audienceIndex],
          eligibility: {
            requiresConfirmation: r.next() < 0.5,
            statementKey: ELIGIBILITY_STATEMENTS[audienceIndex],
          },
        }
      : {}),
    format,
    language: place.language,
    recurrence,
    durationMinutes: r.pick([60, 75, 90]),
    facilitatorIds: [...new Set([r.pick(facilitatorIds), r.pick(facilitatorIds)])],
    capacity: 10 + r.int(40),
    ...(format === 'online'
      ? { area: { country: place.country } }
      : {
          location: {
            placeName: `${city} Community Centre`,
            address: `${1 + r.int(200)} High Street`,
            city,
            region: place.region,
            country: place.country,
          },
        }),
  });
}

/** The document the directory service stores for that input (as `create` does). */
export function meetingDoc(r: Random, facilitatorIds: string[], now: DateTime) {
  const input = meetingInput(r, facilitatorIds, now);
  return {
    ...toStored({ ...input, facilitatorIds: input.facilitatorIds ?? [] }),
    ...scheduleOf(input.recurrence, input.durationMinutes, now.toMillis()),
    createdBy: input.facilitatorIds?.[0] ?? null,
  };
}

export function postDoc(r: Random, authorIds: string[], now: number) {
  const kind = r.pick(['idea', 'idea', 'video', 'article'] as const);
  const input = createPostBody.parse({
    kind,
    title: sentence(r, 5),
    body: sentence(r, 60),
    point: 1 + r.int(4),
    ...(kind === 'idea' ? {} : { url: `https://example.org/${kind}/${r.int(1e6)}` }),
  });
  return {
    ...input,
    url: input.url ?? null,
    authorId: new Types.ObjectId(r.pick(authorIds)),
    status: r.next() < 0.02 ? 'hidden' : 'visible',
    createdAt: new Date(now - r.int(365 * 86_400_000)),
  };
}

export function groupDoc(r: Random, creatorIds: string[], index: number) {
  const place = r.pick(PLACES);
  const topic = r.next() < 0.3;
  const city = r.pick(place.cities);
  const input = createGroupBody.parse({
    name: `${topic ? sentence(r, 2) : city} group ${index}`,
    description: sentence(r, 30),
    language: place.language,
    kind: topic ? 'topic' : 'area',
    area: { country: place.country, region: place.region, city },
    ...(topic ? { topic: sentence(r, 2) } : {}),
    timeZone: place.zone,
  });
  const creator = new Types.ObjectId(r.pick(creatorIds));
  return {
    name: input.name,
    nameKey: foldKey(input.name),
    description: input.description,
    language: input.language,
    kind: input.kind,
    area: input.area
      ? { ...input.area, ...(input.area.city ? { cityKey: foldKey(input.area.city) } : {}) }
      : null,
    topic: input.topic ?? null,
    timeZone: input.timeZone ?? null,
    createdBy: creator,
    moderatorIds: [creator],
  };
}

/** Events from a month ago to six months ahead, so the default (upcoming) list is most. */
export function eventDoc(r: Random, creatorIds: string[], now: number) {
  const place = r.pick(PLACES);
  const startsAt = new Date(now + (r.int(210) - 30) * 86_400_000 + r.int(24) * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + (1 + r.int(8)) * 3_600_000);
  const online = r.next() < 0.4;
  const input = createEventBody.parse({
    title: sentence(r, 4),
    description: sentence(r, 50),
    kind: r.pick(['social', 'conference', 'training-day', 'other'] as const),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timeZone: place.zone,
    location: online
      ? { type: 'online', url: `https://example.org/event/${r.int(1e6)}` }
      : {
          type: 'in-person',
          venue: `${r.pick(place.cities)} Hall`,
          city: r.pick(place.cities),
          country: place.country,
        },
    capacity: r.next() < 0.5 ? null : 20 + r.int(200),
  });
  return {
    ...input,
    groupId: null,
    createdBy: new Types.ObjectId(r.pick(creatorIds)),
  };
}
