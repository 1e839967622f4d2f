import type { Collation } from '../engine/collation.ts';
import { compileFilter, sortDocuments } from '../engine/query.ts';
import { type Collection, idKeyOf } from '../store/collection.ts';
import {
  collscanPlan,
  type PlanStats,
  planQuery,
  type QueryPlan,
  runPlan,
} from '../store/query-plan.ts';
import { runTextQuery, splitTextFilter, type TextResult } from '../store/text-index.ts';
import type { Doc } from '../types.ts';

/**
 * Documents matching a filter, up to `limit`, read through the cheapest index the filter
 * bounds (store/query-plan.ts) or a full scan. Index plans return documents in index order
 * (as mongod does), full scans in natural order.
 */
export function matchDocuments(
  coll: Collection | undefined,
  filter: Doc | undefined,
  limit = Number.POSITIVE_INFINITY,
  collation: Collation | null = null,
): Doc[] {
  const split = splitTextFilter(filter);
  if (split) return textFind(coll, split, { collation, limit }).docs;
  if (!coll || limit <= 0) return [];
  const test = compileFilter(filter, collation);
  return runPlan(coll, planQuery(coll, filter, { want: limit, collation }), test, limit).docs;
}

export interface FindRequest {
  filter?: Doc | undefined;
  sort?: Doc | undefined;
  skip?: number | undefined;
  /** 0 or absent: no limit; negative: its absolute value (single batch is the caller's concern). */
  limit?: number | undefined;
  hint?: unknown;
  collation?: Collation | null | undefined;
}

export interface FindResult {
  docs: Doc[];
  plan: QueryPlan;
  stats: PlanStats;
  /** Whether the results were sorted in memory after the scan (explain's SORT stage). */
  sortedInMemory: boolean;
  /** Set for a `$text` query: what the text index matched, and the scores. */
  text?: TextResult;
}

const NO_STATS = { keysExamined: 0, docsExamined: 0 };

/**
 * A `$text` find: the text index's matches (in natural order), then the rest of the filter,
 * then the sort (by `{ $meta: 'textScore' }` too), skip and limit.
 */
function textFind(
  coll: Collection | undefined,
  split: { text: unknown; rest: Doc },
  req: FindRequest,
): FindResult {
  const plan = collscanPlan();
  if (!coll) return { docs: [], plan, stats: NO_STATS, sortedInMemory: false };
  const text = runTextQuery(coll, split.text);
  const test = compileFilter(split.rest, req.collation);
  const sort = req.sort && Object.keys(req.sort).length > 0 ? req.sort : undefined;
  let docs = text.docs.filter(test);
  if (sort) {
    const textScore = (d: Doc) => text.scores.get(d) ?? 0;
    docs = sortDocuments(docs, sort, { collation: req.collation, textScore });
  }
  const skip = req.skip ?? 0;
  if (skip) docs = docs.slice(skip);
  if (req.limit) docs = docs.slice(0, Math.abs(req.limit));
  const stats = { keysExamined: text.docs.length, docsExamined: text.docs.length };
  return { docs, plan, stats, sortedInMemory: sort !== undefined, text };
}

/** Ties of an in-memory sort keep natural order, whichever way the documents were read. */
function inNaturalOrder(coll: Collection, plan: QueryPlan, docs: Doc[]): Doc[] {
  if (plan.stage === 'COLLSCAN') return docs;
  const seqs = new Map(docs.map((d) => [d, coll.seqOf(idKeyOf(d._id))]));
  return docs.slice().sort((a, b) => (seqs.get(a) ?? 0) - (seqs.get(b) ?? 0));
}

/**
 * A find: filter, order, skip and limit. When the chosen index gives the order, only the
 * documents up to skip + limit (and the filter's rejects among them) are read.
 */
export function findDocuments(coll: Collection | undefined, req: FindRequest): FindResult {
  const split = splitTextFilter(req.filter);
  if (split) return textFind(coll, split, req);
  const sort = req.sort && Object.keys(req.sort).length > 0 ? req.sort : undefined;
  const collation = req.collation ?? null;
  const sortOpts = { collation };
  // Validates the sort spec even when nothing matches.
  if (sort) sortDocuments([], sort, sortOpts);
  const skip = req.skip ?? 0;
  const want = req.limit ? skip + Math.abs(req.limit) : Number.POSITIVE_INFINITY;
  // Compiled even where no collection is, so a bad filter is refused there too, as by mongod.
  const test = compileFilter(req.filter, collation);
  if (!coll) {
    return { docs: [], plan: collscanPlan(), stats: NO_STATS, sortedInMemory: false };
  }
  const plan = planQuery(coll, req.filter, { sort, want, hint: req.hint, collation });
  const ordered = !sort || plan.sortFields > 0;
  const finishRun = sort ? (run: Doc[]) => sortDocuments(run, sort, sortOpts) : undefined;
  const { docs, stats } = runPlan(
    coll,
    plan,
    test,
    ordered ? want : Number.POSITIVE_INFINITY,
    finishRun,
  );
  let out =
    ordered || !sort ? docs : sortDocuments(inNaturalOrder(coll, plan, docs), sort, sortOpts);
  if (skip) out = out.slice(skip);
  if (Number.isFinite(want)) out = out.slice(0, want - skip);
  return { docs: out, plan, stats, sortedInMemory: !ordered };
}
