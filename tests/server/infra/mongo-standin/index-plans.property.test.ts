import { Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../../../server/infra/mongo-standin/commands/matching.ts';
import { canonicalKey } from '../../../../server/infra/mongo-standin/engine/bson-values.ts';
import { parseCollation } from '../../../../server/infra/mongo-standin/engine/collation.ts';
import type { Collection } from '../../../../server/infra/mongo-standin/store/collection.ts';
import { normalizeIndexSpec } from '../../../../server/infra/mongo-standin/store/indexes.ts';
import { Store } from '../../../../server/infra/mongo-standin/store/store.ts';
import type { Doc } from '../../../../server/infra/mongo-standin/types.ts';

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
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
const DOCS = 400;
const QUERIES = 1500;

const DATES = [new Date(0), new Date(86_400_000), new Date(2 * 86_400_000)];
const STRINGS = ['', 'a', 'ab', 'b', 'Z'];

function generator(r: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const scalar = (): unknown => {
    switch (int(0, 9)) {
      case 0:
        return null;
      case 1:
        return pick(STRINGS);
      case 2:
        return pick(DATES);
      case 3:
        return r() < 0.5;
      case 4:
        return int(-3, 3) + 0.5;
      case 5:
        return r() < 0.2 ? Long.fromString('9007199254740993') : int(-3, 3);
      default:
        return int(-3, 3);
    }
  };
  const value = (): unknown => {
    const k = r();
    if (k < 0.12) return Array.from({ length: int(0, 3) }, scalar);
    if (k < 0.15) return [scalar(), [scalar()]];
    return scalar();
  };
  const doc = (i: number): Doc => {
    const d: Doc = { _id: r() < 0.3 ? i : new ObjectId() };
    for (const f of ['a', 'b', 'c']) if (r() < 0.85) d[f] = value();
    // Never arrays, so indexes on them stay single-key and can give a sort order.
    for (const f of ['e', 'f']) if (r() < 0.9) d[f] = r() < 0.7 ? int(0, 6) : scalar();
    const sub = r();
    if (sub < 0.4) d.d = { x: value() };
    else if (sub < 0.55) d.d = [{ x: scalar() }, { y: 1 }];
    else if (sub < 0.6) d.d = 5;
    return d;
  };
  const condition = (): unknown => {
    switch (int(0, 8)) {
      case 0:
      case 1:
        return scalar();
      case 2:
        return { $eq: scalar() };
      case 3:
        return { [pick(['$gt', '$gte', '$lt', '$lte'])]: scalar() };
      case 4: {
        const v = scalar();
        return { [pick(['$gt', '$gte'])]: v, [pick(['$lt', '$lte'])]: scalar() };
      }
      case 5:
        return { $in: Array.from({ length: int(0, 4) }, scalar) };
      case 6:
        return { $ne: scalar(), $gte: scalar() };
      case 7:
        return { $exists: r() < 0.5 };
      default:
        return { $in: [scalar(), scalar()], $lt: scalar() };
    }
  };
  const plainFilter = (): Doc => {
    const f: Doc = {};
    const n = int(0, 3);
    for (let i = 0; i < n; i++) f[pick(['a', 'b', 'c', 'd.x', '_id', 'e', 'e', 'f'])] = condition();
    if (r() < 0.15) return { $and: [f, { [pick(['a', 'b'])]: condition() }] };
    return f;
  };
  const filter = (): Doc => {
    const k = r();
    if (k < 0.1) {
      // Keyset paging's shape: past a value, or at it and past an _id.
      const field = pick(['e', 'f', 'a']);
      const v = scalar();
      const op = pick(['$gt', '$lt']);
      return { $or: [{ [field]: { [op]: v } }, { [field]: v, _id: { [op]: int(0, DOCS) } }] };
    }
    if (k < 0.2)
      return { $or: [plainFilter(), plainFilter()], ...(r() < 0.5 ? plainFilter() : {}) };
    return plainFilter();
  };
  const SORTS: (Doc | undefined)[] = [
    undefined,
    { a: 1 },
    { a: -1 },
    { a: 1, b: -1 },
    { b: 1, _id: 1 },
    { c: -1, a: -1 },
    { _id: -1 },
    { 'd.x': 1 },
    { e: 1 },
    { e: -1, f: 1 },
    { e: 1, f: -1 },
    { e: 1, f: 1 },
    { f: 1, _id: -1 },
    { f: -1, e: 1 },
    { e: 1, a: 1 },
  ];
  return { pick, int, r, doc, filter, sort: () => pick(SORTS) };
}

const ids = (docs: Doc[]) => docs.map((d) => canonicalKey(d._id));

function setup(g: ReturnType<typeof generator>): { store: Store; coll: Collection } {
  const store = new Store();
  const coll = store.createCollection('prop', 'docs');
  for (const key of [
    { a: 1 },
    { b: -1 },
    { a: 1, b: 1 },
    { c: 1, a: -1 },
    { 'd.x': 1 },
    { e: 1, f: -1 },
    { f: 1 },
  ]) {
    coll.createIndex(normalizeIndexSpec({ key }));
  }
  coll.createIndex(normalizeIndexSpec({ key: { c: 1 }, name: 'c_sparse', sparse: true }));
  for (let i = 0; i < DOCS; i++) coll.insert(g.doc(i));
  return { store, coll };
}

function mutate(g: ReturnType<typeof generator>, coll: Collection, i: number): void {
  const docs = coll.all();
  const target = docs[g.int(0, docs.length - 1)];
  if (!target) return;
  if (g.r() < 0.5) coll.remove(target);
  else coll.replace(target, { ...g.doc(i), _id: target._id });
  if (g.r() < 0.5) coll.insert(g.doc(DOCS + i));
}

describe('mongo stand-in index plans answer as a full scan does', () => {
  it(`random documents, filters, sorts and limits (seed ${SEED})`, () => {
    const g = generator(rng(SEED));
    let { store, coll } = setup(g);
    const stages = { IXSCAN: 0, COLLSCAN: 0, ordered: 0 };
    for (let q = 0; q < QUERIES; q++) {
      if (q % 10 === 9) mutate(g, coll, q);
      if (q === QUERIES / 2) {
        // The rename path rebuilds every index from the stored documents.
        store.renameCollection('prop', 'docs', 'prop', 'moved', false);
        coll = store.getCollection('prop', 'moved') as Collection;
      }
      const filter = g.filter();
      const sort = g.sort();
      const limit = g.r() < 0.5 ? g.int(1, 8) : undefined;
      const skip = g.r() < 0.2 ? g.int(1, 3) : undefined;
      const req = { filter, sort, limit, skip };
      const label = `seed ${SEED} query ${q}: ${JSON.stringify(req)}`;
      const planned = findDocuments(coll, req);
      const scanned = findDocuments(coll, { ...req, hint: { $natural: 1 } });
      expect(scanned.plan.stage, label).toBe('COLLSCAN');
      stages[planned.plan.stage]++;
      if (planned.plan.sortFields > 0) stages.ordered++;
      if (sort) {
        expect(ids(planned.docs), label).toEqual(ids(scanned.docs));
      } else if (limit === undefined && skip === undefined) {
        expect(ids(planned.docs).sort(), label).toEqual(ids(scanned.docs).sort());
      } else {
        const all = new Set(ids(findDocuments(coll, { filter, hint: { $natural: 1 } }).docs));
        expect(planned.docs.length, label).toBe(scanned.docs.length);
        for (const id of ids(planned.docs)) expect(all.has(id), label).toBe(true);
      }
    }
    // The comparison means something only if indexes were actually chosen, for order too.
    expect(stages.IXSCAN).toBeGreaterThan(QUERIES / 2);
    expect(stages.ordered).toBeGreaterThan(QUERIES / 10);
  });
});

/** Strings that differ by case, accents or both, and sort differently under each collation. */
const WORDS = ['', 'a', 'A', 'á', 'Á', 'ab', 'Ab', 'b', 'B', 'e', 'é', 'E', 'z', 'Z', 'ñ', 'n'];
const COLLATIONS = [
  undefined,
  { locale: 'en', strength: 2 },
  { locale: 'es', strength: 1 },
  { locale: 'en' },
  { locale: 'fr', strength: 2 },
];

describe('mongo stand-in index plans answer as a full scan does, under collations', () => {
  it(`collated and simple indexes, string filters and sorts (seed ${SEED})`, () => {
    const r = rng(SEED + 1);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const value = (): unknown => {
      const k = r();
      if (k < 0.7) return pick(WORDS);
      if (k < 0.8) return int(0, 3);
      if (k < 0.9) return null;
      return [pick(WORDS), pick(WORDS)];
    };
    const store = new Store();
    const coll = store.createCollection('prop', 'words');
    coll.createIndex(normalizeIndexSpec({ key: { s: 1 }, name: 's_simple' }));
    coll.createIndex(
      normalizeIndexSpec({
        key: { s: 1 },
        name: 's_en2',
        collation: { locale: 'en', strength: 2 },
      }),
    );
    coll.createIndex(
      normalizeIndexSpec({
        key: { t: 1, s: -1 },
        name: 't_s_es1',
        collation: { locale: 'es', strength: 1 },
      }),
    );
    coll.createIndex(
      normalizeIndexSpec({ key: { t: 1 }, name: 't_en3', collation: { locale: 'en' } }),
    );
    for (let i = 0; i < 300; i++) {
      const d: Doc = { _id: i };
      if (r() < 0.9) d.s = value();
      if (r() < 0.9) d.t = r() < 0.8 ? pick(WORDS) : int(0, 3);
      coll.insert(d);
    }
    const condition = (): unknown => {
      const w = pick(WORDS);
      switch (int(0, 5)) {
        case 0:
          return w;
        case 1:
          return { $in: [w, pick(WORDS), ...(r() < 0.3 ? [1] : [])] };
        case 2:
          return { [pick(['$gt', '$gte', '$lt', '$lte'])]: w };
        case 3:
          return { [pick(['$gt', '$gte'])]: w, [pick(['$lt', '$lte'])]: pick(WORDS) };
        case 4:
          return { $ne: w };
        default:
          return r() < 0.5 ? int(0, 3) : { $nin: [w] };
      }
    };
    const SORTS = [undefined, { s: 1 }, { s: -1 }, { t: 1, s: -1 }, { t: -1 }, { t: 1, _id: 1 }];
    const used = new Set<string>();
    for (let q = 0; q < 800; q++) {
      const filter: Doc = {};
      if (r() < 0.8) filter.s = condition();
      if (r() < 0.5) filter.t = condition();
      const sort = pick(SORTS);
      const limit = r() < 0.4 ? int(1, 6) : undefined;
      const collation = parseCollation(pick(COLLATIONS));
      const req = { filter, sort, limit, collation };
      const label = `seed ${SEED} collated query ${q}: ${JSON.stringify({ ...req, collation: collation?.spec })}`;
      const planned = findDocuments(coll, req);
      const scanned = findDocuments(coll, { ...req, hint: { $natural: 1 } });
      if (planned.plan.index) used.add(planned.plan.index.name);
      if (sort) expect(ids(planned.docs), label).toEqual(ids(scanned.docs));
      else if (limit === undefined) {
        expect(ids(planned.docs).sort(), label).toEqual(ids(scanned.docs).sort());
      } else {
        const all = new Set(
          ids(findDocuments(coll, { filter, collation, hint: { $natural: 1 } }).docs),
        );
        expect(planned.docs.length, label).toBe(scanned.docs.length);
        for (const id of ids(planned.docs)) expect(all.has(id), label).toBe(true);
      }
      // A string bound is only ever read from an index of the query's own collation.
      const index = planned.plan.index;
      if (index && planned.plan.boxes.some((box) => box.some((iv) => iv.rank === 4))) {
        expect(index.collation?.key ?? 'simple', label).toBe(collation?.key ?? 'simple');
      }
    }
    expect([...used].sort()).toEqual(['s_en2', 's_simple', 't_en3', 't_s_es1']);
  });
});

describe("mongo stand-in's keyed $in answers as mingo's does", () => {
  it(`random documents and $in lists of plain values (seed ${SEED})`, () => {
    const g = generator(rng(SEED + 2));
    const docs = Array.from({ length: DOCS }, (_, i) => g.doc(i));
    let matched = 0;
    for (let q = 0; q < 300; q++) {
      const list = Array.from({ length: g.int(1, 5) }, () =>
        g.pick(['x', 'ab', 'b', 0, 1, -2, 2.5, Long.fromInt(3), true, new Date(0), docs[q]?._id]),
      );
      const field = g.pick(['a', 'b', 'd.x', '_id', 'e']);
      const label = `seed ${SEED + 2} list ${q}: ${field} ${JSON.stringify(list)}`;
      const keyed = findDocuments(docsColl(docs), { filter: { [field]: { $in: list } } });
      // A regex that matches nothing sends the same list to mingo's own $in.
      const viaMingo = findDocuments(docsColl(docs), {
        filter: { [field]: { $in: [...list, /(?!)/] } },
      });
      expect(ids(keyed.docs).sort(), label).toEqual(ids(viaMingo.docs).sort());
      if (keyed.docs.length > 0) matched++;
    }
    expect(matched).toBeGreaterThan(150);
  });
});

let cachedColl: { docs: Doc[]; coll: Collection } | null = null;
/** One unindexed collection of `docs`, so both filters are tested against every document. */
function docsColl(docs: Doc[]): Collection {
  if (cachedColl?.docs !== docs) {
    const coll = new Store().createCollection('prop', 'plain');
    for (const d of docs) coll.insert(d);
    cachedColl = { docs, coll };
  }
  return cachedColl.coll;
}
