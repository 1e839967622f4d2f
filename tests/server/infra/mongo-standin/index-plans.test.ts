import type mongoose from 'mongoose';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, removeDir, startMongoStandin } from './helpers.ts';

interface MeetingDoc {
  code: string;
  area: string;
  startsAt: Date;
  size: number;
  tags: string[];
  note?: string | null;
  nick?: string;
}

const meetingSchema = new Schema<MeetingDoc>({
  code: { type: String, unique: true },
  area: { type: String, index: true },
  startsAt: { type: Date, index: true },
  size: Number,
  tags: { type: [String], index: true },
  note: { type: String, index: true },
  nick: { type: String, unique: true, sparse: true },
});
meetingSchema.index({ area: 1, startsAt: -1 });

const AREAS = ['north', 'south', 'east', 'west', 'centre'];
const COUNT = 2000;
const DAY = 86_400_000;

let dir: string;
let standin: MongoStandin;
let conn: mongoose.Connection;
let Meeting: mongoose.Model<MeetingDoc>;

function meetingsModel(c: mongoose.Connection): mongoose.Model<MeetingDoc> {
  return c.model<MeetingDoc>('IndexedMeeting', meetingSchema);
}

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-index-plans');
  standin = await startMongoStandin({ dataDir: dir });
  conn = await connect(standin, 'standin_index_plans');
  Meeting = meetingsModel(conn);
  await Meeting.init();
  await Meeting.insertMany(
    Array.from({ length: COUNT }, (_, i) => ({
      code: `m-${i}`,
      area: AREAS[i % AREAS.length],
      startsAt: new Date(Date.UTC(2026, 0, 1) + i * DAY),
      size: i % 37,
      tags: i % 100 === 0 ? ['rare', `t${i % 3}`] : [`t${i % 3}`],
      ...(i % 50 === 0 ? { note: 'x' } : i % 50 === 1 ? { note: null } : {}),
      ...(i % 10 === 0 ? { nick: `n-${i}` } : {}),
    })),
  );
});

afterAll(async () => {
  await conn?.close();
  await standin?.close();
  await removeDir(dir);
});

interface Explained {
  queryPlanner: { winningPlan: Stage };
  executionStats: { nReturned: number; totalKeysExamined: number; totalDocsExamined: number };
  stages?: { $cursor: Explained }[];
}
interface Stage {
  stage: string;
  indexName?: string;
  isMultiKey?: boolean;
  inputStage?: Stage;
}

async function explain(q: mongoose.Query<unknown, unknown>): Promise<Explained> {
  const out = (await q.explain('executionStats')) as unknown;
  return (Array.isArray(out) ? out[0] : out) as Explained;
}

/** The stages from the root down, e.g. ['LIMIT', 'FETCH', 'IXSCAN']. */
function stages(plan: Stage): string[] {
  const out: string[] = [];
  for (let s: Stage | undefined = plan; s; s = s.inputStage) out.push(s.stage);
  return out;
}

function indexUsed(plan: Stage): string | undefined {
  for (let s: Stage | undefined = plan; s; s = s.inputStage) if (s.indexName) return s.indexName;
  return undefined;
}

/** The same query answered by a full scan, to compare results with. */
async function scanned(filter: Record<string, unknown>, sort?: Record<string, 1 | -1>) {
  const q = Meeting.find(filter).hint({ $natural: 1 }).lean();
  return (await (sort ? q.sort(sort) : q)).map((d) => d.code);
}

