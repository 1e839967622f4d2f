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
 * Updates through the positional operators `$`, `$[]` and `$[id]`. Several sub-paths under one
 * array are disjoint paths to mongod; they must not be refused as a conflict at the array.
 */

interface Item {
  sku: string;
  qty: number;
  price?: number;
  note?: string;
}

interface OrderDoc {
  ref: string;
  items: Item[];
  meta?: unknown;
}

const orderSchema = new Schema<OrderDoc>({
  ref: { type: String, required: true },
  items: [{ _id: false, sku: String, qty: Number, price: Number, note: String }],
  meta: Schema.Types.Mixed,
});

let dir: string;
let standin: MongoStandin;
let conn: mongoose.Connection;
let log: LogEntry[];
let Order: ReturnType<typeof orderModel>;

const orderModel = (c: mongoose.Connection) => c.model('PositionalOrder', orderSchema);

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-positional');
  const mem = memoryLogger();
  log = mem.entries;
  standin = await startMongoStandin({ dataDir: dir, logger: mem.logger });
  conn = await connect(standin, 'standin_positional');
  Order = orderModel(conn);
});

afterAll(async () => {
  await conn?.close();
  await standin?.close();
  await removeDir(dir);
});

async function newOrder(ref: string): Promise<mongoose.Types.ObjectId> {
  const doc = await Order.create({
    ref,
    items: [
      { sku: 'a', qty: 1, price: 10 },
      { sku: 'b', qty: 2, price: 20 },
      { sku: 'c', qty: 3, price: 30 },
    ],
  });
  return doc._id;
}

async function itemsOf(id: mongoose.Types.ObjectId): Promise<Item[]> {
  return (await Order.findById(id).lean())?.items ?? [];
}

