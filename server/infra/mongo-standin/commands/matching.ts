import { canonicalKey, compareBson } from '../engine/bson-values.ts';
import { compileFilter } from '../engine/query.ts';
import type { Collection } from '../store/collection.ts';
import { type Doc, isPlainObject } from '../types.ts';

/** The `_id` values a filter pins down (`_id: v`, `$eq`, `$in`), or null when it does not. */
function idCandidates(filter: Doc | undefined): unknown[] | null {
  if (!filter || !Object.hasOwn(filter, '_id')) return null;
  const v = filter._id;
  if (v instanceof RegExp) return null;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$eq') return [v.$eq];
    if (keys.length === 1 && keys[0] === '$in' && Array.isArray(v.$in)) {
      return v.$in.some((x) => x instanceof RegExp) ? null : v.$in;
    }
    if (keys.some((k) => k.startsWith('$'))) return null;
  }
  return [v];
}

/**
 * Documents matching a filter in natural order, up to `limit`. Filters that pin `_id` (findById,
 * update-by-id, populate's `$in`) use the primary key instead of a scan; those results come in
 * _id order, as they would from mongod's _id index.
 */
export function matchDocuments(
  coll: Collection | undefined,
  filter: Doc | undefined,
  limit = Number.POSITIVE_INFINITY,
): Doc[] {
  if (!coll || limit <= 0) return [];
  const test = compileFilter(filter);
  const ids = idCandidates(filter);
  if (ids) {
    const seen = new Set<string>();
    const out: Doc[] = [];
    for (const id of ids.slice().sort(compareBson)) {
      const key = canonicalKey(id);
      if (seen.has(key)) continue;
      seen.add(key);
      const doc = coll.getById(id);
      if (doc && test(doc)) out.push(doc);
      if (out.length >= limit) break;
    }
    return out;
  }
  const out: Doc[] = [];
  for (const doc of coll.docs.values()) {
    if (test(doc)) {
      out.push(doc);
      if (out.length >= limit) break;
    }
  }
  return out;
}
