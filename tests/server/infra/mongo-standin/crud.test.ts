import { Binary, Decimal128, Long, ObjectId } from 'bson';
import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import {
  connect,
  type LogEntry,
  makeTempDir,
  memoryLogger,
  removeDir,
  startMongoStandin,
  unknownCommands,
} from './helpers.ts';

interface UserDoc {
  name: string;
  email?: string;
  age?: number;
  tags: string[];
  scores: number[];
  nickname?: string;
}

const userSchema = new Schema<UserDoc>({
  name: { type: String, required: true, unique: true },
  email: { type: String, unique: true, sparse: true },
  age: Number,
  tags: [String],
  scores: [Number],
  nickname: String,
});

let dir: string;
let standin: MongoStandin;
let conn: mongoose.Connection;
let log: LogEntry[];
const commandsSeen: string[] = [];

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-crud');
  const mem = memoryLogger();
  log = mem.entries;
  standin = await startMongoStandin({ dataDir: dir, logger: mem.logger });
  conn = await connect(standin, 'standin_crud');
  conn.getClient().on('commandStarted', (ev) => commandsSeen.push(ev.commandName));
});

afterAll(async () => {
  await conn?.close();
  await standin?.close();
  await removeDir(dir);
});

describe('mongo stand-in: CRUD through mongoose', () => {
  it('creates, reads, updates and deletes a document', async () => {
    const User = conn.model('CrudUser', userSchema);
    await User.init();
    const created = await User.create({ name: 'ada', age: 36 });
    const found = await User.findById(created._id).lean();
    expect(found?.name).toBe('ada');
    expect(found?._id).toBeInstanceOf(mongoose.Types.ObjectId);

    found && (await User.updateOne({ _id: found._id }, { $set: { nickname: 'countess' } }));
    expect((await User.findOne({ name: 'ada' }).lean())?.nickname).toBe('countess');

    const del = await User.deleteOne({ _id: created._id });
    expect(del.deletedCount).toBe(1);
    expect(await User.findById(created._id)).toBeNull();
  });

  it('rejects a duplicate on a unique index with code 11000 and stores nothing', async () => {
    const User = conn.model('DupUser', userSchema);
    await User.init();
    await User.create({ name: 'grace' });
    const err = await User.create({ name: 'grace', age: 99 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 11000 });
    expect((err as Error).message).toContain(
      'E11000 duplicate key error collection: standin_crud.dupusers index: name_1 dup key: { name: "grace" }',
    );
    expect((err as { keyValue?: object }).keyValue).toEqual({ name: 'grace' });
    expect(await User.countDocuments({ name: 'grace' })).toBe(1);
    expect(await User.countDocuments({ age: 99 })).toBe(0);

    // Sparse unique: many documents without an email are fine, a repeated email is not.
    await User.create({ name: 'no-email-1' });
    await User.create({ name: 'no-email-2' });
    await User.create({ name: 'e1', email: 'x@example.org' });
    await expect(User.create({ name: 'e2', email: 'x@example.org' })).rejects.toMatchObject({
      code: 11000,
    });

    // Updates and upserts are checked too, and leave the document unchanged.
    await expect(User.updateOne({ name: 'e1' }, { $set: { name: 'grace' } })).rejects.toMatchObject(
      {
        code: 11000,
      },
    );
    expect(await User.exists({ name: 'e1' })).not.toBeNull();
    await expect(
      User.findOneAndUpdate(
        { name: 'nobody' },
        { $set: { email: 'x@example.org' } },
        { upsert: true },
      ),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await User.exists({ name: 'nobody' })).toBeNull();
  });

  it('enforces compound unique indexes and refuses to build one over duplicates', async () => {
    const coll = conn.collection('memberships');
    await coll.createIndex({ room: 1, user: 1 }, { unique: true });
    await coll.insertMany([
      { room: 'r1', user: 'u1' },
      { room: 'r1', user: 'u2' },
      { room: 'r2', user: 'u1' },
    ]);
    const err = await coll.insertOne({ room: 'r1', user: 'u2' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 11000 });
    expect((err as Error).message).toContain(
      'index: room_1_user_1 dup key: { room: "r1", user: "u2" }',
    );
    // An upsert that would collide is rejected too.
    await expect(
      coll.updateOne({ room: 'r2', user: 'u1', x: 1 }, { $set: { y: 1 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await coll.countDocuments()).toBe(3);

    const loose = conn.collection('loose');
    await loose.insertMany([{ email: 'a@x' }, { email: 'a@x' }]);
    await expect(loose.createIndex({ email: 1 }, { unique: true })).rejects.toMatchObject({
      code: 11000,
    });
    expect((await loose.indexes()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('pulls array elements matching a top-level $or or $and, as mongod does', async () => {
    const raw = conn.db?.collection<{
      _id: number;
      results: Array<{ product: string; score: number }>;
      plain: number[];
    }>('pull_logical');
    if (!raw) throw new Error('no db');
    const results = [
      { product: 'abc', score: 10 },
      { product: 'xyz', score: 5 },
      { product: 'def', score: 8 },
    ];
    await raw.insertOne({ _id: 1, results, plain: [1, 2, 3] });
    await raw.updateOne(
      { _id: 1 },
      // The driver's types leave out logical conditions in $pull; mongod takes them.
      { $pull: { results: { $or: [{ score: 10 }, { product: 'def' }] } } } as never,
    );
    expect((await raw.findOne({ _id: 1 }))?.results).toEqual([results[1]]);
    await raw.updateOne({ _id: 1 }, {
      $pull: { results: { $and: [{ product: 'xyz' }, { score: { $lt: 6 } }] } },
    } as never);
    expect((await raw.findOne({ _id: 1 }))?.results).toEqual([]);
    // Scalars are not documents: a field query matches none of them.
    await raw.updateOne({ _id: 1 }, { $pull: { plain: { $or: [{ a: 1 }] } } } as never);
    expect((await raw.findOne({ _id: 1 }))?.plain).toEqual([1, 2, 3]);
  });

  it('applies $set/$inc/$push/$pull/$addToSet/$unset', async () => {
    const User = conn.model('OpsUser', userSchema);
    const u = await User.create({
      name: 'ops',
      age: 1,
      tags: ['a', 'b'],
      scores: [1, 2, 3],
      nickname: 'n',
    });
    await User.updateOne(
      { _id: u._id },
      { $set: { name: 'ops2' }, $inc: { age: 41 }, $push: { scores: 4 }, $unset: { nickname: '' } },
    );
    await User.updateOne({ _id: u._id }, { $pull: { tags: 'a' }, $addToSet: { scores: 4 } });
    await User.updateOne({ _id: u._id }, { $addToSet: { tags: { $each: ['b', 'c'] } } });
    const doc = await User.findById(u._id).lean();
    expect(doc).toMatchObject({ name: 'ops2', age: 42, tags: ['b', 'c'], scores: [1, 2, 3, 4] });
    expect(doc).not.toHaveProperty('nickname');

    const res = await User.updateMany({ age: 42 }, { $inc: { age: 1 } });
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const noop = await User.updateOne({ _id: u._id }, { $set: { age: 43 } });
    expect(noop).toMatchObject({ matchedCount: 1, modifiedCount: 0 });

    await User.updateOne(
      { _id: u._id },
      { $set: { 'scores.$[big]': 0 } },
      { arrayFilters: [{ big: { $gte: 3 } }] },
    );
    expect((await User.findById(u._id).lean())?.scores).toEqual([1, 2, 0, 0]);
  });

  it('sorts, skips and limits', async () => {
    const Item = conn.model('SortItem', new Schema({ n: Number, group: String }));
    await Item.insertMany([5, 3, 9, 1, 7, 2, 8].map((n) => ({ n, group: n % 2 ? 'odd' : 'even' })));
    const page = await Item.find().sort({ n: -1 }).skip(2).limit(3).lean();
    expect(page.map((d) => d.n)).toEqual([7, 5, 3]);
    const byGroup = await Item.find({}, { n: 1, _id: 0 }).sort({ group: 1, n: 1 }).lean();
    expect(byGroup).toEqual([2, 8, 1, 3, 5, 7, 9].map((n) => ({ n })));
  });

  it('returns every document of a cursor larger than the first batch via getMore', async () => {
    const Row = conn.model('CursorRow', new Schema({ i: Number }));
    await Row.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
    const before = commandsSeen.filter((c) => c === 'getMore').length;
    const seen: number[] = [];
    for await (const row of Row.find().sort({ i: 1 }).lean().cursor()) seen.push(row.i as number);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(commandsSeen.filter((c) => c === 'getMore').length).toBeGreaterThan(before);

    const small = await Row.find({ i: { $lt: 30 } })
      .batchSize(7)
      .lean();
    expect(small).toHaveLength(30);
  });

  it('counts documents', async () => {
    const Thing = conn.model('CountThing', new Schema({ kind: String }));
    await Thing.insertMany([{ kind: 'a' }, { kind: 'b' }, { kind: 'a' }, { kind: 'a' }]);
    expect(await Thing.countDocuments({ kind: 'a' })).toBe(3);
    expect(await Thing.countDocuments()).toBe(4);
    expect(await Thing.estimatedDocumentCount()).toBe(4);
    expect((await Thing.distinct('kind')).sort()).toEqual(['a', 'b']);
  });

  it('aggregates with $match/$group/$sort/$lookup', async () => {
    const Author = conn.model('AggAuthor', new Schema({ name: String }));
    const Post = conn.model(
      'AggPost',
      new Schema({ author: Schema.Types.ObjectId, likes: Number }),
    );
    const [a, b] = await Author.insertMany([{ name: 'ann' }, { name: 'bob' }]);
    await Post.insertMany([
      { author: a?._id, likes: 3 },
      { author: a?._id, likes: 4 },
      { author: b?._id, likes: 10 },
      { author: b?._id, likes: 0 },
    ]);
    const rows = await Post.aggregate<{ _id: ObjectId; total: number; who: { name: string }[] }>([
      { $match: { likes: { $gt: 0 } } },
      { $group: { _id: '$author', total: { $sum: '$likes' } } },
      { $sort: { total: -1 } },
      {
        $lookup: {
          from: Author.collection.name,
          localField: '_id',
          foreignField: '_id',
          as: 'who',
        },
      },
    ]);
    expect(rows.map((r) => [r.who[0]?.name, r.total])).toEqual([
      ['bob', 10],
      ['ann', 7],
    ]);
  });

  it('populates references (an _id $in lookup)', async () => {
    const Person = conn.model('PopPerson', new Schema({ name: String }));
    const Note = conn.model(
      'PopNote',
      new Schema({ text: String, by: { type: Schema.Types.ObjectId, ref: 'PopPerson' } }),
    );
    const [p1, p2] = await Person.insertMany([{ name: 'p1' }, { name: 'p2' }]);
    await Note.insertMany([
      { text: 'a', by: p2?._id },
      { text: 'b', by: p1?._id },
      { text: 'c', by: p2?._id },
    ]);
    const notes = await Note.find()
      .sort({ text: 1 })
      .populate<{ by: { name: string } }>('by')
      .lean();
    expect(notes.map((n) => `${n.text}:${n.by.name}`)).toEqual(['a:p2', 'b:p1', 'c:p2']);
    const ids = [p2?._id, new mongoose.Types.ObjectId(), p1?._id, p2?._id];
    expect(
      (await Person.find({ _id: { $in: ids }, name: { $ne: 'p1' } }).lean()).map((p) => p.name),
    ).toEqual(['p2']);
  });

  it('upserts with findOneAndUpdate', async () => {
    const Counter = conn.model(
      'UpsertCounter',
      new Schema({ key: String, n: Number, createdBy: String }),
    );
    const first = await Counter.findOneAndUpdate(
      { key: 'visits' },
      { $inc: { n: 1 }, $setOnInsert: { createdBy: 'test' } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(first).toMatchObject({ key: 'visits', n: 1, createdBy: 'test' });
    const second = await Counter.findOneAndUpdate(
      { key: 'visits' },
      { $inc: { n: 1 }, $setOnInsert: { createdBy: 'other' } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    expect(second).toMatchObject({ key: 'visits', n: 2, createdBy: 'test' });
    expect(second?._id.toString()).toBe(first?._id.toString());
    const before = await Counter.findOneAndUpdate({ key: 'visits' }, { $set: { n: 10 } }).lean();
    expect(before?.n).toBe(2);
    expect(await Counter.countDocuments()).toBe(1);
  });

  it('deletes many', async () => {
    const Msg = conn.model('DelMsg', new Schema({ room: String }));
    await Msg.insertMany([
      { room: 'a' },
      { room: 'b' },
      { room: 'a' },
      { room: 'c' },
      { room: 'a' },
    ]);
    const res = await Msg.deleteMany({ room: 'a' });
    expect(res.deletedCount).toBe(3);
    expect((await Msg.find().lean()).map((m) => m.room).sort()).toEqual(['b', 'c']);
  });

  it('round-trips BSON types', async () => {
    const coll = conn.collection('bsontypes');
    const doc = {
      oid: new ObjectId(),
      when: new Date('2024-02-29T12:34:56.789Z'),
      dec: Decimal128.fromString('12345.6789'),
      big: Long.fromString('9007199254740993'),
      bin: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      nested: { arr: [1, 'two', null, { three: true }] },
    };
    const { insertedId } = await coll.insertOne({ ...doc });
    const back = await coll.findOne({ _id: insertedId });
    expect(back?.oid.toHexString()).toBe(doc.oid.toHexString());
    expect(back?.when.getTime()).toBe(doc.when.getTime());
    expect(back?.dec.toString()).toBe('12345.6789');
    expect(Long.isLong(back?.big) && back.big.toString()).toBe('9007199254740993');
    expect(Buffer.from(back?.bin.buffer).equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
    expect(back?.nested).toEqual(doc.nested);
    expect(await coll.countDocuments({ when: { $gt: new Date('2024-01-01') } })).toBe(1);
  });

  it('answers an unknown command with code 59', async () => {
    const db = conn.db;
    if (!db) throw new Error('not connected');
    const err = await db.command({ fooBar: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 59, codeName: 'CommandNotFound' });
    expect((err as Error).message).toBe("no such command: 'fooBar'");
  });

  it('answers buildInfo under both spellings and names itself a stand-in', async () => {
    const admin = conn.db?.admin();
    if (!admin) throw new Error('not connected');
    expect(await admin.buildInfo()).toMatchObject({
      havenStandIn: true,
      version: expect.any(String),
    });
    expect(await admin.command({ buildInfo: 1 })).toMatchObject({ havenStandIn: true });
  });

  it('saw no other unknown command and no internal failure', () => {
    expect(unknownCommands(log)).toEqual(['fooBar']);
    expect(log.filter((e) => e.level === 'error')).toEqual([]);
  });
});
