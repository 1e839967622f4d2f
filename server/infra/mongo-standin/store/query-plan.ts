import { canonicalKey } from '../engine/bson-values.ts';
import { type Collation, collationKey, comparatorFor } from '../engine/collation.ts';
import {
  aboveInterval,
  belowInterval,
  boundsFor,
  fieldConditions,
  type Interval,
  isPoint,
} from '../engine/index-bounds.ts';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import type { Collection } from './collection.ts';
import type { Index } from './indexes.ts';
import type { IndexEntry, Position } from './sorted-entries.ts';

/** Past this many boxes (the product of `$in` lists on a compound key) a field's bounds are dropped. */
const MAX_BOXES = 1000;

/** How a query reads a collection: a full scan, or index boxes scanned in order. */
export interface QueryPlan {
  stage: 'COLLSCAN' | 'IXSCAN';
  index?: Index;
  /** One interval per leading index field; every box is scanned in index order. */
  boxes: Interval[][];
  /** 1 scans the index forwards, -1 backwards. */
  direction: 1 | -1;
  /** How many leading sort fields the scan order already gives (0: sorted afterwards if asked). */
  sortFields: number;
  /** Leading index fields that decide that order; entries tied on them form one run. */
  runFields: number;
  /** Index entries the boxes hold (the planner's estimate of the work). */
  keys: number;
}

export interface PlanRequest {
  sort?: Doc | undefined;
  /** Results wanted (skip + limit), Infinity for all. */
  want?: number | undefined;
  /** find's `hint`: an index name, key pattern, or `{ $natural: 1 }` for a full scan. */
  hint?: unknown;
  /** The query's collation (null: simple); see `sameCollation` in planQuery. */
  collation?: Collation | null | undefined;
}

function boxesFor(
  index: Index,
  conds: Map<string, unknown[]>,
  sameCollation: boolean,
): Interval[][] | null {
  let boxes: Interval[][] = [[]];
  for (const field of index.fields) {
    const bounds = boundsFor(conds.get(field), index.multikey, index.compare);
    if (!bounds) break;
    // Strings are ordered by the index's collation, which decides which keys a bound holds.
    if (!sameCollation && bounds.some((iv) => iv.rank === 4)) break;
    // One long `$in` (populate's _id list) is fine; products of several are capped.
    if ((boxes[0]?.length ?? 0) > 0 && boxes.length * bounds.length > MAX_BOXES) break;
    const dir = index.directions[boxes[0]?.length ?? 0] as number;
    const ordered = dir < 0 ? bounds.slice().reverse() : bounds;
    boxes = boxes.flatMap((box) => ordered.map((iv) => [...box, iv]));
    // Past a range (or a list of values), later fields are not contiguous in the index.
    if (bounds.length !== 1 || !isPoint(bounds[0] as Interval, index.compare)) break;
  }
  return boxes.length === 1 && boxes[0]?.length === 0 ? null : boxes;
}

/** Comparators telling whether an entry lies before or after one box in index order. */
function boxEdges(index: Index, box: Interval[]) {
  const side = (k: unknown[], wantBefore: boolean): boolean => {
    for (let i = 0; i < box.length; i++) {
      const iv = box[i] as Interval;
      const asc = (index.directions[i] as number) > 0;
      const below = belowInterval(k[i], iv, index.compare);
      const above = !below && aboveInterval(k[i], iv, index.compare);
      if (below || above) return asc === below ? wantBefore : !wantBefore;
    }
    return false;
  };
  return {
    before: (e: IndexEntry) => side(e.k, true),
    after: (e: IndexEntry) => side(e.k, false),
  };
}

function boxRange(index: Index, box: Interval[]): [Position, Position] {
  const sorted = index.sorted;
  if (!sorted) throw new Error('index is not queryable');
  const { before, after } = boxEdges(index, box);
  return [sorted.seek((e) => !before(e)), sorted.seek(after)];
}

