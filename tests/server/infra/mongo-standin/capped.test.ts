import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MongoStandin,
  startMongoStandin,
} from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, removeDir } from './helpers.ts';

/**
 * Capped collections keep only their newest documents, as in mongod: at most `max` of them
 * and `size` bytes (rounded up to 256, at least 4,096), the oldest going first in natural
 * order; a document bigger than the whole collection is refused. The evictions are journaled
 * like deletes, so a restart sees the same documents.
 */

let dir = '';
let standin: MongoStandin | undefined;
let close = async () => {};
let db: Db;

async function start(): Promise<void> {
  standin = await startMongoStandin({ dataDir: dir });
  const connection = await connect(standin, 'standin_capped');
  if (!connection.db) throw new Error('not connected');
  db = connection.db as unknown as Db;
  close = async () => {
    await connection.close();
    await standin?.close();
  };
}

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-capped');
  await start();
});
afterAll(async () => {
  await close();
  await removeDir(dir);
});

const ids = async (name: string) =>
  (
    await db
      .collection(name)
      .find({}, { projection: { _id: 1 } })
      .toArray()
  ).map((d) => d._id);

describe('a capped collection', () => {
  it('keeps its newest `max` documents', async () => {
    await db.createCollection('last_three', { capped: true, size: 100_000, max: 3 });
    for (let i = 1; i <= 5; i++) await db.collection('last_three').insertOne({ _id: i as never });
    expect(await ids('last_three')).toEqual([3, 4, 5]);
  });

  it('keeps within its size in bytes, the oldest going first', async () => {
    await db.createCollection('small', { capped: true, size: 4096 });
    const small = db.collection('small');
    await small.insertMany(
      Array.from({ length: 100 }, (_, i) => ({ _id: i as never, pad: 'x'.repeat(180) })),
    );
    const kept = await ids('small');
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(25);
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 100 - kept.length + i));
  });

  it('refuses a document bigger than the whole collection, storing nothing', async () => {
    const small = db.collection('small');
    const before = await small.countDocuments();
    const error = await small.insertOne({ pad: 'y'.repeat(5000) }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/exceeds/);
    expect(await small.countDocuments()).toBe(before);
  });

  it('stays capped after a restart', async () => {
    await close();
    await start();
    expect(await ids('last_three')).toEqual([3, 4, 5]);
    await db.collection('last_three').insertOne({ _id: 6 as never });
    expect(await ids('last_three')).toEqual([4, 5, 6]);
  });
});
