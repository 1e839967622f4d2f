import type mongoose from 'mongoose';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, removeDir, startMongoStandin } from './helpers.ts';

interface PersonDoc {
  name: string;
  city?: string;
  n?: number;
}

const personSchema = new Schema<PersonDoc>({ name: String, city: String, n: Number });

const NAMES = ['José', 'JOSE', 'jose', 'Jose', 'alice', 'Bob', 'Álvaro', 'zoe', 'Carmen'];
const EN2 = { locale: 'en', strength: 2 };
const ES1 = { locale: 'es', strength: 1 };

let dir: string;
let standin: MongoStandin;
let conn: mongoose.Connection;
let Person: mongoose.Model<PersonDoc>;

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-collation');
  standin = await startMongoStandin({ dataDir: dir });
  conn = await connect(standin, 'standin_collation');
  Person = conn.model<PersonDoc>('CollatedPerson', personSchema);
});

afterAll(async () => {
  await conn?.close();
  await standin?.close();
  await removeDir(dir);
});

beforeEach(async () => {
  await Person.collection.drop().catch(() => undefined);
  await Person.insertMany(NAMES.map((name, n) => ({ name, n })));
});

const names = (docs: { name: string }[]) => docs.map((d) => d.name);

interface Stage {
  stage: string;
  indexName?: string;
  inputStage?: Stage;
}

async function winningStages(q: mongoose.Query<unknown, unknown>): Promise<Stage[]> {
  const out = (await q.explain('queryPlanner')) as unknown;
  const ex = (Array.isArray(out) ? out[0] : out) as { queryPlanner: { winningPlan: Stage } };
  const stages: Stage[] = [];
  for (let s: Stage | undefined = ex.queryPlanner.winningPlan; s; s = s.inputStage) stages.push(s);
  return stages;
}

function mongoCode(err: unknown): number | undefined {
  return (err as { code?: number }).code;
}

describe('mongo stand-in: collation on queries', () => {
  it('strength 1 ignores case and accents; without a collation equality stays binary', async () => {
    const found = await Person.find({ name: 'jose' }).collation(ES1).sort({ n: 1 }).lean();
    expect(names(found)).toEqual(['José', 'JOSE', 'jose', 'Jose']);
    const strength2 = await Person.find({ name: 'jose' }).collation(EN2).sort({ n: 1 }).lean();
    expect(names(strength2)).toEqual(['JOSE', 'jose', 'Jose']);
    expect(names(await Person.find({ name: 'jose' }).lean())).toEqual(['jose']);
    const strength3 = await Person.find({ name: 'jose' }).collation({ locale: 'en' }).lean();
    expect(names(strength3)).toEqual(['jose']);
  });

  it('applies to $in, $nin, $ne and string ranges, but not to $regex', async () => {
    const inList = await Person.find({ name: { $in: ['ALICE', 'bob'] } })
      .collation(EN2)
      .sort({ n: 1 })
      .lean();
    expect(names(inList)).toEqual(['alice', 'Bob']);
    const nin = await Person.find({ name: { $nin: ['jose', 'ALICE', 'bob', 'ZOE'] } })
      .collation(ES1)
      .sort({ n: 1 })
      .lean();
    expect(names(nin)).toEqual(['Álvaro', 'Carmen']);
    expect(await Person.countDocuments({ name: { $ne: 'JOSÉ' } }).collation(ES1)).toBe(5);
    // Binary order puts every capital before 'b'; the locale's order does not.
    const range = await Person.find({ name: { $gte: 'b', $lt: 'd' } })
      .collation(EN2)
      .sort({ n: 1 })
      .lean();
    expect(names(range)).toEqual(['Bob', 'Carmen']);
    expect(names(await Person.find({ name: { $gte: 'b', $lt: 'd' } }).lean())).toEqual([]);
    await Person.updateOne({ name: 'Carmen' }, { $set: { city: 'Madrid' } });
    const all = await Person.find({ name: { $all: ['CARMEN'] }, city: { $in: ['MADRID'] } })
      .collation(ES1)
      .lean();
    expect(names(all)).toEqual(['Carmen']);
    const regex = await Person.find({ name: /^jose$/ })
      .collation(ES1)
      .lean();
    expect(names(regex)).toEqual(['jose']);
  });

  it('sorts alphabetically, case-insensitively, with ties in natural order', async () => {
    const sorted = await Person.find({}).collation(EN2).sort({ name: 1 }).lean();
    expect(names(sorted)).toEqual([
      'alice',
      'Álvaro',
      'Bob',
      'Carmen',
      'JOSE',
      'jose',
      'Jose',
      'José',
      'zoe',
    ]);
    const binary = await Person.find({}).sort({ name: 1 }).limit(2).lean();
    expect(names(binary)).toEqual(['Bob', 'Carmen']);
  });

  it('counts, deduplicates distinct values and aggregates under the collation', async () => {
    expect(await Person.countDocuments({ name: 'JOSE' }).collation(ES1)).toBe(4);
    expect(await Person.countDocuments({ name: 'JOSE' })).toBe(1);
    const values = await Person.collection.distinct('name', {}, { collation: ES1 });
    expect(values).toHaveLength(6);
    expect(values.map((v) => String(v).toLowerCase())).toEqual([
      'alice',
      'álvaro',
      'bob',
      'carmen',
      'josé',
      'zoe',
    ]);
    const agg = await Person.aggregate([
      { $match: { n: { $gte: 0 } } },
      { $match: { name: { $in: ['JOSE', 'ZOE'] } } },
      { $sort: { name: -1, n: 1 } },
      { $project: { _id: 0, name: 1 } },
    ]).collation(EN2);
    expect(names(agg as { name: string }[])).toEqual(['zoe', 'JOSE', 'jose', 'Jose']);
    const groups = await Person.aggregate([
      { $group: { _id: '$name', count: { $sum: 1 } } },
      { $match: { _id: 'JOSE' } },
    ]).collation(ES1);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(4);
  });

  it('updates, deletes and findOneAndUpdate match under the collation', async () => {
    const upd = await Person.updateMany({ name: 'JOSE' }, { $set: { city: 'Sevilla' } }).collation(
      ES1,
    );
    expect(upd.modifiedCount).toBe(4);
    const fam = await Person.findOneAndUpdate({ name: 'ALICE' }, { $set: { city: 'Leeds' } })
      .collation(EN2)
      .lean();
    expect(fam?.name).toBe('alice');
    const del = await Person.deleteMany({ name: 'BOB' }).collation(EN2);
    expect(del.deletedCount).toBe(1);
    expect(await Person.countDocuments({ city: 'Sevilla' })).toBe(4);
    expect(await Person.countDocuments({ name: 'BOB' })).toBe(0);
  });

  it('refuses an invalid collation with mongod codes and changes nothing', async () => {
    const locale = await Person.find({ name: 'x' })
      .collation({ locale: 'xx-nowhere-at-all' })
      .lean()
      .catch((e: unknown) => e);
    expect(mongoCode(locale)).toBe(2);
    expect(String((locale as Error).message)).toContain("Field 'locale' is invalid");
    const strength = await Person.updateMany({}, { $set: { city: 'nowhere' } })
      .collation({ locale: 'en', strength: 7 })
      .catch((e: unknown) => e);
    expect(mongoCode(strength)).toBe(9);
    expect(await Person.countDocuments({ city: 'nowhere' })).toBe(0);
    // Options the stand-in cannot honour are refused rather than ignored.
    for (const unsupported of [
      { locale: 'fr', backwards: true },
      { locale: 'en', alternate: 'shifted', maxVariable: 'space' },
    ]) {
      const refused = await Person.updateMany({}, { $set: { city: 'nowhere' } })
        .collation(unsupported as never)
        .catch((e: unknown) => e);
      expect(mongoCode(refused)).toBe(2);
      expect(String((refused as Error).message)).toContain('not supported by the stand-in');
    }
    expect(await Person.countDocuments({ city: 'nowhere' })).toBe(0);
  });
});

