import { Decimal128, Long, type ObjectId } from 'bson';
import type mongoose from 'mongoose';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import {
  connect,
  type LogEntry,
  makeTempDir,
  memoryLogger,
  removeDir,
  startMongoStandin,
} from './helpers.ts';

/**
 * Updates mongod refuses where mingo alone would silently do nothing (or something else): array
 * operators on a non-array, paths that cannot be created, int32 overflow (a long, not a double).
 * Each refusal refuses the whole update and leaves the document as it was. Codes and messages
 * are mongod's (src/mongo/db/update/*_node.cpp, path_support.cpp, util/safe_num.cpp).
 */

interface ThingDoc {
  name: string;
  group?: string;
  tags?: unknown;
  meta?: unknown;
  count?: unknown;
}

const thingSchema = new Schema<ThingDoc>(
  {
    name: { type: String, required: true },
    group: String,
    tags: [String],
    meta: Schema.Types.Mixed,
    count: Number,
  },
  { strict: false, versionKey: false },
);

const thingModel = (c: mongoose.Connection) => c.model('RefusalThing', thingSchema);

let dir: string;
let standin: MongoStandin;
let conn: mongoose.Connection;
let log: LogEntry[];
let Thing: ReturnType<typeof thingModel>;

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-refusals');
  const mem = memoryLogger();
  log = mem.entries;
  standin = await startMongoStandin({ dataDir: dir, logger: mem.logger });
  conn = await connect(standin, 'standin_refusals');
  Thing = thingModel(conn);
});

afterAll(async () => {
  await conn?.close();
  await standin?.close();
  await removeDir(dir);
});

/** Stores a document as legacy data would be, without mongoose casting it to the schema. */
async function legacy(doc: Record<string, unknown>): Promise<ObjectId> {
  return (await Thing.collection.insertOne({ ...doc })).insertedId as unknown as ObjectId;
}

async function refusal(p: PromiseLike<unknown>): Promise<{ code: unknown; message: string }> {
  const err = await Promise.resolve(p).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the update should have been refused').toBeInstanceOf(Error);
  return { code: (err as { code?: unknown }).code, message: (err as Error).message };
}

const raw = (id: ObjectId) => Thing.collection.findOne({ _id: id }, { promoteLongs: false });
const lean = (id: ObjectId) => Thing.findById(id).lean();

