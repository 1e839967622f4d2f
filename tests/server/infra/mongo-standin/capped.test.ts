import { describe, expect, it } from 'vitest';
import { refusal, restartableStandinPerFile } from './helpers.ts';

/**
 * Capped collections keep only their newest documents, as in mongod: at most `max` of them
 * and `size` bytes (rounded up to 256, at least 4,096), the oldest going first in natural
 * order; a document bigger than the whole collection is refused. The evictions are journaled
 * like deletes, so a restart sees the same documents.
 */

const { db: database, restart } = restartableStandinPerFile(
  'mongo-standin-capped',
  'standin_capped',
);

const ids = async (name: string) =>
  (
    await database()
      .collection(name)
      .find({}, { projection: { _id: 1 } })
      .toArray()
  ).map((d) => d._id);

describe('a capped collection', () => {
  it('keeps its newest `max` documents', async () => {
    await database().createCollection('last_three', { capped: true, size: 100_000, max: 3 });
    for (let i = 1; i <= 5; i++)
      await database()
        .collection('last_three')
        .insertOne({ _id: i as never });
    expect(await ids('last_three')).toEqual([3, 4, 5]);
  });

  it('keeps within its size in bytes, the oldest going first', async () => {
    await database().createCollection('small', { capped: true, size: 4096 });
    const small = database().collection('small');
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
    const small = database().collection('small');
    const before = await small.countDocuments();
    const error = await refusal(small.insertOne({ pad: 'y'.repeat(5000) }));
    expect(error?.message).toMatch(/exceeds/);
    expect(await small.countDocuments()).toBe(before);
  });

  it('stays capped after a restart', async () => {
    await restart();
    expect(await ids('last_three')).toEqual([3, 4, 5]);
    await database()
      .collection('last_three')
      .insertOne({ _id: 6 as never });
    expect(await ids('last_three')).toEqual([4, 5, 6]);
  });
});
