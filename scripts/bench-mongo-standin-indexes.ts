// `node --expose-gc --import tsx scripts/bench-mongo-standin-indexes.ts [--docs 1000000] [--lookups 2000]`
// Measures the stand-in's indexes at scale, in process (no wire, no journal, so only the
// engine's own cost shows): loading N documents into a collection with four indexes, then
// indexed equality lookups, a range page, a sorted page and single writes, each as p50/p95 ms.
// A few forced full scans of the same lookup are timed for comparison.
import { parseArgs } from 'node:util';
import { findDocuments } from '../server/infra/mongo-standin/commands/matching.ts';
import { normalizeIndexSpec } from '../server/infra/mongo-standin/store/indexes.ts';
import { Store } from '../server/infra/mongo-standin/store/store.ts';
import type { Doc } from '../server/infra/mongo-standin/types.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    lookups: { type: 'string', default: '2000' },
  },
});
const N = Number(values.docs);
const LOOKUPS = Number(values.lookups);
const AREAS = Array.from({ length: 500 }, (_, i) => `area-${i}`);
const T0 = Date.UTC(2026, 0, 1);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function timed(label: string, runs: number, fn: (i: number) => unknown): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `RESULT ${label}: runs=${runs} p50=${percentile(ms, 50).toFixed(3)}ms p95=${percentile(ms, 95).toFixed(3)}ms max=${(ms[ms.length - 1] ?? 0).toFixed(3)}ms`,
  );
}

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

let x = 12345;
const rand = (n: number) => {
  x = (x * 1103515245 + 12345) % 2 ** 31;
  return x % n;
};

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