describe('mongo stand-in: updates mongod refuses, through mongoose', () => {
  it('refuses array operators on a field that exists and is not an array', async () => {
    const id = await legacy({ name: 'solo', tags: 'only', meta: { n: 1 } });
    const before = await lean(id);
    const cases: [mongoose.UpdateQuery<ThingDoc>, number, string][] = [
      [
        { $push: { tags: 'b' } },
        2,
        `The field 'tags' must be an array but is of type string in document {_id: ObjectId('${id.toHexString()}')}`,
      ],
      [
        { $addToSet: { tags: 'b' } },
        2,
        "Cannot apply $addToSet to non-array field. Field named 'tags' has non-array type string",
      ],
      [{ $pop: { tags: 1 } }, 14, "Path 'tags' contains an element of non-array type 'string'"],
      [{ $pull: { tags: 'only' } }, 2, 'Cannot apply $pull to a non-array value'],
      [{ $pullAll: { tags: ['only'] } }, 2, 'Cannot apply $pull to a non-array value'],
      [
        { $push: { 'meta.n': 2 } },
        2,
        `The field 'meta.n' must be an array but is of type int in document {_id: ObjectId('${id.toHexString()}')}`,
      ],
      // The whole update is refused, not just the failing path.
      [
        { $set: { name: 'renamed' }, $addToSet: { tags: 'b' } },
        2,
        "Cannot apply $addToSet to non-array field. Field named 'tags' has non-array type string",
      ],
    ];
    for (const [update, code, message] of cases) {
      expect(await refusal(Thing.updateOne({ _id: id }, update)), JSON.stringify(update)).toEqual({
        code,
        message,
      });
    }
    expect(await lean(id)).toEqual(before);

    // On a missing field they still create the array or do nothing.
    await Thing.updateOne(
      { _id: id },
      { $push: { list: 1 }, $pull: { absent: 1 }, $pop: { gone: 1 } },
    );
    expect((await lean(id)) as unknown).toMatchObject({ list: [1] });
  });

  it('refuses to create a field under a scalar, a null or an array, or inside a scalar element', async () => {
    const id = await legacy({ name: 'paths', meta: { level: 1, list: [5, { x: 1 }], none: null } });
    const before = await lean(id);
    const cases: [mongoose.UpdateQuery<ThingDoc>, string][] = [
      [{ $set: { 'meta.level.b': 1 } }, "Cannot create field 'b' in element {level: 1}"],
      [{ $set: { 'meta.level.b.c': 1 } }, "Cannot create field 'b' in element {level: 1}"],
      [{ $set: { 'meta.none.b': 1 } }, "Cannot create field 'b' in element {none: null}"],
      [
        { $set: { 'meta.list.v': 1 } },
        "Cannot create field 'v' in element {list: [ 5, { x: 1 } ]}",
      ],
      [{ $set: { 'meta.list.0.b': 1 } }, "Cannot create field 'b' in element {0: 5}"],
      [{ $inc: { 'meta.level.b': 1 } }, "Cannot create field 'b' in element {level: 1}"],
      [
        { $push: { 'meta.list.v': 1 } },
        "Cannot create field 'v' in element {list: [ 5, { x: 1 } ]}",
      ],
      [
        { $pull: { 'meta.level.b': 1 } },
        'Cannot use the part (b) of (meta.level.b) to traverse the element ({level: 1})',
      ],
      [
        { $set: { name: 'renamed', 'meta.level.b': 1 } },
        "Cannot create field 'b' in element {level: 1}",
      ],
    ];
    for (const [update, message] of cases) {
      expect(await refusal(Thing.updateOne({ _id: id }, update)), JSON.stringify(update)).toEqual({
        code: 28,
        message,
      });
    }
    expect(await lean(id)).toEqual(before);

    // $unset never fails on a path it cannot reach; numeric parts pad arrays with nulls.
    expect(await Thing.updateOne({ _id: id }, { $unset: { 'meta.level.b': 1 } })).toMatchObject({
      matchedCount: 1,
      modifiedCount: 0,
    });
    await Thing.updateOne({ _id: id }, { $set: { 'meta.list.1.y': 2, 'meta.list.3': 'end' } });
    expect(((await lean(id))?.meta as { list?: unknown[] } | undefined)?.list).toEqual([
      5,
      { x: 1, y: 2 },
      null,
      'end',
    ]);
  });

  it('refuses the same way in findOneAndUpdate and in an upsert, which then inserts nothing', async () => {
    const id = await legacy({ name: 'fam', tags: 'only' });
    expect(
      await refusal(Thing.findOneAndUpdate({ _id: id }, { $push: { tags: 'b' } })),
    ).toMatchObject({ code: 2, message: expect.stringContaining("The field 'tags' must be") });
    expect((await lean(id))?.tags).toBe('only');

    const upsert = Thing.updateOne(
      { name: 'ghost', meta: 5 },
      { $set: { 'meta.x': 1 } },
      { upsert: true },
    );
    expect(await refusal(upsert)).toEqual({
      code: 28,
      message: "Cannot create field 'x' in element {meta: 5}",
    });
    expect(await Thing.countDocuments({ name: 'ghost' })).toBe(0);
  });

  it('stops a multi update at the document it cannot update; the ones before stay updated', async () => {
    const [first, bad, last] = [
      await legacy({ name: 'm1', group: 'multi', meta: {} }),
      await legacy({ name: 'm2', group: 'multi', meta: 5 }),
      await legacy({ name: 'm3', group: 'multi', meta: {} }),
    ] as [ObjectId, ObjectId, ObjectId];
    const err = await refusal(Thing.updateMany({ group: 'multi' }, { $set: { 'meta.seen': 1 } }));
    expect(err).toEqual({ code: 28, message: "Cannot create field 'seen' in element {meta: 5}" });
    expect((await lean(first))?.meta).toEqual({ seen: 1 });
    expect((await lean(bad))?.meta).toBe(5);
    expect((await lean(last))?.meta).toEqual({});

    // mongod's reply: the failed statement counts nothing, and an ordered batch stops there.
    const db = conn.db;
    if (!db) throw new Error('not connected');
    const reply = await db.command({
      update: Thing.collection.collectionName,
      updates: [
        { q: { group: 'multi' }, u: { $set: { 'meta.again': 1 } }, multi: true },
        { q: { _id: last }, u: { $set: { after: true } } },
      ],
    });
    expect(reply).toMatchObject({ n: 0, nModified: 0, writeErrors: [{ index: 0, code: 28 }] });
    expect((await lean(first))?.meta).toEqual({ seen: 1, again: 1 });
    expect(await lean(last)).not.toHaveProperty('after');
  });

  it('refuses $rename through an array and $bit on a non-integer', async () => {
    const id = await legacy({ name: 'misc', meta: { list: [{ a: 1 }], text: 'x' } });
    expect(
      await refusal(Thing.updateOne({ _id: id }, { $rename: { 'meta.list.0.a': 'moved' } })),
    ).toEqual({
      code: 2,
      message: `The source field cannot be an array element, 'meta.list.0.a' in doc with _id: ObjectId('${id.toHexString()}') has an array field called 'list'`,
    });
    expect(
      // mongoose's update types leave out $bit.
      await refusal(
        Thing.updateOne({ _id: id }, {
          $bit: { 'meta.text': { and: 1 } },
        } as mongoose.UpdateQuery<ThingDoc>),
      ),
    ).toEqual({
      code: 2,
      message: `Cannot apply $bit to a value of non-integral type._id: ObjectId('${id.toHexString()}') has the field text of non-integer type string`,
    });
    expect(await lean(id)).toMatchObject({ meta: { list: [{ a: 1 }], text: 'x' } });
  });
});

