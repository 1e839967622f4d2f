// `node --expose-gc --import tsx scripts/bench-mongo-standin-indexes.ts [--docs 1000000] [--lookups 2000] [--wire]`
// Measures the stand-in's indexes at scale, in process (no wire, no journal, so only the
// engine's own cost shows): loading N documents into a collection with four indexes, then
// indexed equality lookups, a range page, a sorted page and single writes, each as p50/p95 ms.
// A few forced full scans of the same lookup are timed for comparison. With --wire, the same
// documents go through mongoose into a journaled stand-in instead, lookups are timed from the
// client, and a restart times the replay (snapshot + journal, then index builds).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { findDocuments } from '../server/infra/mongo-standin/commands/matching.ts';
import { startMongoStandin } from '../server/infra/mongo-standin/index.ts';
import { normalizeIndexSpec } from '../server/infra/mongo-standin/store/indexes.ts';
import { Store } from '../server/infra/mongo-standin/store/store.ts';
import type { Doc } from '../server/infra/mongo-standin/types.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    lookups: { type: 'string', default: '2000' },
    wire: { type: 'boolean', default: false },
  },
});
const N = Number(values.docs);
const LOOKUPS = Number(values.lookups);
const AREAS = Array.from({ length: 500 }, (_, i) => `area-${i}`);
const T0 = Date.UTC(2026, 0, 1);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(label: string, ms: number[]): void {
  const runs = ms.length;
  ms.sort((a, b) => a - b);
  console.log(
    `RESULT ${label}: runs=${runs} p50=${percentile(ms, 50).toFixed(3)}ms p95=${percentile(ms, 95).toFixed(3)}ms max=${(ms[ms.length - 1] ?? 0).toFixed(3)}ms`,
  );
}

function timed(label: string, runs: number, fn: (i: number) => unknown): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    ms.push(performance.now() - t);
  }
  report(label, ms);
}

async function timedAsync(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  report(label, ms);
}

let x = 12345;
const rand = (n: number) => {
  x = (x * 1103515245 + 12345) % 2 ** 31;
  return x % n;
};

function meeting(i: number): Doc {
  return {
    _id: i,
    code: `m-${i}`,
    area: AREAS[i % AREAS.length],
    startsAt: new Date(T0 + i * 60_000),
    size: i % 97,
    tags: [`t${i % 7}`],
  };
}

async function overTheWire(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'haven-bench-indexes-'));
  let standin = await startMongoStandin({ dataDir: dir });
  const connectTo = () => mongoose.createConnection(standin.uri, { dbName: 'bench' }).asPromise();
  let conn = await connectTo();
  const meetings = () => conn.collection('meetings');
  await meetings().createIndexes([
    { key: { code: 1 }, unique: true },
    { key: { area: 1, startsAt: -1 } },
    { key: { startsAt: 1 } },
    { key: { tags: 1 } },
  ]);
  let t = performance.now();
  for (let i = 0; i < N; i += 5000) {
    await meetings().insertMany(
      Array.from({ length: Math.min(5000, N - i) }, (_, k) => meeting(i + k)),
      { ordered: false },
    );
  }
  console.log(
    `RESULT wire: load ${N} docs by insertMany of 5000 (journaled): ${((performance.now() - t) / 1000).toFixed(1)}s`,
  );
  const lookups = async (label: string) => {
    await timedAsync(`wire: findOne {code} ${label}`, LOOKUPS, async () => {
      if (!(await meetings().findOne({ code: `m-${rand(N)}` }))) throw new Error('lookup missed');
    });
    await timedAsync(`wire: find {area} sort {startsAt:-1} limit 20 ${label}`, LOOKUPS, () =>
      meetings()
        .find({ area: AREAS[rand(AREAS.length)] })
        .sort({ startsAt: -1 })
        .limit(20)
        .toArray(),
    );
  };
  await lookups('');
  await conn.close();
  await standin.close();
  t = performance.now();
  standin = await startMongoStandin({ dataDir: dir });
  console.log(
    `RESULT wire: restart (replay + index builds) of ${N} docs: ${((performance.now() - t) / 1000).toFixed(1)}s`,
  );
  conn = await connectTo();
  await lookups('after restart');
  await conn.close();
  await standin.close();
  await rm(dir, { recursive: true, force: true });
}

if (values.wire) {
  await overTheWire();
  process.exit(0);
}

const store = new Store();
const coll = store.createCollection('bench', 'meetings');
for (const key of [{ code: 1 }, { area: 1, startsAt: -1 }, { startsAt: 1 }, { tags: 1 }]) {
  coll.createIndex(normalizeIndexSpec({ key, ...(key.code ? { unique: true } : {}) }));
}

let t = performance.now();
for (let i = 0; i < N; i++) {
  coll.insert(meeting(i));
  // The journal's queue; nothing drains it outside the wire server.
  if (i % 10_000 === 0) store.drain();
}
store.drain();
console.log(
  `RESULT load ${N} docs with 4 secondary indexes (one insert at a time): ${((performance.now() - t) / 1000).toFixed(1)}s`,
);

t = performance.now();
coll.rebuildIndexes();
console.log(
  `RESULT rebuild all indexes from ${N} docs (replay path): ${((performance.now() - t) / 1000).toFixed(1)}s`,
);
(globalThis as { gc?: () => void }).gc?.();
console.log(`RESULT heap used: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

timed('find {code} (unique index) ', LOOKUPS, () => {
  const r = findDocuments(coll, { filter: { code: `m-${rand(N)}` } });
  if (r.docs.length !== 1 || r.plan.stage !== 'IXSCAN') throw new Error('lookup missed the index');
});
timed('find {_id} ', LOOKUPS, () => findDocuments(coll, { filter: { _id: rand(N) } }));
timed('find {area, startsAt range} limit 20 ', LOOKUPS, () => {
  const from = new Date(T0 + rand(N) * 60_000);
  return findDocuments(coll, {
    filter: { area: AREAS[rand(AREAS.length)], startsAt: { $gte: from } },
    limit: 20,
  });
});
timed('find {} sort {startsAt:-1} limit 20 ', LOOKUPS, () =>
  findDocuments(coll, { filter: {}, sort: { startsAt: -1 }, limit: 20 }),
);
timed('find {area} sort {startsAt:-1} limit 20 ', LOOKUPS, () =>
  findDocuments(coll, {
    filter: { area: AREAS[rand(AREAS.length)] },
    sort: { startsAt: -1 },
    limit: 20,
  }),
);
timed('find {tags, size} limit 20 (multikey) ', LOOKUPS, () =>
  findDocuments(coll, { filter: { tags: `t${rand(7)}`, size: rand(97) }, limit: 20 }),
);
let next = N;
timed('insert one ', LOOKUPS, () => coll.insert(meeting(next++)));
timed('update one (area moves) ', LOOKUPS, () => {
  const doc = coll.getById(rand(N)) as Doc;
  coll.replace(doc, { ...doc, area: AREAS[rand(AREAS.length)] });
});
timed('delete one ', LOOKUPS, () => {
  const doc = coll.getById(rand(N));
  if (doc) coll.remove(doc);
});
store.drain();
timed('find {code} forced full scan ', 5, () =>
  findDocuments(coll, { filter: { code: `m-${rand(N)}` }, hint: { $natural: 1 } }),
);
