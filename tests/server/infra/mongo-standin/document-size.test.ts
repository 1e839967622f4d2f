import { describe, expect, it } from 'vitest';
import { refusal, standinPerFile } from './helpers.ts';

/**
 * mongod's ceiling on one document, 16 MiB of BSON: an insert or an update that would pass
 * it is refused and changes nothing (found by mongoose's own suite, gh-3906); and a capped
 * collection must say its size (gh-14611).
 */

const { conn } = standinPerFile('mongo-standin-doc-size', 'standin_doc_size');

const things = () => conn().collection<{ _id: number } & Record<string, unknown>>('things');
const tooBig = 'x'.repeat(16 * 1024 * 1024);

describe('a document over 16 MiB', () => {
  it('is refused on insert, and nothing is stored', async () => {
    const error = await refusal(things().insertOne({ _id: 1, data: tooBig }));
    expect(error?.name).toMatch(/^Mongo(Server|BulkWrite)Error$/);
    expect(error?.message).toMatch(/too large/);
    expect(await things().countDocuments()).toBe(0);
  });

  it('is refused when an update would make one, and the document stays as it was', async () => {
    await things().insertOne({ _id: 2, data: 'small' });
    const error = await refusal(things().updateOne({ _id: 2 }, { $set: { data: tooBig } }));
    expect(error?.name).toMatch(/^Mongo(Server|BulkWrite)Error$/);
    expect(error?.message).toMatch(/larger than 16777216/);
    expect(await things().findOne({ _id: 2 })).toEqual({ _id: 2, data: 'small' });
  });

  it('is accepted just under the ceiling', async () => {
    await things().insertOne({ _id: 3, data: 'x'.repeat(16 * 1024 * 1024 - 100) });
    expect(await things().countDocuments({ _id: 3 })).toBe(1);
  });
});

describe('a capped collection', () => {
  it('needs a size, as in mongod', async () => {
    const db = conn().db;
    if (!db) throw new Error('not connected');
    const error = await refusal(db.createCollection('capped_no_size', { capped: true }));
    expect(error?.message).toMatch(/'size' field is required/);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    expect(names).not.toContain('capped_no_size');
  });
});