describe('mongo stand-in: queries use indexes', () => {
  it('answers an equality through the most selective index and reads only the matches', async () => {
    const filter = { code: 'm-1234' };
    const ex = await explain(Meeting.find(filter));
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('code_1');
    expect(ex.executionStats.totalDocsExamined).toBe(1);
    expect((await Meeting.find(filter).lean()).map((d) => d.code)).toEqual(['m-1234']);
  });

  it('answers a date range from the index, examining only the documents in range', async () => {
    const from = new Date(Date.UTC(2026, 0, 1) + 100 * DAY);
    const to = new Date(Date.UTC(2026, 0, 1) + 110 * DAY);
    const filter = { startsAt: { $gte: from, $lt: to } };
    const ex = await explain(Meeting.find(filter));
    expect(stages(ex.queryPlanner.winningPlan)).toEqual(['FETCH', 'IXSCAN']);
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('startsAt_1');
    expect(ex.executionStats.nReturned).toBe(10);
    expect(ex.executionStats.totalDocsExamined).toBe(10);
    expect((await Meeting.find(filter).lean()).map((d) => d.code).sort()).toEqual(
      (await scanned(filter)).sort(),
    );
  });

  it('answers $in with one index interval per value', async () => {
    const filter = { code: { $in: ['m-3', 'm-7', 'm-9999', 'm-1999'] } };
    const ex = await explain(Meeting.find(filter));
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('code_1');
    expect(ex.executionStats.nReturned).toBe(3);
    expect(ex.executionStats.totalDocsExamined).toBe(3);
  });

  it('uses a compound index for an equality prefix plus a range, reading only matches', async () => {
    const from = new Date(Date.UTC(2026, 0, 1) + 1000 * DAY);
    const filter = { area: 'east', startsAt: { $gte: from } };
    const ex = await explain(Meeting.find(filter));
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('area_1_startsAt_-1');
    expect(ex.executionStats.nReturned).toBe(200);
    expect(ex.executionStats.totalDocsExamined).toBe(200);
    expect((await Meeting.find(filter).lean()).map((d) => d.code).sort()).toEqual(
      (await scanned(filter)).sort(),
    );
  });

  it('reads a sorted, limited page in index order without sorting everything', async () => {
    const ex = await explain(Meeting.find({}).sort({ startsAt: -1 }).limit(5));
    expect(stages(ex.queryPlanner.winningPlan)).toEqual(['LIMIT', 'FETCH', 'IXSCAN']);
    expect(ex.executionStats.totalDocsExamined).toBe(5);
    const page = (await Meeting.find({}).sort({ startsAt: -1 }).limit(5).lean()).map((d) => d.code);
    expect(page).toEqual(['m-1999', 'm-1998', 'm-1997', 'm-1996', 'm-1995']);
    // Keyset paging sorts by a tie-breaker too: the index gives the first key, runs the rest.
    const keyset = await explain(Meeting.find({}).sort({ startsAt: -1, _id: -1 }).limit(5));
    expect(stages(keyset.queryPlanner.winningPlan)).not.toContain('SORT');
    expect(keyset.executionStats.totalDocsExamined).toBe(5);
  });

  it('starts a keyset page ($or of "past the value" and "at it, past the _id") at its place', async () => {
    const first = await Meeting.find({}).sort({ startsAt: -1, _id: -1 }).limit(5).lean();
    const last = first[first.length - 1] as (typeof first)[number];
    const after = {
      $or: [
        { startsAt: { $lt: last.startsAt } },
        { startsAt: last.startsAt, _id: { $lt: last._id } },
      ],
    };
    const q = () => Meeting.find(after).sort({ startsAt: -1, _id: -1 }).limit(5);
    const ex = await explain(q());
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('startsAt_1');
    expect(ex.executionStats.totalDocsExamined).toBeLessThanOrEqual(6);
    expect((await q().lean()).map((d) => d.code)).toEqual([
      'm-1994',
      'm-1993',
      'm-1992',
      'm-1991',
      'm-1990',
    ]);
  });

  it('reads an equality prefix of a compound index in the order of its next field', async () => {
    const q = () => Meeting.find({ area: 'west' }).sort({ startsAt: 1 }).limit(3);
    const ex = await explain(q());
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('area_1_startsAt_-1');
    expect(stages(ex.queryPlanner.winningPlan)).not.toContain('SORT');
    expect(ex.executionStats.totalDocsExamined).toBe(3);
    expect((await q().lean()).map((d) => d.code)).toEqual(['m-3', 'm-8', 'm-13']);
  });

  it('finds array elements through a multikey index', async () => {
    const ex = await explain(Meeting.find({ tags: 'rare' }));
    const plan = ex.queryPlanner.winningPlan;
    expect(indexUsed(plan)).toBe('tags_1');
    expect(plan.inputStage?.isMultiKey).toBe(true);
    expect(ex.executionStats.nReturned).toBe(COUNT / 100);
    expect(ex.executionStats.totalDocsExamined).toBe(COUNT / 100);
  });

  it('matches missing and null fields alike through the index for { note: null }', async () => {
    const rows = await Meeting.find({ note: null, size: 1 }).lean();
    expect(rows.map((d) => d.code).sort()).toEqual((await scanned({ note: null, size: 1 })).sort());
    const ex = await explain(Meeting.find({ note: 'x' }));
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('note_1');
    expect(ex.executionStats.totalDocsExamined).toBe(COUNT / 50);
  });

  it('uses a sparse index for a value, never for null (the documents it leaves out)', async () => {
    const ex = await explain(Meeting.find({ nick: 'n-40' }));
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('nick_1');
    expect(ex.executionStats.totalDocsExamined).toBe(1);
    const missing = await explain(Meeting.find({ nick: null }));
    expect(indexUsed(missing.queryPlanner.winningPlan)).not.toBe('nick_1');
    expect(missing.executionStats.nReturned).toBe(COUNT - COUNT / 10);
  });

  it('explains a leading $match of an aggregate', async () => {
    const ex = (await Meeting.aggregate([
      { $match: { code: 'm-42' } },
      { $project: { area: 1 } },
    ]).explain('executionStats')) as unknown as Explained;
    const cursor = ex.stages?.[0]?.$cursor;
    expect(indexUsed(cursor?.queryPlanner.winningPlan as Stage)).toBe('code_1');
    expect(cursor?.executionStats.totalDocsExamined).toBe(1);
  });

  it('keeps indexes right through updates, deletes and an index drop', async () => {
    await Meeting.updateMany({ area: 'centre', size: { $lt: 5 } }, { $set: { area: 'moved' } });
    const moved = await Meeting.find({ area: 'moved' }).lean();
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((d) => d.size < 5)).toBe(true);
    expect(await Meeting.countDocuments({ area: 'centre', size: { $lt: 5 } })).toBe(0);
    const ex = await explain(Meeting.find({ area: 'moved' }));
    expect(ex.executionStats.totalDocsExamined).toBe(moved.length);

    await Meeting.deleteMany({ area: 'moved' });
    expect(await Meeting.find({ area: 'moved' }).lean()).toEqual([]);

    await Meeting.collection.dropIndex('code_1');
    const after = await explain(Meeting.find({ code: 'm-1234' }));
    expect(stages(after.queryPlanner.winningPlan)).toEqual(['COLLSCAN']);
    expect((await Meeting.find({ code: 'm-1234' }).lean()).map((d) => d.code)).toEqual(['m-1234']);
  });

  it('refuses an unknown hint and an explain it cannot give, with codes', async () => {
    await expect(Meeting.find({}).hint('nope_1').lean()).rejects.toMatchObject({ code: 2 });
    await expect(
      conn.db?.command({ explain: { count: 'indexedmeetings', query: {} } }),
    ).rejects.toMatchObject({ code: 115 });
  });

  it('rebuilds indexes from the journal after a restart', async () => {
    await conn.close();
    await standin.close();
    standin = await startMongoStandin({ dataDir: dir });
    conn = await connect(standin, 'standin_index_plans');
    Meeting = meetingsModel(conn);
    const ex = await explain(Meeting.find({ startsAt: new Date(Date.UTC(2026, 0, 1) + 7 * DAY) }));
    expect(indexUsed(ex.queryPlanner.winningPlan)).toBe('startsAt_1');
    expect(ex.executionStats.nReturned).toBe(1);
    expect(ex.executionStats.totalDocsExamined).toBe(1);
  });
});
