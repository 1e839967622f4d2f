import { Decimal128, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { CursorRegistry } from '../../../../server/infra/mongo-standin/cursors.ts';
import {
  canonicalKey,
  compareBson,
} from '../../../../server/infra/mongo-standin/engine/bson-values.ts';
import {
  compileFilter,
  sortDocuments,
} from '../../../../server/infra/mongo-standin/engine/query.ts';
import {
  applyUpdate,
  buildUpsertDocument,
} from '../../../../server/infra/mongo-standin/engine/updates.ts';
import { Store } from '../../../../server/infra/mongo-standin/store/store.ts';
import { sweepExpired } from '../../../../server/infra/mongo-standin/ttl.ts';

describe('mongo stand-in BSON semantics', () => {
  it('orders values across types like mongod', () => {
    const values = [true, 'b', new Date(0), 2, null, { a: 1 }, [1], new ObjectId(), 'a', 1.5];
    const sorted = values.slice().sort(compareBson);
    expect(
      sorted.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)),
    ).toEqual([
      'null',
      'number',
      'number',
      'string',
      'string',
      'object',
      'array',
      'object', // ObjectId
      'boolean',
      'object', // Date
    ]);
    expect(compareBson(Long.fromString('9007199254740993'), 9007199254740992)).toBe(1);
    expect(compareBson(Decimal128.fromString('2.5'), 3)).toBe(-1);
  });

  it('treats numerically equal keys of different BSON types as the same key', () => {
    expect(canonicalKey(1)).toBe(canonicalKey(Long.fromNumber(1)));
    expect(canonicalKey(1)).toBe(canonicalKey(Decimal128.fromString('1')));
    expect(canonicalKey({ a: 1, b: 2 })).not.toBe(canonicalKey({ b: 2, a: 1 }));
    expect(canonicalKey(null)).toBe(canonicalKey(undefined));
  });

  it('compares Long and Decimal128 numerically in range filters and sorts', () => {
    const docs = [{ v: Long.fromNumber(10) }, { v: 2 }, { v: Decimal128.fromString('7.5') }];
    expect(docs.filter(compileFilter({ v: { $gt: 5 } })).length).toBe(2);
    expect(sortDocuments(docs, { v: 1 }).map((d) => Number(String(d.v)))).toEqual([2, 7.5, 10]);
    // Arrays sort by their smallest element ascending and largest descending.
    const arr = [{ a: [5, 1] }, { a: [3] }];
    expect(sortDocuments(arr, { a: 1 })).toEqual([{ a: [5, 1] }, { a: [3] }]);
    expect(sortDocuments(arr, { a: -1 })).toEqual([{ a: [5, 1] }, { a: [3] }]);
  });

  it('never mutates the stored document when updating, and seeds upserts from the filter', () => {
    const stored = Object.freeze({ _id: 1, n: 1, tags: Object.freeze(['a']) });
    const next = applyUpdate(stored, { $inc: { n: 1 }, $push: { tags: 'b' } });
    expect(next).toEqual({ _id: 1, n: 2, tags: ['a', 'b'] });
    expect(stored).toEqual({ _id: 1, n: 1, tags: ['a'] });
    const up = buildUpsertDocument(
      { key: 'k', 'meta.kind': 'x', n: { $gt: 1 } },
      { $set: { v: 1 }, $setOnInsert: { created: true } },
    );
    expect(up).toMatchObject({ key: 'k', meta: { kind: 'x' }, v: 1, created: true });
    expect(Object.keys(up)[0]).toBe('_id');
    expect(() => applyUpdate(stored, { $set: { _id: 2 } })).toThrow(/\(immutable\) field '_id'/);
  });
});

describe('mongo stand-in TTL indexes', () => {
  it('removes documents whose date field is older than expireAfterSeconds', () => {
    const store = new Store();
    const coll = store.createCollection('ttl', 'sessions');
    coll.createIndex({ v: 2, key: { at: 1 }, name: 'at_1', expireAfterSeconds: 60 });
    const now = Date.now();
    coll.insert({ _id: 'old', at: new Date(now - 61_000) });
    coll.insert({ _id: 'new', at: new Date(now - 1_000) });
    coll.insert({ _id: 'none' });
    store.drain();
    expect(sweepExpired(store, now)).toBe(1);
    expect(coll.all().map((d) => d._id)).toEqual(['new', 'none']);
    expect(store.drain()).toEqual([{ op: 'del', db: 'ttl', c: 'sessions', id: 'old' }]);
  });
});

describe('mongo stand-in unique indexes', () => {
  it('only enforces a partial unique index on documents matching its filter', () => {
    const store = new Store();
    const coll = store.createCollection('idx', 'people');
    coll.createIndex({
      v: 2,
      key: { email: 1 },
      name: 'email_1',
      unique: true,
      partialFilterExpression: { active: true },
    });
    coll.insert({ _id: 1, email: 'a@x', active: true });
    coll.insert({ _id: 2, email: 'a@x', active: false });
    expect(() => coll.insert({ _id: 3, email: 'a@x', active: true })).toThrow(
      /E11000 .* index: email_1/,
    );
    // Leaving the filter frees the key; entering it is checked.
    coll.replace(coll.getById(1) as never, { _id: 1, email: 'a@x', active: false });
    coll.insert({ _id: 3, email: 'a@x', active: true });
    expect(() =>
      coll.replace(coll.getById(2) as never, { _id: 2, email: 'a@x', active: true }),
    ).toThrow(/E11000/);
  });
});

describe('mongo stand-in cursors', () => {
  it('expires idle cursors after ten minutes', () => {
    const cursors = new CursorRegistry();
    const docs = Array.from({ length: 5 }, (_, i) => ({ i }));
    const first = cursors.open('db.c', docs, { batchSize: 2 });
    expect(first.docs).toHaveLength(2);
    expect(cursors.sweep(Date.now() + 9 * 60_000)).toBe(0);
    expect(cursors.getMore(first.cursorId, 'db.c', 2)?.docs).toHaveLength(2);
    expect(cursors.sweep(Date.now() + 11 * 60_000)).toBe(1);
    expect(cursors.getMore(first.cursorId, 'db.c')).toBeNull();
    cursors.close();
  });
});
