import { beforeAll, describe, expect, it } from 'vitest';
import { standinPerFile } from './helpers.ts';

/**
 * Array operators where mingo's reading differs from mongod's, found by running mongoose's
 * own suite against the stand-in (`npm run check:mongoose-suite`): `$elemMatch` projections
 * whose condition is only operators, `$all` on a field that is no array, and `$slice` beside
 * exclusions; and a filter with an unknown operator, refused even where no collection is.
 * The answers expected are mongod's, read through the driver.
 */

const { conn } = standinPerFile('mongo-standin-arrays', 'standin_arrays');

beforeAll(async () => {
  await conn()
    .collection('posts')
    .insertMany([
      { _id: 1 as never, title: 'Aristocats', ids: [3, 8, 5], meta: { visitors: 4 }, hidden: 'x' },
      {
        _id: 2 as never,
        title: ['Aristocats', 'Robin Hood'],
        ids: [1, 2],
        meta: { visitors: [4, 9] },
      },
      {
        _id: 3 as never,
        title: 'Bambi',
        ids: [],
        people: [
          { n: 'a', age: 30 },
          { n: 'b', age: 40 },
        ],
      },
    ]);
});

const posts = () => conn().collection<{ _id: number } & Record<string, unknown>>('posts');
/** The ids of the posts a filter finds, in _id order. */
const found = async (filter: Record<string, unknown>) =>
  (await posts().find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);

describe('$elemMatch in a projection', () => {
  it('tests each element itself when the condition is only operators', async () => {
    const docs = await posts()
      .find({ _id: { $in: [1, 2] } }, { projection: { ids: { $elemMatch: { $in: [5, 2] } } } })
      .sort({ _id: 1 })
      .toArray();
    expect(docs).toEqual([
      { _id: 1, ids: [5] },
      { _id: 2, ids: [2] },
    ]);
    const ranged = await posts().findOne(
      { _id: 1 },
      { projection: { ids: { $elemMatch: { $gte: 4 } } } },
    );
    // The first element that matches, as mongod returns.
    expect(ranged).toEqual({ _id: 1, ids: [8] });
  });

  it('tests embedded documents’ fields, and leaves the field out when none matches', async () => {
    const doc = await posts().findOne(
      { _id: 3 },
      { projection: { people: { $elemMatch: { age: { $gt: 35 } } } } },
    );
    expect(doc).toEqual({ _id: 3, people: [{ n: 'b', age: 40 }] });
    const none = await posts().findOne(
      { _id: 1 },
      { projection: { ids: { $elemMatch: { $gt: 100 } } } },
    );
    expect(none).toEqual({ _id: 1 });
  });
});

describe('$all', () => {
  it('matches a field that is no array when it equals the one value listed', async () => {
    expect(await found({ title: { $all: ['Aristocats'] } })).toEqual([1, 2]);
    expect(await found({ 'meta.visitors': { $all: [4] } })).toEqual([1, 2]);
    expect(await found({ 'meta.visitors': { $all: [4, 9] } })).toEqual([2]);
  });

  it('still needs every value, takes regexes, and matches nothing when empty', async () => {
    expect(await found({ ids: { $all: [3, 5] } })).toEqual([1]);
    expect(await found({ ids: { $all: [3, 2] } })).toEqual([]);
    expect(await found({ title: { $all: [/^Rob/] } })).toEqual([2]);
    expect(await found({ ids: { $all: [] } })).toEqual([]);
  });
});

describe('$slice beside exclusions', () => {
  it('keeps every field not excluded and slices the array', async () => {
    const doc = await posts().findOne(
      { _id: 1 },
      { projection: { ids: { $slice: 1 }, hidden: 0 } },
    );
    expect(doc).toEqual({ _id: 1, title: 'Aristocats', ids: [3], meta: { visitors: 4 } });
    const noId = await posts().findOne({ _id: 1 }, { projection: { ids: { $slice: -2 }, _id: 0 } });
    expect(noId).toEqual({ title: 'Aristocats', ids: [8, 5], meta: { visitors: 4 }, hidden: 'x' });
  });
});

describe('a filter with an operator mongod does not know', () => {
  it('is refused, also on a collection that does not exist', async () => {
    for (const name of ['posts', 'no_such_collection']) {
      const refused = await conn()
        .collection(name)
        .find({ someProp: { $notAnOperator: 'value' } })
        .toArray()
        .then(
          () => null,
          (error: Error) => error,
        );
      expect(refused?.name, name).toBe('MongoServerError');
      expect(refused?.message).toMatch(/\$notAnOperator/);
    }
  });
});
