import { canonicalKey } from '../engine/bson-values.ts';
import { collectLeaves } from '../engine/paths.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Collection } from '../store/collection.ts';
import type { Store } from '../store/store.ts';
import { validateCollectionName, validateDbName } from '../store/store.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { matchDocuments } from './matching.ts';
import { idFirst } from './write.ts';

/** Where `$out` or `$merge` writes. */
export interface OutTarget {
  db: string;
  coll: string;
}

/**
 * `$out`'s argument or `$merge`'s `into`: a collection name, or `{ db, coll }` (db defaulting
 * to the command's); names checked as any collection's. Null for anything else, which each
 * stage refuses with its own message.
 */
export function outTarget(value: unknown, db: string): OutTarget | null {
  const target =
    typeof value === 'string'
      ? { db, coll: value }
      : isPlainObject(value) && typeof value.coll === 'string'
        ? { db: typeof value.db === 'string' ? value.db : db, coll: value.coll }
        : null;
  if (target) {
    validateDbName(target.db);
    validateCollectionName(target.db, target.coll);
  }
  return target;
}

export interface MergeStage extends OutTarget {
  /** The fields a result and a target document are matched on (`_id` unless given). */
  on: string[];
  whenMatched: 'replace' | 'keepExisting' | 'merge' | 'fail';
  whenNotMatched: 'insert' | 'discard' | 'fail';
}

const MATCHED = new Set(['replace', 'keepExisting', 'merge', 'fail']);
const NOT_MATCHED = new Set(['insert', 'discard', 'fail']);

/** `$merge`'s argument: a collection name, or `{ into, on, whenMatched, whenNotMatched }`. */
export function parseMerge(spec: unknown, db: string): MergeStage {
  const raw: Doc = typeof spec === 'string' ? { into: spec } : isPlainObject(spec) ? spec : {};
  const target = outTarget(raw.into, db);
  if (!target)
    throw new CommandError(
      Codes.FailedToParse,
      "$merge needs 'into': a collection name or { db, coll }",
    );
  const on = raw.on === undefined ? ['_id'] : Array.isArray(raw.on) ? raw.on : [raw.on];
  if (on.length === 0 || !on.every((f) => typeof f === 'string'))
    throw new CommandError(51186, "$merge 'on' must be a field name or an array of field names");
  const whenMatched = raw.whenMatched ?? 'merge';
  if (Array.isArray(whenMatched))
    throw new CommandError(
      Codes.CommandNotSupported,
      "$merge with a pipeline for 'whenMatched' is not supported by the MongoDB stand-in",
    );
  if (typeof whenMatched !== 'string' || !MATCHED.has(whenMatched))
    throw new CommandError(
      Codes.BadValue,
      `$merge: unknown whenMatched mode ${String(whenMatched)}`,
    );
  const whenNotMatched = raw.whenNotMatched ?? 'insert';
  if (typeof whenNotMatched !== 'string' || !NOT_MATCHED.has(whenNotMatched))
    throw new CommandError(
      Codes.BadValue,
      `$merge: unknown whenNotMatched mode ${String(whenNotMatched)}`,
    );
  return {
    ...target,
    on: on as string[],
    whenMatched: whenMatched as MergeStage['whenMatched'],
    whenNotMatched: whenNotMatched as MergeStage['whenNotMatched'],
  };
}

/** mongod needs a unique index on exactly the `on` fields to know a match is one document. */
function assertUniqueOn(coll: Collection | undefined, on: string[]): void {
  if (on.length === 1 && on[0] === '_id') return;
  const wanted = [...on].sort().join('\0');
  const unique = coll
    ?.indexSpecs()
    .some((s) => s.unique === true && Object.keys(s.key).sort().join('\0') === wanted);
  if (!unique)
    throw new CommandError(51183, 'Cannot find index to verify that join fields will be unique');
}

/** The result's `on` values as an equality filter; each must be there, once, and not null. */
function matchFilter(doc: Doc, on: string[]): Doc {
  const filter: Doc = {};
  for (const field of on) {
    const values = collectLeaves(doc, field, false);
    const value = values[0];
    if (values.length !== 1 || value === null || value === undefined || Array.isArray(value))
      throw new CommandError(
        51132,
        `$merge write error: 'on' field '${field}' cannot be missing, null, undefined or an array`,
      );
    filter[field] = value;
  }
  return filter;
}

/**
 * Writes a pipeline's results into the target as `$merge` does, one document at a time (a
 * failure keeps what was written before it, as in mongod): a matched document is replaced,
 * kept, merged with the result's top-level fields, or the stage fails; an unmatched result is
 * inserted, dropped, or the stage fails.
 */
export function writeMerge(store: Store, stage: MergeStage, results: Doc[]): void {
  const existing = store.getCollection(stage.db, stage.coll);
  assertUniqueOn(existing, stage.on);
  const coll = existing ?? store.createCollection(stage.db, stage.coll);
  for (const result of results) {
    const filter = matchFilter(result, stage.on);
    const [found] = matchDocuments(coll, filter, 1);
    if (!found) {
      if (stage.whenNotMatched === 'fail')
        throw new CommandError(
          13113,
          '$merge could not find a matching document in the target collection',
        );
      if (stage.whenNotMatched === 'insert') coll.insert(idFirst(result));
      continue;
    }
    if (stage.whenMatched === 'keepExisting') continue;
    if (stage.whenMatched === 'fail')
      throw new CommandError(
        Codes.DuplicateKey,
        `$merge found a matching document for ${canonicalKey(filter)}`,
      );
    if (result._id !== undefined && canonicalKey(result._id) !== canonicalKey(found._id))
      throw new CommandError(
        Codes.ImmutableField,
        '$merge write error: the _id of a matched document cannot change',
      );
    const { _id: _ignored, ...fields } = result;
    const updated =
      stage.whenMatched === 'replace' ? { _id: found._id, ...fields } : { ...found, ...fields };
    coll.replace(found, updated);
  }
}
