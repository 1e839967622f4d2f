import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Model, Schema, Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allOf,
  findPage,
  findPageWith,
  type SortSpec,
} from '../../../../server/infra/api/paging.ts';
import { discoverMongo, type MongoHandle } from '../../../../server/infra/mongo.ts';
import { pageQuery } from '../../../../shared/api/common.ts';
import { capturingLogger } from '../../../helpers/logger.ts';

let dir: string;
let mongo: MongoHandle;
interface ItemDoc {
  _id: Types.ObjectId;
  name: string;
  at: Date;
  group: number;
}
let Item: Model<ItemDoc>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haven-paging-'));
  mongo = await discoverMongo({
    uri: process.env.MONGODB_URI,
    dataDir: dir,
    dbName: `paging_${process.pid}`,
    allowDownload: false,
    logger: capturingLogger().logger,
  });
  Item = mongo.connection.model<ItemDoc>(
    'Item',
    new Schema<ItemDoc>({ name: String, at: Date, group: Number }),
  );
  // Several items share a timestamp and a name, so the _id tie-breaker must do its work.
  const base = Date.UTC(2026, 0, 1);
  await Item.insertMany(
    Array.from({ length: 25 }, (_, i) => ({
      name: `item-${String(i % 6).padStart(2, '0')}`,
      at: new Date(base + Math.floor(i / 3) * 60_000),
      group: i % 2,
    })),
  );
});
afterAll(async () => {
  await mongo.connection.db?.dropDatabase();
  await mongo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function walk(sort: SortSpec, filter: Record<string, unknown> = {}): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await findPage(Item, filter, sort, { cursor, limit: 7 }, (d) => String(d._id));
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('keyset pagination', () => {
  it.each<SortSpec>([
    { field: 'at', kind: 'date', direction: -1 },
    { field: 'at', kind: 'date', direction: 1 },
    { field: 'name', kind: 'string', direction: 1 },
    { field: '_id', kind: 'id', direction: 1 },
  ])('returns every item exactly once, in order, by %j', async (sort) => {
    const expected = (
      await Item.find()
        .sort(
          sort.kind === 'id' ? { _id: 1 } : { [sort.field]: sort.direction, _id: sort.direction },
        )
        .lean()
    ).map((d) => String(d._id));
    expect(await walk(sort)).toEqual(expected);
  });

  it('keeps the list’s own filter while following the cursor', async () => {
    const ids = await walk({ field: 'at', kind: 'date', direction: -1 }, { group: 1 });
    expect(ids).toHaveLength(12);
    const groups = await Item.find({ _id: { $in: ids } }).lean();
    expect(groups.every((d) => d.group === 1)).toBe(true);
  });

  it('keeps a filter’s own range on the sort field, its `$or` and its `_id` under the cursor', async () => {
    const sort: SortSpec = { field: 'at', kind: 'date', direction: 1 };
    const from = new Date(Date.UTC(2026, 0, 1, 0, 2));
    const some = (await Item.find({ group: 0 }).limit(6).lean()).map((d) => d._id);
    const filter = {
      at: { $gte: from },
      $or: [{ group: 0 }, { name: 'item-01' }],
      _id: { $in: some },
    };
    const expected = (await Item.find(filter).sort({ at: 1, _id: 1 }).lean()).map((d) =>
      String(d._id),
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(await walk(sort, filter)).toEqual(expected);
  });

  it('writes "after the cursor" flat, beside the list’s own filter, where an index can use it', () => {
    const id = new Types.ObjectId();
    expect(
      allOf(
        { status: 'visible', createdAt: { $gt: new Date(0) }, $or: [{ a: 1 }] },
        {
          createdAt: { $lte: new Date(5) },
          $or: [{ createdAt: { $lt: new Date(5) } }, { _id: { $lt: id } }],
        },
      ),
    ).toEqual({
      status: 'visible',
      createdAt: { $gt: new Date(0), $lte: new Date(5) },
      $or: [{ a: 1 }],
      $and: [{ $or: [{ createdAt: { $lt: new Date(5) } }, { _id: { $lt: id } }] }],
    });
  });

  it('maps a whole page at once for views that need more lookups', async () => {
    const page = await findPageWith(
      Item,
      {},
      { field: 'name', kind: 'string', direction: 1 },
      { limit: 5 },
      async (docs) => docs.map((d) => d.name),
    );
    expect(page.items).toEqual(['item-00', 'item-00', 'item-00', 'item-00', 'item-00']);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('pages past long non-Latin sort keys (the cursor carries the key)', async () => {
    const Named = mongo.connection.model<ItemDoc>('Named', new Schema<ItemDoc>({ name: String }));
    await Named.insertMany([{ name: 'я'.repeat(300) }, { name: 'ж'.repeat(300) }, { name: 'a' }]);
    const sort: SortSpec = { field: 'name', kind: 'string', direction: 1 };
    const first = await findPage(Named, {}, sort, { limit: 1 }, (d) => d.name);
    const query = pageQuery.parse({ cursor: first.nextCursor, limit: '1' });
    const second = await findPage(Named, {}, sort, query, (d) => d.name);
    expect(second.items).toEqual(['ж'.repeat(300)]);
  });

  it('refuses a forged cursor with INVALID_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url');
    await expect(
      findPage(
        Item,
        {},
        { field: 'name', kind: 'string', direction: 1 },
        { cursor: forged, limit: 5 },
        (d) => d,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
