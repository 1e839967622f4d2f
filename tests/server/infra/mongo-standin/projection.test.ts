import { beforeAll, describe, expect, it } from 'vitest';
import { standinPerFile } from './helpers.ts';

/**
 * Inclusion projections (`{ a: 1, 'b.c': 1 }`) are applied without mingo
 * (engine/inclusion.ts); these are mongod's answers for them, read through the driver.
 */

const { conn } = standinPerFile('mongo-standin-projection', 'standin_projection');

beforeAll(async () => {
  await conn()
    .collection('things')
    .insertMany([
      { _id: 1 as never, a: 5, b: { c: 1, d: 2 }, e: [1, { c: 3, d: 4 }, [{ c: 5 }, 7]], f: null },
      { _id: 2 as never, b: 7, a: { x: 1 }, e: { c: [1, 2] } },
    ]);
});

const find = (projection: Record<string, unknown>) =>
  conn()
    .collection('things')
    .find({}, { projection, sort: { _id: 1 } })
    .toArray();

describe('inclusion projections', () => {
  it('keep the named fields in the document’s order, _id first unless excluded', async () => {
    const docs = await find({ f: 1, a: 1 });
    expect(docs).toEqual([
      { _id: 1, a: 5, f: null },
      { _id: 2, a: { x: 1 } },
    ]);
    expect(Object.keys(docs[0] ?? {})).toEqual(['_id', 'a', 'f']);
    expect(await find({ a: 1, _id: 0 })).toEqual([{ a: 5 }, { a: { x: 1 } }]);
  });

  it('follow dotted paths into embedded documents and arrays of them', async () => {
    expect(await find({ 'e.c': 1 })).toEqual([
      { _id: 1, e: [{ c: 3 }, [{ c: 5 }]] },
      { _id: 2, e: { c: [1, 2] } },
    ]);
    // Through a scalar nothing is kept; a document without the subfield stays, empty.
    expect(await find({ 'b.z': 1, _id: 0 })).toEqual([{ b: {} }, {}]);
  });

  it('leave exclusions and operators to the general path', async () => {
    expect(await find({ b: 0, e: 0, f: 0, _id: 0 })).toEqual([{ a: 5 }, { a: { x: 1 } }]);
    expect(await find({ e: { $slice: 1 }, a: 1, _id: 0 })).toEqual([
      { a: 5, e: [1] },
      { a: { x: 1 }, e: { c: [1, 2] } },
    ]);
  });

  it('refuse a path collision as mongod does', async () => {
    await expect(find({ a: 1, 'a.x': 1 })).rejects.toThrow();
  });
});