function countKeys(index: Index, boxes: Interval[][]): number {
  let n = 0;
  for (const box of boxes) {
    const [from, to] = boxRange(index, box);
    n += index.sorted?.countBetween(from, to) ?? 0;
  }
  return n;
}

/**
 * How many leading sort fields an index scan returns in order, the direction that takes, and
 * how many leading index fields decide that order. Fields the filter pins to one value may be
 * skipped. Boxes are disjoint and listed in index order, so their concatenation keeps it. A
 * multikey index orders by no field (a document sits under several keys).
 */
function sortOrder(
  index: Index,
  boxes: Interval[][],
  sort: Doc | undefined,
  sameCollation: boolean,
): { sortFields: number; direction: 1 | -1; runFields: number } {
  const none = { sortFields: 0, direction: 1 as const, runFields: 0 };
  // Another collation orders strings differently from the sort asked for.
  if (!sort || index.multikey || !sameCollation) return none;
  const width = boxes[0]?.length ?? 0;
  const pinned = (i: number): boolean =>
    i < width - 1 ||
    (i === width - 1 && boxes.length === 1 && isPoint(boxes[0]?.[i] as Interval, index.compare));
  let p = 0;
  let matched = 0;
  let ratio = 0;
  for (const [field, raw] of Object.entries(sort)) {
    const dir = Number(raw);
    if (dir !== 1 && dir !== -1) break;
    while (p < index.fields.length && index.fields[p] !== field && pinned(p)) p++;
    if (index.fields[p] !== field) break;
    // A field fixed to one value sorts the same either way.
    if (!pinned(p)) {
      const r = dir * (index.directions[p] as number);
      if (ratio !== 0 && r !== ratio) break;
      ratio = r;
    }
    p++;
    matched++;
  }
  if (matched === 0) return none;
  return { sortFields: matched, direction: ratio < 0 ? -1 : 1, runFields: p };
}

function hintedIndex(coll: Collection, hint: unknown): Index | 'scan' | null {
  if (hint === undefined || hint === null || hint === '') return null;
  if (isPlainObject(hint) && Object.hasOwn(hint, '$natural')) return 'scan';
  const found = coll
    .queryableIndexes()
    .find((i) =>
      typeof hint === 'string' ? i.name === hint : canonicalKey(i.spec.key) === canonicalKey(hint),
    );
  if (!found) {
    throw new CommandError(
      Codes.BadValue,
      'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
    );
  }
  return found;
}

/** A full scan in natural order: what a query with no usable index reads. */
export function collscanPlan(): QueryPlan {
  return { stage: 'COLLSCAN', boxes: [], direction: 1, sortFields: 0, runFields: 0, keys: 0 };
}

/**
 * Picks the cheapest way to answer a filter: an index whose bounds hold the fewest keys, an
 * index that already gives the requested order (when a limit makes reading a prefix enough),
 * or a full scan. Costs count entries and documents read, plus a sorting charge.
 */
