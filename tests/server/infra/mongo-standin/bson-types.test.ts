import { Binary, DBRef, Double, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { restartableStandinPerFile } from './helpers.ts';

/**
 * Values kept as their writer sent them, as mongod keeps them (each found by mongoose's own
 * suite): an integral double stays a double and an int64 an int64, also after a restart; an
 * own `__proto__` field is a field; `$elemMatch` reads a DBRef's `$id`; the `$bits` operators
 * read BinData.
 */

const { db: database, restart } = restartableStandinPerFile(
  'mongo-standin-bson-types',
  'standin_bson_types',
);

describe('numbers keep their BSON type', () => {
  it('an integral double is a double, an int64 an int64, an int32 an int32', async () => {
    const nums = database().collection('nums');
    await nums.insertOne({ _id: 1 as never, d: new Double(42), l: Long.fromNumber(37), i: 5 });
    expect(await nums.countDocuments({ d: { $type: 'double' } })).toBe(1);
    expect(await nums.countDocuments({ l: { $type: 'long' } })).toBe(1);
    expect(await nums.countDocuments({ i: { $type: 'int' } })).toBe(1);
    const raw = await nums.findOne({ _id: 1 as never }, { promoteValues: false });
    // The driver's own bson classes, so by name.
    expect(raw?.d).toMatchObject({ _bsontype: 'Double', value: 42 });
    const big = await nums.findOne({ _id: 1 as never }, { useBigInt64: true });
    expect(big?.l).toBe(37n);
  });

  it('compares by value across types, in filters and in indexes', async () => {
    const nums = database().collection('nums');
    expect(await nums.countDocuments({ d: 42, l: 37, i: Long.fromNumber(5) })).toBe(1);
    expect(await nums.countDocuments({ d: { $gt: 41.5, $lt: new Double(42.5) } })).toBe(1);
    await nums.createIndex({ d: 1 });
    expect(await nums.countDocuments({ d: new Long(42) })).toBe(1);
  });

  it('keeps a double a double through $inc and $mul, and -0 a double', async () => {
    const nums = database().collection('arith');
    await nums.insertOne({ _id: 1 as never, x: 5.5, n: -0 });
    await nums.updateOne({ _id: 1 as never }, { $inc: { x: 0.5 }, $mul: { y: 2.5 } });
    expect(await nums.countDocuments({ x: { $type: 'double' }, y: { $type: 'double' } })).toBe(1);
    expect(await nums.countDocuments({ n: { $type: 'double' } })).toBe(1);
    expect(await nums.findOne({ _id: 1 as never })).toEqual({ _id: 1, x: 6, n: -0, y: 0 });
  });

  it('keeps them after a restart', async () => {
    await restart();
    const nums = database().collection('nums');
    expect(await nums.countDocuments({ d: { $type: 'double' }, l: { $type: 'long' } })).toBe(1);
  });

  it('still reads back as plain numbers for a default client', async () => {
    expect(
      await database()
        .collection('nums')
        .findOne({ _id: 1 as never }),
    ).toEqual({
      _id: 1,
      d: 42,
      l: 37,
      i: 5,
    });
  });
});

describe('field names', () => {
  it('keeps an own __proto__ field set by an update', async () => {
    const things = database().collection('things');
    await things.insertOne({ _id: 1 as never, path: {} });
    const payload = JSON.parse('{"__proto__":"abcd"}') as object;
    const after = await things.findOneAndUpdate(
      { _id: 1 as never },
      { $set: { path: payload } },
      { returnDocument: 'after' },
    );
    const path = after?.path as object;
    expect(Object.hasOwn(path, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(path)).toBe(Object.prototype);
  });

  it('reads a DBRef $id inside $elemMatch', async () => {
    const chats = database().collection('chats');
    const id = new ObjectId();
    await chats.insertOne({ members: [new DBRef('people', id, 'other')] });
    expect(await chats.countDocuments({ members: { $elemMatch: { $id: id } } })).toBe(1);
    expect(await chats.countDocuments({ members: { $elemMatch: { $id: new ObjectId() } } })).toBe(
      0,
    );
    expect(
      await chats.countDocuments({ members: { $elemMatch: { $ref: 'people', $db: 'other' } } }),
    ).toBe(1);
  });
});

describe('$bits operators on BinData', () => {
  it('read bit n as bit n % 8 of byte n / 8', async () => {
    const bins = database().collection('bins');
    await bins.insertOne({ b: new Binary(Buffer.from([0xff, 0x00]), 4), n: -1 });
    const count = (filter: object) => bins.countDocuments(filter);
    expect(await count({ b: { $bitsAllSet: [0, 4, 7] } })).toBe(1);
    expect(await count({ b: { $bitsAllSet: 2 ** 15 } })).toBe(0);
    expect(await count({ b: { $bitsAnySet: 3 } })).toBe(1);
    expect(await count({ b: { $bitsAnySet: [8, 200] } })).toBe(0);
    expect(await count({ b: { $bitsAllClear: [8, 15] } })).toBe(1);
    expect(await count({ b: { $bitsAnyClear: new Binary(Buffer.from([0x01, 0x01])) } })).toBe(1);
    // A negative integer is sign-extended without end.
    expect(await count({ n: { $bitsAllSet: [0, 63, 100] } })).toBe(1);
  });
});
