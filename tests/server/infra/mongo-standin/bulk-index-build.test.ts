import { Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { Index, normalizeIndexSpec } from '../../../../server/infra/mongo-standin/store/indexes.ts';
import type { Doc } from '../../../../server/infra/mongo-standin/types.ts';

/** mulberry32, seeded so a failure replays. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.INDEX_PROPERTY_SEED ?? 20261206);
const WORDS = ['ana', 'Ana', 'ÁNA', 'sanación', 'Sanacion', 'b', 'B', '', 'z', 'ñu', 'nu'];
const IDS = Array.from({ length: 6 }, () => new ObjectId());

function generator(r: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const scalar = (): unknown =>
    pick([
      () => null,
      () => pick(WORDS),
      () => pick(WORDS),
      () => int(-3, 3),
      () => int(-3, 3) + 0.5,
      () => pick([Number.NaN, -0, 0, Number.POSITIVE_INFINITY]),
      () => Long.fromNumber(int(-3, 3)),
      () => new Int32(int(-3, 3)),
      () => new Double(int(-3, 3)),
      () => Decimal128.fromString(String(int(-3, 3))),
      () => new Date(int(0, 3) * 86_400_000),
      () => pick(IDS),
      () => r() < 0.5,
      () => pick([new MinKey(), new MaxKey()]),
      () => ({ w: pick(WORDS) }),
    ])();
  const value = (): unknown => (r() < 0.1 ? [scalar(), scalar()] : scalar());
  const doc = (i: number): Doc => {
    const d: Doc = { _id: i };
    for (const f of ['a', 'b']) if (r() < 0.9) d[f] = value();
    return d;
  };
  return { doc };
}

function ordered(index: Index): string[] {
  const sorted = index.sorted;
  if (!sorted) throw new Error('not a sorted index');
  const from = sorted.seek(() => true);
  const to = sorted.seek(() => false);
  return Array.from(sorted.range(from, to, false), (e) => `${e.id}#${e.seq}`);
}

describe('mongo stand-in: bulk index builds', () => {
  it(`order entries as inserting them one at a time does, under every collation (seed ${SEED})`, () => {
    const g = generator(rng(SEED));
    const docs = Array.from({ length: 1500 }, (_, i) => g.doc(i));
    const rows = docs.map((d, i): [string, Doc, number] => [String(d._id), d, i]);
    const specs = [
      { key: { a: 1 } },
      { key: { a: -1, b: 1 } },
      { key: { b: 1, a: -1 }, collation: { locale: 'en', strength: 2 } },
      { key: { a: 1 }, collation: { locale: 'es', strength: 1 } },
      { key: { a: -1 }, collation: { locale: 'en' } },
    ];
    for (const spec of specs) {
      const label = JSON.stringify(spec);
      const one = new Index(normalizeIndexSpec(spec));
      for (const [id, d, seq] of rows) one.add(d, id, seq);
      const bulk = new Index(normalizeIndexSpec(spec));
      bulk.rebuild(rows);
      expect(ordered(bulk), label).toEqual(ordered(one));
      expect(ordered(bulk).length, label).toBeGreaterThanOrEqual(docs.length);
    }
  });
});
