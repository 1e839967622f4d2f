import { describe, expect, it } from 'vitest';
import { refusal, restartableStandinPerFile } from './helpers.ts';

/**
 * Collection-level commands mongoose's own suite sends (each found by it): collMod hiding an
 * index, setParameter's ttlMonitorSleepSecs with a time-series collection's expiry, `$out`,
 * and `hint` on an aggregate; and `$merge`, which it does not.
 */

const {
  db: database,
  restart,
  admin: adminDb,
} = restartableStandinPerFile('mongo-standin-collection-admin', 'standin_collection_admin');

interface Explained {
  queryPlanner: { winningPlan: { stage: string; inputStage?: { indexName?: string } } };
}

describe('collMod hides an index', () => {
  it('keeps it listed as hidden, unused by queries, still unique, after a restart too', async () => {
    const people = database().collection('hidden_people');
    await people.createIndex({ handle: 1 }, { unique: true });
    await people.insertMany([{ handle: 'ann' }, { handle: 'bob' }]);
    const reply = await database().command({
      collMod: 'hidden_people',
      index: { name: 'handle_1', hidden: true },
    });
    expect(reply).toMatchObject({ hidden_old: false, hidden_new: true });
    const plan = (await people.find({ handle: 'ann' }).explain()) as unknown as Explained;
    expect(plan.queryPlanner.winningPlan.stage).toBe('COLLSCAN');
    expect((await refusal(people.insertOne({ handle: 'ann' })))?.code).toBe(11000);

    await restart();
    const indexes = await database().collection('hidden_people').listIndexes().toArray();
    expect(indexes.map((i) => [i.name, i.hidden === true])).toEqual([
      ['_id_', false],
      ['handle_1', true],
    ]);
    await database().command({
      collMod: 'hidden_people',
      index: { keyPattern: { handle: 1 }, hidden: false },
    });
    const again = (await database()
      .collection('hidden_people')
      .find({ handle: 'ann' })
      .explain()) as unknown as Explained;
    expect(again.queryPlanner.winningPlan.inputStage?.indexName).toBe('handle_1');
  });

  it('refuses an option it does not know, changing nothing', async () => {
    const error = await refusal(database().command({ collMod: 'hidden_people', colour: 'blue' }));
    expect(error?.message).toMatch(/unknown option to collMod: colour/);
  });
});

describe('a time-series collection', () => {
  it('is listed as one, and takes only documents with a date in its time field', async () => {
    await database().createCollection('readings', {
      timeseries: { timeField: 'at', metaField: 'sensor', granularity: 'seconds' },
      expireAfterSeconds: 5,
    });
    const [info] = await database().listCollections({ name: 'readings' }).toArray();
    expect(info).toMatchObject({
      type: 'timeseries',
      options: { timeseries: { timeField: 'at', metaField: 'sensor', granularity: 'seconds' } },
    });
    const error = await refusal(
      database().collection('readings').insertOne({ sensor: 1, temp: 3 }),
    );
    expect(error?.message).toMatch(/'at' must be present/);
  });

  it('loses expired documents at the cadence setParameter gives the TTL monitor', async () => {
    const was = await adminDb().command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    expect(was.was).toBe(60);
    const readings = database().collection('readings');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await readings.insertMany([
      { sensor: 1, at: twoHoursAgo, temp: 12 },
      { sensor: 1, at: new Date(), temp: 11 },
    ]);
    // The monitor sweeps on its own clock: wait for its work, polling as a client would.
    const deadline = Date.now() + 10_000;
    while ((await readings.countDocuments()) > 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await readings.find({}, { projection: { _id: 0 } }).toArray()).toEqual([
      expect.objectContaining({ temp: 11 }),
    ]);
    expect(
      (await adminDb().command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).ttlMonitorSleepSecs,
    ).toBe(1);
  });

  it('setParameter runs on admin only, and knows its parameters', async () => {
    expect(
      (await refusal(database().command({ setParameter: 1, ttlMonitorSleepSecs: 1 })))?.message,
    ).toMatch(/admin database/);
    expect(
      (await refusal(adminDb().command({ setParameter: 1, noSuchThing: 1 })))?.message,
    ).toMatch(/unrecognized parameter \[noSuchThing\]/);
    await adminDb().command({ setParameter: 1, ttlMonitorSleepSecs: 60 });
  });
});

