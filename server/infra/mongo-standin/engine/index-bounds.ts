import { type Doc, isPlainObject } from '../types.ts';
import { compareBson, formatValue, typeRank } from './bson-values.ts';

/**
 * Index bounds a filter implies for one field, in value space. The comparison operators of
 * engine/query.ts only match values of the same type bracket as the operand, so a range is
 * confined to one bracket (`rank`); `lo`/`hi` absent mean the bracket's edge.
 */
export interface Interval {
  rank: number;
  lo?: unknown;
  loInc: boolean;
  hi?: unknown;
  hiInc: boolean;
}

/**
 * Operand types bounds are built for. Others (regex, arrays, embedded documents, MinKey, ...)
 * match by rules an index scan would not reproduce, so those conditions are left to the filter.
 */
function boundable(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isNaN(v);
  if (typeof v === 'string' || typeof v === 'boolean' || v === null || v instanceof Date) {
    return true;
  }
  const r = typeRank(v);
  return r === 3 || r === 8;
}

/** How values compare: compareBson, or an index's or query's collation (engine/collation.ts). */
export type Compare = (a: unknown, b: unknown) => number;

const point = (v: unknown): Interval => ({
  rank: typeRank(v),
  lo: v,
  loInc: true,
  hi: v,
  hiInc: true,
});

/** Whether `x` sorts before the interval (below its low end, or in a lower type bracket). */
export function belowInterval(x: unknown, iv: Interval, compare: Compare = compareBson): boolean {
  const r = typeRank(x);
  if (r !== iv.rank) return r < iv.rank;
  if (iv.lo === undefined) return false;
  const c = compare(x, iv.lo);
  return c < 0 || (c === 0 && !iv.loInc);
}

export function aboveInterval(x: unknown, iv: Interval, compare: Compare = compareBson): boolean {
  const r = typeRank(x);
  if (r !== iv.rank) return r > iv.rank;
  if (iv.hi === undefined) return false;
  const c = compare(x, iv.hi);
  return c > 0 || (c === 0 && !iv.hiInc);
}

export function isPoint(iv: Interval, compare: Compare = compareBson): boolean {
  return (
    iv.lo !== undefined &&
    iv.hi !== undefined &&
    iv.loInc &&
    iv.hiInc &&
    compare(iv.lo, iv.hi) === 0
  );
}

/** The conditions a filter puts on each field path, from its top level and nested `$and`s. */
export function fieldConditions(
  filter: Doc | undefined,
  compare: Compare = compareBson,
  out = new Map<string, unknown[]>(),
): Map<string, unknown[]> {
  if (!filter) return out;
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const clause of cond) if (isPlainObject(clause)) fieldConditions(clause, compare, out);
      continue;
    }
    if (key === '$or' && Array.isArray(cond)) {
      for (const [field, implied] of impliedByEvery(cond, compare)) {
        const list = out.get(field);
        if (list) list.push(implied);
        else out.set(field, [implied]);
      }
      continue;
    }
    if (key.startsWith('$')) continue;
    const list = out.get(key);
    if (list) list.push(cond);
    else out.set(key, [cond]);
  }
  return out;
}

/**
 * Conditions every branch of an `$or` implies, as one condition per field: the values of all
 * branches' points (`$in`), or the hull of their ranges when they share one type bracket.
 * Keyset paging's `{ $or: [{ f: { $gt: v } }, { f: v, _id: { $gt: id } }] }` becomes
 * `f >= v`, so a page starts at its place in the index instead of the collection's start.
 */
function impliedByEvery(branches: unknown[], compare: Compare): Map<string, Doc> {
  const out = new Map<string, Doc>();
  if (branches.length === 0 || !branches.every(isPlainObject)) return out;
  const maps = (branches as Doc[]).map((b) => fieldConditions(b, compare));
  for (const field of maps[0]?.keys() ?? []) {
    // Each branch's bounds without intersections, which hold for multikey fields too.
    const all: Interval[] = [];
    for (const m of maps) {
      const b = boundsFor(m.get(field), true, compare);
      if (!b) {
        all.length = 0;
        break;
      }
      all.push(...b);
    }
    if (all.length === 0) continue;
    if (all.every((iv) => isPoint(iv, compare))) {
      out.set(field, { $in: all.map((iv) => iv.lo) });
      continue;
    }
    const rank = all[0]?.rank;
    if (!all.every((iv) => iv.rank === rank)) continue;
    let hull = all[0] as Interval;
    for (const iv of all.slice(1)) hull = widen(hull, iv, compare);
    const implied: Doc = {};
    if (hull.lo !== undefined) implied[hull.loInc ? '$gte' : '$gt'] = hull.lo;
    if (hull.hi !== undefined) implied[hull.hiInc ? '$lte' : '$lt'] = hull.hi;
    if (Object.keys(implied).length > 0) out.set(field, implied);
  }
  return out;
}

