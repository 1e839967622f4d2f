import { type Model, Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventModels } from '../../../server/community/events/models.ts';
import { groupModels } from '../../../server/community/groups/models.ts';
import { postModels } from '../../../server/community/posts/models.ts';
import { communityHaven, type Member } from './helpers.ts';

/**
 * Each community list is one query a declared index serves: its equality filters, then its
 * sort, so a page is read from the index in order and the scan stops after `limit + 1`. Later
 * pages start after the last seen (sort key, _id), never by skipping.
 */

const t = communityHaven();
let member: Member;
const HOUR = 3_600_000;

interface Find {
  filter: Record<string, unknown>;
  options: Record<string, unknown>;
}

/** The finds a request sends to `collection`, as the driver receives them. */
async function findsDuring(collection: string, run: () => Promise<unknown>): Promise<Find[]> {
  const finds: Find[] = [];
  t.haven.mongo.connection.set(
    'debug',
    (name: string, method: string, filter: Find['filter'], options: Find['options']) => {
      if (name === collection && method === 'find') finds.push({ filter, options });
    },
  );
  try {
    await run();
  } finally {
    t.haven.mongo.connection.set('debug', false);
  }
  return finds;
}

/** Fields a filter pins to one value (through `$and`), which an index may put before the sort. */
function equalities(filter: unknown, out = new Set<string>()): Set<string> {
  if (!filter || typeof filter !== 'object') return out;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') for (const part of value as unknown[]) equalities(part, out);
    else if (key.startsWith('$')) continue;
    else if (
      value === null ||
      typeof value !== 'object' ||
      value instanceof Types.ObjectId ||
      value instanceof Date
    )
      out.add(key);
  }
  return out;
}

/** A declared index made of exactly the filter's equality fields, then the sort's keys. */
function servingIndex(model: Model<never>, find: Find): Record<string, number> | undefined {
  const sort = Object.entries(find.options.sort as Record<string, number>);
  const pinned = equalities(find.filter);
  return model.schema
    .indexes()
    .map(([keys]) => keys as Record<string, number>)
    .find((keys) => {
      const entries = Object.entries(keys);
      const head = entries.slice(0, pinned.size).map(([field]) => field);
      const tail = entries.slice(pinned.size);
      return (
        entries.length === pinned.size + sort.length &&
        head.every((field) => pinned.has(field)) &&
        tail.every(([field, dir], i) => sort[i]?.[0] === field && sort[i]?.[1] === dir)
      );
    });
}

/** Two pages of `path` (limit 2): each one find, indexed, limited, the second by keyset. */
async function expectIndexedPages(collection: string, model: Model<never>, path: string) {
  const first = await findsDuring(collection, async () => {
    const page = await member.client.get(`${path}${path.includes('?') ? '&' : '?'}limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const second = await member.client.get(
      `${path}${path.includes('?') ? '&' : '?'}limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items.length).toBeGreaterThan(0);
  });
  expect(first).toHaveLength(2);
  for (const find of first) {
    expect(find.options.limit).toBe(3);
    expect(find.options.skip).toBeUndefined();
    expect(servingIndex(model, find), JSON.stringify(find)).toBeDefined();
  }
  // The cursor is also a plain range on the sort field, where an index scan can start.
  const [field] = Object.keys(first[1]?.options.sort as object);
  expect(JSON.stringify(first[1]?.filter)).toMatch(new RegExp(`"${field}":\\{[^}]*"\\$(gte|lte)"`));
  return first;
}

beforeAll(async () => {
  member = await t.member();
  const connection = t.haven.mongo.connection;
  const authorId = new Types.ObjectId();
  const base = Date.now();
  await postModels(connection).Post.insertMany(
    Array.from({ length: 5 }, (_, i) => ({
      kind: 'idea',
      title: `Idea ${i}`,
      body: 'A thought worth sharing.',
      point: 2,
      authorId,
      createdAt: new Date(base - i * HOUR),
    })),
  );
  const groupId = new Types.ObjectId();
  // Two long-past events, so "still running" must look past them, and five coming up.
  await eventModels(connection).Event.insertMany(
    [-400, -300, 2, 3, 4, 5, 6].map((hours) => ({
      title: `Event at ${hours}`,
      description: 'Tea and a walk.',
      kind: 'social',
      startsAt: new Date(base + hours * HOUR),
      endsAt: new Date(base + (hours + 2) * HOUR),
      timeZone: 'Europe/London',
      location: { type: 'in-person', venue: 'The park', city: 'Leeds', country: 'GB' },
      groupId,
    })),
  );
  await groupModels(connection).Group.insertMany(
    ['alder', 'birch', 'cedar', 'damson', 'elder'].map((name) => ({
      name,
      nameKey: name,
      description: 'A local group.',
      language: 'en',
      kind: 'area',
      area: { country: 'GB', city: 'Leeds', cityKey: 'leeds' },
    })),
  );
});

const model = (m: unknown) => m as Model<never>;

describe('community lists read by index, keyset paged', () => {
  it.each(['/api/posts', '/api/posts?point=2', '/api/posts?kind=idea'])('%s', async (path) => {
    await expectIndexedPages(
      'community_posts',
      model(postModels(t.haven.mongo.connection).Post),
      path,
    );
  });

  it.each(['/api/events', '/api/events?country=GB'])('%s', async (path) => {
    const finds = await expectIndexedPages(
      'community_events',
      model(eventModels(t.haven.mongo.connection).Event),
      path,
    );
    // "Still running" bounds the start too (events last 14 days at most): the scan begins
    // near now, not at the oldest event ever held.
    expect(JSON.stringify(finds[0]?.filter)).toMatch(/"startsAt":\{"\$gt"/);
  });

  it('/api/events?groupId=…', async () => {
    const [event] = await eventModels(t.haven.mongo.connection).Event.find().limit(1).lean();
    await expectIndexedPages(
      'community_events',
      model(eventModels(t.haven.mongo.connection).Event),
      `/api/events?groupId=${event?.groupId}`,
    );
  });

  it.each([
    '/api/groups',
    '/api/groups?country=GB',
    '/api/groups?country=GB&city=Leeds',
    '/api/groups?kind=area',
    '/api/groups?language=en',
  ])('%s', async (path) => {
    await expectIndexedPages(
      'community_groups',
      model(groupModels(t.haven.mongo.connection).Group),
      path,
    );
  });
});