describe('aggregate', () => {
  it('$out replaces the target with the results, keeping its indexes', async () => {
    const src = database().collection('out_source');
    await src.insertMany([
      { name: 'a', n: 1 },
      { name: 'b', n: 2 },
      { name: 'c', n: 3 },
    ]);
    const target = database().collection('out_target');
    await target.createIndex({ name: 1 }, { unique: true });
    await target.insertOne({ name: 'old' });
    const answer = await src
      .aggregate([{ $match: { n: { $gte: 2 } } }, { $out: 'out_target' }])
      .toArray();
    expect(answer).toEqual([]);
    expect(
      (await target.find({}, { projection: { _id: 0, n: 0 } }).toArray()).map((d) => d.name),
    ).toEqual(['b', 'c']);
    expect((await target.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'name_1']);
  });

  it('$out that would break a unique index leaves the target as it was', async () => {
    const src = database().collection('out_source');
    const error = await refusal(
      src
        .aggregate([{ $project: { _id: 0, name: { $literal: 'same' } } }, { $out: 'out_target' }])
        .toArray(),
    );
    expect(error?.code).toBe(11000);
    expect(await database().collection('out_target').countDocuments()).toBe(2);
  });

  it('$out is only a last stage', async () => {
    const error = await refusal(
      database()
        .collection('out_source')
        .aggregate([{ $out: 'x' }, { $match: {} }])
        .toArray(),
    );
    expect(error?.message).toMatch(/final stage/);
  });

  it('$merge merges into the target: matched documents take the new fields, others are inserted', async () => {
    const target = database().collection('merge_target');
    await target.insertMany([
      { _id: 1 as never, a: 1, keep: true },
      { _id: 9 as never, a: 9 },
    ]);
    const source = database().collection('merge_source');
    await source.insertMany([
      { _id: 1 as never, a: 2 },
      { _id: 2 as never, a: 3 },
    ]);
    expect(await source.aggregate([{ $merge: 'merge_target' }]).toArray()).toEqual([]);
    expect(await target.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, a: 2, keep: true },
      { _id: 2, a: 3 },
      { _id: 9, a: 9 },
    ]);
    await source
      .aggregate([
        { $merge: { into: 'merge_target', whenMatched: 'replace', whenNotMatched: 'discard' } },
      ])
      .toArray();
    expect(await target.findOne({ _id: 1 as never })).toEqual({ _id: 1, a: 2 });
    const error = await refusal(
      source
        .aggregate([
          { $project: { a: 1, _id: { $add: ['$_id', 100] } } },
          { $merge: { into: 'merge_target', whenNotMatched: 'fail' } },
        ])
        .toArray(),
    );
    expect(error?.code).toBe(13113);
  });

  it('$merge on other fields needs a unique index on them, as in mongod', async () => {
    const target = database().collection('merge_by_name');
    await target.insertOne({ name: 'ann', visits: 1 });
    const source = database().collection('merge_names');
    await source.insertMany([
      { name: 'ann', visits: 5 },
      { name: 'bob', visits: 1 },
    ]);
    const pipeline = [
      { $project: { _id: 0, name: 1, visits: 1 } },
      { $merge: { into: 'merge_by_name', on: 'name', whenMatched: 'merge' } },
    ];
    expect((await refusal(source.aggregate(pipeline).toArray()))?.code).toBe(51183);
    await target.createIndex({ name: 1 }, { unique: true });
    await source.aggregate(pipeline).toArray();
    expect(
      await target
        .find({}, { projection: { _id: 0 } })
        .sort({ name: 1 })
        .toArray(),
    ).toEqual([
      { name: 'ann', visits: 5 },
      { name: 'bob', visits: 1 },
    ]);
  });

  it('reads in the order of the index a hint names', async () => {
    const items = database().collection('hinted');
    await items.createIndex({ qty: -1, name: -1 });
    await items.insertMany([
      { name: 'Andrew', qty: 4 },
      { name: 'Betty', qty: 5 },
      { name: 'Charlie', qty: 4 },
    ]);
    const found = await items
      .aggregate([{ $match: {} }], { hint: { qty: -1, name: -1 } })
      .toArray();
    expect(found.map((d) => d.name)).toEqual(['Betty', 'Charlie', 'Andrew']);
  });
});