function widen(a: Interval, b: Interval, compare: Compare): Interval {
  const out = { ...a };
  if (a.lo !== undefined) {
    const c = b.lo === undefined ? -1 : compare(b.lo, a.lo);
    if (b.lo === undefined) delete out.lo;
    else if (c < 0 || (c === 0 && b.loInc)) {
      out.lo = b.lo;
      out.loInc = b.loInc;
    }
  }
  if (a.hi !== undefined) {
    const c = b.hi === undefined ? 1 : compare(b.hi, a.hi);
    if (b.hi === undefined) delete out.hi;
    else if (c > 0 || (c === 0 && b.hiInc)) {
      out.hi = b.hi;
      out.hiInc = b.hiInc;
    }
  }
  return out;
}

const RANGE_OPS: Record<string, (v: unknown) => Interval> = {
  $gt: (v) => ({ rank: typeRank(v), lo: v, loInc: false, hiInc: false }),
  $gte: (v) => ({ rank: typeRank(v), lo: v, loInc: true, hiInc: false }),
  $lt: (v) => ({ rank: typeRank(v), loInc: false, hi: v, hiInc: false }),
  $lte: (v) => ({ rank: typeRank(v), loInc: false, hi: v, hiInc: true }),
};

function intersect(a: Interval, b: Interval, compare: Compare): Interval {
  const out = { ...a };
  if (b.lo !== undefined) {
    const c = a.lo === undefined ? -1 : compare(a.lo, b.lo);
    if (c < 0 || (c === 0 && !b.loInc)) {
      out.lo = b.lo;
      out.loInc = b.loInc;
    }
  }
  if (b.hi !== undefined) {
    const c = a.hi === undefined ? 1 : compare(a.hi, b.hi);
    if (c > 0 || (c === 0 && !b.hiInc)) {
      out.hi = b.hi;
      out.hiInc = b.hiInc;
    }
  }
  return out;
}

/** Ascending, deduplicated points: one interval per distinct value. */
function points(values: unknown[], compare: Compare): Interval[] {
  const sorted = values.slice().sort(compare);
  return sorted.filter((v, i) => i === 0 || compare(v, sorted[i - 1]) !== 0).map(point);
}

function operatorBounds(cond: Doc, multikey: boolean, compare: Compare): Interval[] | null {
  if (Object.hasOwn(cond, '$eq') && boundable(cond.$eq)) return [point(cond.$eq)];
  if (Array.isArray(cond.$in) && cond.$in.every(boundable)) return points(cond.$in, compare);
  let range: Interval | null = null;
  for (const [op, v] of Object.entries(cond)) {
    const make = RANGE_OPS[op];
    if (!make || !boundable(v)) continue;
    const iv = make(v);
    if (!range) range = iv;
    // With several keys per document, `$gt` and `$lt` may be met by two different elements.
    else if (!multikey && iv.rank === range.rank) range = intersect(range, iv, compare);
  }
  return range ? [range] : null;
}

/**
 * Intervals (ascending, disjoint) covering every value of `path` a document matching these
 * conditions can hold; [] when nothing can match; null when the conditions do not bound it.
 */
export function boundsFor(
  conds: unknown[] | undefined,
  multikey: boolean,
  compare: Compare = compareBson,
): Interval[] | null {
  if (!conds) return null;
  let best: Interval[] | null = null;
  for (const cond of conds) {
    let found: Interval[] | null = null;
    if (boundable(cond)) found = [point(cond)];
    else if (isPlainObject(cond) && Object.keys(cond).every((k) => k.startsWith('$'))) {
      found = operatorBounds(cond, multikey, compare);
    }
    const pointsOnly = (ivs: Interval[]) => ivs.every((iv) => isPoint(iv, compare));
    // Equality and $in beat ranges: fewer keys and the fields after them stay usable.
    if (found && (!best || (pointsOnly(found) && !pointsOnly(best)))) best = found;
  }
  return best;
}

function formatBound(v: unknown, rank: number, low: boolean): string {
  if (v !== undefined) return formatValue(v);
  const edges: Record<number, [string, string]> = {
    2: ['null', 'null'],
    3: ['-inf.0', 'inf.0'],
    4: ['""', '{}'],
    8: ["ObjectId('000000000000000000000000')", "ObjectId('ffffffffffffffffffffffff')"],
    9: ['false', 'true'],
    10: ['new Date(-9223372036854775808)', 'new Date(9223372036854775807)'],
  };
  const edge = edges[rank] ?? ['MinKey', 'MaxKey'];
  return low ? edge[0] : edge[1];
}

/** mongod's rendering of bounds in explain output, e.g. `[5, inf.0]` or `("a", {})`. */
export function formatInterval(iv: Interval | undefined, direction: number): string {
  if (!iv) return direction < 0 ? '[MaxKey, MinKey]' : '[MinKey, MaxKey]';
  const lo = `${iv.loInc || iv.lo === undefined ? '[' : '('}${formatBound(iv.lo, iv.rank, true)}`;
  const hi = `${formatBound(iv.hi, iv.rank, false)}${iv.hiInc || iv.hi === undefined ? ']' : ')'}`;
  if (direction >= 0) return `${lo}, ${hi}`;
  const rlo = `${iv.hiInc || iv.hi === undefined ? '[' : '('}${formatBound(iv.hi, iv.rank, false)}`;
  const rhi = `${formatBound(iv.lo, iv.rank, true)}${iv.loInc || iv.lo === undefined ? ']' : ')'}`;
  return `${rlo}, ${rhi}`;
}