export function planQuery(
  coll: Collection,
  filter: Doc | undefined,
  req: PlanRequest = {},
): QueryPlan {
  const collscan = collscanPlan();
  const hinted = hintedIndex(coll, req.hint);
  if (hinted === 'scan') return collscan;
  const queryCollation = req.collation ?? null;
  const conds = fieldConditions(filter, comparatorFor(queryCollation));
  const sort = req.sort && Object.keys(req.sort).length > 0 ? req.sort : undefined;
  const want = req.want ?? Number.POSITIVE_INFINITY;
  const n = coll.size;
  const candidates: QueryPlan[] = [];
  for (const index of hinted ? [hinted] : coll.queryableIndexes()) {
    const same = collationKey(index.collation) === collationKey(queryCollation);
    const bounded = boxesFor(index, conds, same);
    // Documents missing every field are not in a sparse index; null bounds would need them.
    if (index.sparse && (!bounded || bounded.some((box) => box.some((iv) => iv.rank === 2)))) {
      continue;
    }
    const boxes = bounded ?? [[]];
    const order = sortOrder(index, boxes, sort, same);
    if (!bounded && order.sortFields === 0 && !hinted) continue;
    const keys = bounded ? countKeys(index, boxes) : (index.sorted?.size ?? 0);
    candidates.push({ stage: 'IXSCAN', index, boxes, keys, ...order });
  }
  // Matches expected overall: the tightest bounds seen, or every document.
  const matches = Math.max(
    1,
    Math.min(n, ...candidates.filter((c) => c.boxes[0]?.length).map((c) => c.keys)),
  );
  const sortLen = sort ? Object.keys(sort).length : 0;
  const cost = (keys: number, sortFields: number): number => {
    // A partial order is finished run by run (runPlan), so it can stop early too.
    const ordered = sortLen === 0 || sortFields > 0;
    const read = ordered && Number.isFinite(want) ? Math.min(keys, (want * keys) / matches) : keys;
    const sorting = ordered ? 0 : (matches * Math.log2(matches + 1)) / 4;
    return read + sorting;
  };
  let best = hinted ? null : collscan;
  let bestCost = hinted ? Number.POSITIVE_INFINITY : cost(n, 0) + 1;
  for (const c of candidates) {
    const c2 = cost(c.keys, c.sortFields);
    if (c2 < bestCost) {
      best = c;
      bestCost = c2;
    }
  }
  return best ?? collscan;
}

export interface PlanStats {
  keysExamined: number;
  docsExamined: number;
}

export interface PlanResult {
  docs: Doc[];
  stats: PlanStats;
}

/**
 * Runs a plan: documents that pass `test`, in the plan's order, stopping once `want` are in
 * hand when that order is the final one. Documents tied on the index's sort fields come in
 * natural order, then by the rest of the sort (`finishRun`), as a full sort would give them.
 */
export function runPlan(
  coll: Collection,
  plan: QueryPlan,
  test: (d: Doc) => boolean,
  want: number,
  finishRun: (run: Doc[]) => Doc[] = (run) => run,
): PlanResult {
  const stats: PlanStats = { keysExamined: 0, docsExamined: 0 };
  const out: Doc[] = [];
  if (want <= 0) return { docs: out, stats };
  if (plan.stage === 'COLLSCAN' || !plan.index) {
    for (const doc of coll.docs.values()) {
      stats.docsExamined++;
      if (test(doc)) out.push(doc);
      if (out.length >= want) break;
    }
    return { docs: out, stats };
  }
  const index = plan.index;
  const sorted = index.sorted;
  if (!sorted) return { docs: out, stats };
  const seen = index.multikey ? new Set<string>() : null;
  const runFields = plan.runFields;
  let run: { seq: number; doc: Doc }[] = [];
  let runKey: unknown[] | null = null;
  const flush = (): void => {
    if (run.length === 0) return;
    run.sort((a, b) => a.seq - b.seq);
    for (const doc of finishRun(run.map((r) => r.doc))) out.push(doc);
    run = [];
  };
  const backward = plan.direction < 0;
  const boxes = backward ? plan.boxes.slice().reverse() : plan.boxes;
  scan: for (const box of boxes) {
    const [from, to] = boxRange(index, box);
    for (const e of sorted.range(from, to, backward)) {
      stats.keysExamined++;
      if (runFields > 0) {
        if (runKey && !sameLeading(runKey, e.k, runFields, index.compare)) {
          flush();
          if (out.length >= want) break scan;
        }
        runKey = e.k;
      }
      if (seen) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
      }
      const doc = coll.docs.get(e.id);
      if (!doc) continue;
      stats.docsExamined++;
      if (!test(doc)) continue;
      if (runFields > 0) run.push({ seq: e.seq, doc });
      else {
        out.push(doc);
        if (out.length >= want) break scan;
      }
    }
  }
  flush();
  return { docs: out, stats };
}

function sameLeading(
  a: unknown[],
  b: unknown[],
  n: number,
  compare: (x: unknown, y: unknown) => number,
): boolean {
  for (let i = 0; i < n; i++) if (compare(a[i], b[i]) !== 0) return false;
  return true;
}
