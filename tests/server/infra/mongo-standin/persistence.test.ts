import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type mongoose from 'mongoose';
import { Schema } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, memoryLogger, removeDir, startMongoStandin } from './helpers.ts';

const DB = 'standin_persist';
const memberSchema = new Schema({
  handle: { type: String, unique: true },
  visits: Number,
  tags: [String],
});

let dir: string;
let standin: MongoStandin | null = null;
let conn: mongoose.Connection | null = null;

async function start(
  extra: Pick<Parameters<typeof startMongoStandin>[0], 'compactAfterBytes' | 'logger'> = {},
): Promise<mongoose.Connection> {
  standin = await startMongoStandin({ dataDir: dir, ...extra });
  conn = await connect(standin, DB);
  return conn;
}

async function stop(): Promise<void> {
  await conn?.close();
  await standin?.close();
  conn = null;
  standin = null;
}

async function journalFiles(): Promise<string[]> {
  return (await readdir(dir)).filter((f) => /^journal-\d+\.bson$/.test(f));
}

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-persist');
});

// A failed assertion must not leave the data dir locked for the next test.
afterEach(stop);

afterAll(async () => {
  await removeDir(dir);
});

describe('mongo stand-in durability across restarts', () => {
  it('keeps inserts, updates, deletes, indexes and drops after close + start on the same dir', async () => {
    let c = await start();
    let Member = c.model('Member', memberSchema);
    await Member.init();
    await Member.insertMany([
      { handle: 'ann', visits: 1, tags: ['a'] },
      { handle: 'bob', visits: 1 },
      { handle: 'cy', visits: 1 },
    ]);
    await Member.updateOne({ handle: 'ann' }, { $inc: { visits: 5 }, $push: { tags: 'b' } });
    await Member.deleteOne({ handle: 'bob' });
    await Member.findOneAndUpdate({ handle: 'dee' }, { $set: { visits: 7 } }, { upsert: true });
    await c.collection('scratch').insertOne({ temp: true });
    await c.dropCollection('scratch');
    await stop();

    c = await start();
    Member = c.model('Member', memberSchema);
    const rows = await Member.find({}, { _id: 0, __v: 0 }).sort({ handle: 1 }).lean();
    expect(rows).toEqual([
      { handle: 'ann', visits: 6, tags: ['a', 'b'] },
      { handle: 'cy', visits: 1, tags: [] },
      { handle: 'dee', visits: 7, tags: [] },
    ]);
    const names = (await c.listCollections()).map((x) => x.name).sort();
    expect(names).toEqual(['members']);
    const indexes = await Member.collection.indexes();
    expect(indexes.find((i) => i.name === 'handle_1')).toMatchObject({ unique: true });
    await expect(Member.create({ handle: 'cy' })).rejects.toMatchObject({ code: 11000 });
    await stop();
  });

  it('survives a torn journal tail', async () => {
    let c = await start();
    await c.collection('torn').insertMany([{ n: 1 }, { n: 2 }]);
    await stop();
    // Simulate a crash mid-append: a frame header promising more bytes than were written.
    const [journal] = await journalFiles();
    if (!journal) throw new Error('no journal file');
    await appendFile(join(dir, journal), Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6]));
    const mem = memoryLogger();
    standin = await startMongoStandin({ dataDir: dir, logger: mem.logger });
    c = conn = await connect(standin, DB);
    expect(mem.entries.some((e) => e.msg === 'mongo stand-in: ignored torn journal tail')).toBe(
      true,
    );
    expect((await c.collection('torn').find({}).sort({ n: 1 }).toArray()).map((d) => d.n)).toEqual([
      1, 2,
    ]);
    await stop();
  });

  it('compacts the journal into a snapshot while running, without losing writes', async () => {
    const mem = memoryLogger();
    let c = await start({ compactAfterBytes: 16 * 1024, logger: mem.logger });
    const coll = c.collection('bulk');
    for (let batch = 0; batch < 20; batch++) {
      await coll.insertMany(
        Array.from({ length: 50 }, (_, i) => ({ batch, i, pad: 'p'.repeat(64) })),
      );
      await coll.updateMany({ batch }, { $set: { done: true } });
    }
    await stop();
    const compactions = mem.entries.filter((e) => e.msg === 'mongo stand-in: compacted');
    expect(compactions.length).toBeGreaterThan(0);
    expect(mem.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(await readdir(dir)).toContain('snapshot.bson');
    // Older journals are deleted once a snapshot covers them.
    expect(await journalFiles()).toHaveLength(1);

    c = await start();
    expect(await c.collection('bulk').countDocuments({ done: true })).toBe(1000);
    expect(await c.collection('members').countDocuments()).toBe(3);
    await stop();
  });

  it('refuses a second server on a data dir that is in use', async () => {
    await start();
    await expect(startMongoStandin({ dataDir: dir })).rejects.toThrow(/in use/);
    await stop();
  });
});