describe('mongo stand-in: collation of collections and indexes', () => {
  it("uses a collection's default collation, which an explicit simple collation overrides", async () => {
    const db = conn.db;
    if (!db) throw new Error('no db');
    await db.dropCollection('collated_people').catch(() => undefined);
    await db.createCollection('collated_people', { collation: EN2 });
    const coll = db.collection('collated_people');
    await coll.insertMany([{ name: 'Ana' }, { name: 'ana' }, { name: 'Bea' }]);
    expect(await coll.countDocuments({ name: 'ANA' })).toBe(2);
    expect(await coll.countDocuments({ name: 'ANA' }, { collation: { locale: 'simple' } })).toBe(0);
    const info = await db.listCollections({ name: 'collated_people' }).toArray();
    expect(
      (info[0] as unknown as { options: { collation: { strength: number } } }).options.collation,
    ).toEqual(expect.objectContaining({ locale: 'en', strength: 2 }));
    await coll.createIndex({ name: 1 });
    const indexes = await coll.listIndexes().toArray();
    expect(indexes.find((i) => i.name === 'name_1')?.collation).toEqual(
      expect.objectContaining({ locale: 'en', strength: 2 }),
    );
  });

  it('never answers a collated string query from a simple index, and uses a collated one', async () => {
    await Person.collection.createIndex({ name: 1 }, { name: 'name_simple' });
    let stages = await winningStages(Person.find({ name: 'jose' }).collation(EN2));
    expect(stages.map((s) => s.stage)).toEqual(['COLLSCAN']);
    stages = await winningStages(Person.find({ name: 'jose' }));
    expect(stages.map((s) => s.indexName).filter(Boolean)).toEqual(['name_simple']);
    // Numbers compare the same under any collation, so the simple index still serves them.
    await Person.collection.createIndex({ n: 1 });
    stages = await winningStages(Person.find({ n: 3 }).collation(EN2));
    expect(stages.map((s) => s.indexName).filter(Boolean)).toEqual(['n_1']);

    await Person.collection.createIndex({ name: 1 }, { name: 'name_en2', collation: EN2 });
    stages = await winningStages(Person.find({ name: 'jose' }).collation(EN2));
    expect(stages.map((s) => s.indexName).filter(Boolean)).toEqual(['name_en2']);
    stages = await winningStages(Person.find({ name: 'jose' }).collation(ES1));
    expect(stages.map((s) => s.stage)).toEqual(['COLLSCAN']);
    const viaIndex = await Person.find({ name: { $gte: 'b', $lte: 'jose' } })
      .collation(EN2)
      .sort({ name: 1 })
      .lean();
    const viaScan = await Person.find({ name: { $gte: 'b', $lte: 'jose' } })
      .collation(EN2)
      .sort({ name: 1 })
      .hint({ $natural: 1 })
      .lean();
    expect(names(viaIndex)).toEqual(['Bob', 'Carmen', 'JOSE', 'jose', 'Jose']);
    expect(names(viaIndex)).toEqual(names(viaScan));
    const sortOnly = await winningStages(Person.find({}).collation(EN2).sort({ name: 1 }).limit(3));
    expect(sortOnly.map((s) => s.indexName).filter(Boolean)).toEqual(['name_en2']);
  });
});