describe('mongo stand-in: numbers and field order after an update', () => {
  it('makes a long when $inc or $mul leaves int32, which mongoose still reads as a number', async () => {
    const { _id: id } = await Thing.create({ name: 'counter', count: 2_147_483_646 });
    await Thing.updateOne({ _id: id }, { $inc: { count: 1 } });
    expect((await raw(id))?.count).toBe(2_147_483_647);
    expect(await Thing.countDocuments({ _id: id, count: { $type: 'int' } })).toBe(1);

    await Thing.updateOne({ _id: id }, { $inc: { count: 1 } });
    const stored = (await raw(id))?.count;
    expect(Long.isLong(stored) && stored.toString()).toBe('2147483648');
    expect((await lean(id))?.count).toBe(2_147_483_648);
    expect((await Thing.findById(id))?.count).toBe(2_147_483_648);
    // Queried and aggregated by value, as mongod compares numbers across types.
    expect(await Thing.countDocuments({ _id: id, count: { $type: 'long' } })).toBe(1);
    expect(await Thing.countDocuments({ count: 2_147_483_648 })).toBe(1);
    expect(await Thing.countDocuments({ count: { $in: [2_147_483_648] } })).toBe(1);
    expect(await Thing.countDocuments({ _id: id, count: { $ne: 2_147_483_648 } })).toBe(0);
    const [sum] = await Thing.aggregate<{ total: number }>([
      { $match: { name: 'counter' } },
      { $group: { _id: null, total: { $sum: { $add: ['$count', 2] } } } },
    ]);
    expect(sum?.total).toBe(2_147_483_650);
    expect(await Thing.countDocuments({ $expr: { $eq: ['$count', 2_147_483_648] } })).toBe(1);

    // A long stays a long (long + int), and long arithmetic fails on int64 overflow.
    await Thing.updateOne({ _id: id }, { $inc: { count: -1 } });
    expect(await Thing.countDocuments({ _id: id, count: { $type: 'long' } })).toBe(1);
    await Thing.updateOne({ _id: id }, { $max: { count: 5 } });
    expect(String((await raw(id))?.count)).toBe('2147483647');
    await Thing.updateOne({ _id: id }, { $min: { count: 7 } });
    expect((await raw(id))?.count).toBe(7);

    await Thing.updateOne({ _id: id }, { $set: { count: 46_341 } });
    await Thing.updateOne({ _id: id }, { $mul: { count: 46_341 } });
    expect(String((await raw(id))?.count)).toBe('2147488281');
    await Thing.collection.updateOne(
      { _id: id },
      { $set: { count: Long.fromString('9223372036854775807') } },
    );
    expect(await refusal(Thing.updateOne({ _id: id }, { $inc: { count: 1 } }))).toEqual({
      code: 2,
      message: `Failed to apply $inc operations to current value ((NumberLong)9223372036854775807) for document {_id: ObjectId('${id.toHexString()}')}`,
    });
    expect(String((await raw(id))?.count)).toBe('9223372036854775807');

    // Small values and doubles are as before.
    await Thing.updateOne({ _id: id }, { $set: { count: 5 } });
    await Thing.updateOne({ _id: id }, { $inc: { count: 1 } });
    expect((await raw(id))?.count).toBe(6);
    await Thing.updateOne({ _id: id }, { $inc: { count: 0.5 } });
    expect((await raw(id))?.count).toBe(6.5);

    // The stand-in has no decimal arithmetic: it says so instead of leaving the value as it was.
    await Thing.collection.updateOne(
      { _id: id },
      { $set: { count: Decimal128.fromString('1.5') } },
    );
    expect(await refusal(Thing.updateOne({ _id: id }, { $inc: { count: 1 } }))).toEqual({
      code: 115,
      message: '$inc on a Decimal128 value is not supported by the MongoDB stand-in',
    });
  });

  it('keeps a long made by $inc across a restart', async () => {
    const own = await makeTempDir('mongo-standin-refusals-restart');
    try {
      let s = await startMongoStandin({ dataDir: own });
      let c = await connect(s, 'standin_refusals_restart');
      const { _id: id } = await thingModel(c).create({ name: 'persisted', count: 2_147_483_647 });
      await thingModel(c).updateOne({ _id: id }, { $inc: { count: 1 } });
      await c.close();
      await s.close();

      s = await startMongoStandin({ dataDir: own });
      c = await connect(s, 'standin_refusals_restart');
      const back = await thingModel(c).collection.findOne({ _id: id }, { promoteLongs: false });
      expect(Long.isLong(back?.count) && String(back?.count)).toBe('2147483648');
      expect(await thingModel(c).countDocuments({ count: 2_147_483_648 })).toBe(1);
      await c.close();
      await s.close();
    } finally {
      await removeDir(own);
    }
  });

  it('appends the fields an update creates in mongod order, whatever order the update lists', async () => {
    const id = await legacy({ name: 'order', meta: { keep: 1 } });
    await Thing.updateOne(
      { _id: id },
      {
        $set: { zeta: 1, alpha: 1, 'meta.z': 1, 'meta.b': 1, 'nest.y': 1, 'nest.x': 1 },
        $inc: { mid: 1 },
        $push: { beta: 1 },
        $setOnInsert: { never: 1 },
      },
    );
    const doc = (await Thing.collection.findOne({ _id: id })) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      '_id',
      'name',
      'meta',
      'alpha',
      'beta',
      'mid',
      'nest',
      'zeta',
    ]);
    expect(Object.keys(doc.meta as object)).toEqual(['keep', 'b', 'z']);
    expect(Object.keys(doc.nest as object)).toEqual(['x', 'y']);

    const up = await Thing.findOneAndUpdate(
      { name: 'order-upsert' },
      { $set: { zz: 1, aa: 1 }, $setOnInsert: { mm: 1 } },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    // mongoose adds `$setOnInsert: { tags: [] }` for the array's default.
    expect(Object.keys(up ?? {})).toEqual(['_id', 'name', 'aa', 'mm', 'tags', 'zz']);
  });

  it('logged no internal failure', () => {
    expect(log.filter((e) => e.level === 'error')).toEqual([]);
  });
});