describe('mongo stand-in: positional updates through mongoose', () => {
  it('sets two fields of the element matched by $', async () => {
    const id = await newOrder('dollar-two');
    const res = await Order.updateOne(
      { _id: id, 'items.sku': 'b' },
      { $set: { 'items.$.qty': 5, 'items.$.note': 'rush' } },
    );
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await itemsOf(id)).toEqual([
      { sku: 'a', qty: 1, price: 10 },
      { sku: 'b', qty: 5, price: 20, note: 'rush' },
      { sku: 'c', qty: 3, price: 30 },
    ]);
  });

  it('combines $set and $inc on the element matched by $ ($elemMatch query)', async () => {
    const id = await newOrder('dollar-set-inc');
    await Order.updateOne(
      { _id: id, items: { $elemMatch: { sku: 'c', qty: { $gte: 3 } } } },
      { $set: { 'items.$.note': 'checked' }, $inc: { 'items.$.qty': 4, 'items.$.price': -5 } },
    );
    expect((await itemsOf(id))[2]).toEqual({ sku: 'c', qty: 7, price: 25, note: 'checked' });
    expect((await itemsOf(id))[0]).toEqual({ sku: 'a', qty: 1, price: 10 });
  });

  it('sets two fields of every element with $[]', async () => {
    const id = await newOrder('all-two');
    const res = await Order.updateOne(
      { _id: id },
      { $set: { 'items.$[].note': 'bulk' }, $mul: { 'items.$[].price': 2 } },
    );
    expect(res.modifiedCount).toBe(1);
    expect(await itemsOf(id)).toEqual([
      { sku: 'a', qty: 1, price: 20, note: 'bulk' },
      { sku: 'b', qty: 2, price: 40, note: 'bulk' },
      { sku: 'c', qty: 3, price: 60, note: 'bulk' },
    ]);
    await Order.updateOne({ _id: id }, { $set: { 'items.$[].qty': 0, 'items.$[].price': 1 } });
    expect((await itemsOf(id)).map((i) => [i.qty, i.price])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it('sets two fields of the elements chosen by arrayFilters, across documents', async () => {
    const first = await newOrder('filtered-1');
    const second = await newOrder('filtered-2');
    const res = await Order.updateMany(
      { ref: { $in: ['filtered-1', 'filtered-2'] } },
      { $set: { 'items.$[big].note': 'big', 'items.$[big].price': 0 } },
      { arrayFilters: [{ 'big.qty': { $gte: 2 } }] },
    );
    expect(res).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    for (const id of [first, second]) {
      expect(await itemsOf(id)).toEqual([
        { sku: 'a', qty: 1, price: 10 },
        { sku: 'b', qty: 2, price: 0, note: 'big' },
        { sku: 'c', qty: 3, price: 0, note: 'big' },
      ]);
    }
    // Two identifiers on one array touch different elements, so they do not conflict either.
    await Order.updateOne(
      { _id: first },
      { $inc: { 'items.$[x].qty': 10, 'items.$[y].qty': 100 } },
      { arrayFilters: [{ 'x.sku': 'a' }, { 'y.sku': 'c' }] },
    );
    expect((await itemsOf(first)).map((i) => i.qty)).toEqual([11, 2, 103]);
  });

  it('updates through $ with findOneAndUpdate and returns either version', async () => {
    const id = await newOrder('find-and-modify');
    const after = await Order.findOneAndUpdate(
      { _id: id, 'items.sku': 'a' },
      { $set: { 'items.$.note': 'first' }, $inc: { 'items.$.qty': 1 } },
      { returnDocument: 'after' },
    ).lean();
    expect(after?.items[0]).toEqual({ sku: 'a', qty: 2, price: 10, note: 'first' });
    const before = await Order.findOneAndUpdate(
      { _id: id },
      { $set: { 'items.$[n].note': 'later', 'items.$[n].price': 1 } },
      { arrayFilters: [{ 'n.sku': { $ne: 'a' } }] },
    ).lean();
    expect(before?.items[1]).toEqual({ sku: 'b', qty: 2, price: 20 });
    expect((await itemsOf(id)).map((i) => i.note)).toEqual(['first', 'later', 'later']);
  });

  it('still refuses genuinely conflicting paths with code 40 and changes nothing', async () => {
    const id = await newOrder('conflicts');
    const parentAndChild = await Order.updateOne(
      { _id: id },
      { $set: { meta: 1, 'meta.b': 2 } },
    ).catch((e: unknown) => e);
    expect(parentAndChild).toMatchObject({ code: 40 });
    expect((parentAndChild as Error).message).toBe(
      "Updating the path 'meta.b' would create a conflict at 'meta'",
    );
    // The same sub-path twice through $, and an element plus one of its fields.
    for (const update of [
      { $set: { 'items.$.qty': 1 }, $inc: { 'items.$.qty': 1 } },
      { $set: { 'items.$': { sku: 'z', qty: 0 }, 'items.$.qty': 1 } },
    ]) {
      await expect(Order.updateOne({ _id: id, 'items.sku': 'a' }, update)).rejects.toMatchObject({
        code: 40,
      });
    }
    // $[] and $[id] reaching the same field of one element conflict once resolved.
    const merged = await Order.updateOne(
      { _id: id },
      { $set: { 'items.$[].qty': 1, 'items.$[b].qty': 2 } },
      { arrayFilters: [{ 'b.sku': 'b' }] },
    ).catch((e: unknown) => e);
    expect(merged).toMatchObject({ code: 40 });
    expect((merged as Error).message).toBe("Update created a conflict at 'items.1.qty'");
    expect(await itemsOf(id)).toEqual([
      { sku: 'a', qty: 1, price: 10 },
      { sku: 'b', qty: 2, price: 20 },
      { sku: 'c', qty: 3, price: 30 },
    ]);
  });

  it('reports misuse of positional operators with mongod codes', async () => {
    const coll = conn.collection('positional_raw');
    const { insertedId } = await coll.insertOne({ list: [{ v: 1 }], scalar: 3 });
    // `$` needs the query to have matched an element of that array.
    const noMatch = await coll
      .updateOne({ _id: insertedId }, { $set: { 'list.$.v': 2 } })
      .catch((e: unknown) => e);
    expect(noMatch).toMatchObject({ code: 2 });
    expect((noMatch as Error).message).toBe(
      'The positional operator did not find the match needed from the query.',
    );
    await expect(
      coll.updateOne({ _id: insertedId }, { $set: { 'missing.$[].v': 1 } }),
    ).rejects.toMatchObject({
      code: 2,
      message: "The path 'missing' must exist in the document in order to apply array updates.",
    });
    await expect(
      coll.updateOne({ _id: insertedId }, { $set: { 'scalar.$[].v': 1 } }),
    ).rejects.toMatchObject({ code: 2 });
    await expect(
      coll.updateOne({ _id: insertedId }, { $set: { 'list.$[x].v': 1 } }),
    ).rejects.toMatchObject({
      code: 2,
      message: "No array filter found for identifier 'x' in path 'list.$[x].v'",
    });
    await expect(
      coll.updateOne(
        { _id: insertedId },
        { $set: { 'list.$[x].v': 1 } },
        { arrayFilters: [{ 'x.v': 1 }, { 'unused.v': 1 }] },
      ),
    ).rejects.toMatchObject({ code: 9 });
    // Like mongod, the update is checked before matching: no document is needed to refuse it.
    await expect(
      coll.updateOne({ ref: 'nobody' }, { $set: { a: 1 }, $setOnInsert: { 'a.b': 1 } }),
    ).rejects.toMatchObject({ code: 40 });
    await expect(
      coll.findOneAndUpdate(
        { ref: 'nobody' },
        { $set: { 'list.$[x].v': 1 } },
        { arrayFilters: [{ 'y.v': 1 }] },
      ),
    ).rejects.toMatchObject({ code: 2 });
    // An empty array gives $[] nothing to do, which is not an error.
    await coll.updateOne({ _id: insertedId }, { $set: { list: [] } });
    const res = await coll.updateOne({ _id: insertedId }, { $set: { 'list.$[].v': 1 } });
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('logged no internal failure', () => {
    expect(log.filter((e) => e.level === 'error')).toEqual([]);
  });
});
