import { ObjectId, serialize } from 'bson';
import { updateOne } from 'mingo';
import type { PipelineStage } from 'mingo/updater';
import { Codes, CommandError, toCommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { applyOperators } from './apply-ops.ts';
import { canonicalKey, formatValue, typeRank } from './bson-values.ts';
import { cloneValue } from './clone.ts';
import { checkBitSpec } from './numeric.ts';
import { setPath } from './paths.ts';
import { resolvePositional, validateUpdatePaths } from './positional.ts';
import { mingoOptions } from './query.ts';

/** Update operators mingo implements, plus $setOnInsert which only matters for upserts. */
const KNOWN_OPERATORS = new Set([
  '$addToSet',
  '$bit',
  '$currentDate',
  '$inc',
  '$max',
  '$min',
  '$mul',
  '$pop',
  '$pull',
  '$pullAll',
  '$push',
  '$rename',
  '$set',
  '$setOnInsert',
  '$unset',
]);

export type UpdateKind = 'replacement' | 'operators' | 'pipeline';

export function classifyUpdate(u: unknown): UpdateKind {
  if (Array.isArray(u)) return 'pipeline';
  if (!isPlainObject(u)) {
    throw new CommandError(
      Codes.FailedToParse,
      'Update argument must be either an object or an array',
    );
  }
  const keys = Object.keys(u);
  if (keys.length === 0 || !keys[0]?.startsWith('$')) {
    const bad = keys.find((k) => k.startsWith('$'));
    if (bad) {
      throw new CommandError(
        Codes.DollarPrefixedFieldName,
        `The dollar ($) prefixed field '${bad}' in '${bad}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
      );
    }
    return 'replacement';
  }
  for (const k of keys) {
    if (!KNOWN_OPERATORS.has(k)) {
      throw new CommandError(
        Codes.FailedToParse,
        `Unknown modifier: ${k}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
  }
  return 'operators';
}

/**
 * The checks mongod makes on an update before matching any document (conflicting paths,
 * arrayFilters), so a malformed update fails even when its filter matches nothing.
 */
export function validateUpdate(update: unknown, arrayFilters?: Doc[]): UpdateKind {
  const kind = classifyUpdate(update);
  if (kind !== 'operators') return kind;
  try {
    validateUpdatePaths(checkModifiers(update as Doc), arrayFilters);
  } catch (err) {
    throw toCommandError(err);
  }
  return kind;
}

/**
 * A copy of an operator update without its empty operators; each operand must be a document, and
 * the operands mongod checks when parsing ($inc/$mul numbers, $bit specs) are checked here, so
 * they fail even when nothing matches.
 */
function checkModifiers(update: Doc): Doc {
  const mod: Doc = { ...update };
  for (const op of Object.keys(mod)) {
    const expr = mod[op];
    if (!isPlainObject(expr)) {
      throw new CommandError(
        Codes.FailedToParse,
        `Modifiers operate on fields but we found type ${typeof expr} instead.`,
      );
    }
    if (Object.keys(expr).length === 0) delete mod[op];
    for (const [path, arg] of Object.entries(expr)) {
      if ((op === '$inc' || op === '$mul') && typeRank(arg) !== 3) {
        throw new CommandError(
          Codes.TypeMismatch,
          `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${formatValue(arg)}}`,
        );
      }
      if (op === '$bit') checkBitSpec(arg);
    }
  }
  return mod;
}

export interface UpdateOptions {
  filter?: Doc;
  arrayFilters?: Doc[];
  /** True when building the document an upsert inserts: $setOnInsert applies. */
  inserting?: boolean;
}

function sameId(a: unknown, b: unknown): boolean {
  return canonicalKey(a) === canonicalKey(b);
}

function immutableIdError(value: unknown): CommandError {
  return new CommandError(
    Codes.ImmutableField,
    `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(value)}`,
  );
}

/**
 * Returns the updated document as a new object; the input is never mutated because stored
 * documents are shared with open cursors and in-progress snapshots.
 */
export function applyUpdate(doc: Doc, update: unknown, opts: UpdateOptions = {}): Doc {
  const kind = classifyUpdate(update);
  if (kind === 'replacement') {
    const rep = update as Doc;
    if (rep._id !== undefined && doc._id !== undefined && !sameId(rep._id, doc._id)) {
      throw immutableIdError(rep._id);
    }
    const { _id: _ignored, ...rest } = rep;
    const id = doc._id ?? rep._id;
    return id === undefined ? rest : { _id: id, ...rest };
  }
  let working = cloneValue(doc) as Doc;
  try {
    if (kind === 'pipeline') {
      const arr = [working];
      updateOne(arr, {}, update as PipelineStage[], {}, mingoOptions());
      const out = arr[0] as Doc;
      if (doc._id !== undefined && !sameId(out._id, doc._id)) throw immutableIdError(out._id);
      return out;
    }
    const mod = checkModifiers(update as Doc);
    // Checked as written, before $setOnInsert is dropped or folded into $set: mongod refuses a
    // conflict with $setOnInsert even when the update does not insert.
    const elementTests = validateUpdatePaths(mod, opts.arrayFilters);
    const onInsert = mod.$setOnInsert;
    delete mod.$setOnInsert;
    if (opts.inserting && isPlainObject(onInsert)) {
      mod.$set = { ...(isPlainObject(mod.$set) ? mod.$set : {}), ...onInsert };
    }
    // mongod accepts `$set: { _id: <same value> }` (and uses it to seed upserts); mingo refuses
    // any path on _id, so take it out here.
    if (isPlainObject(mod.$set) && Object.hasOwn(mod.$set, '_id')) {
      const { _id: wanted, ...others } = mod.$set;
      if (working._id === undefined) working = { _id: wanted, ...working };
      else if (!sameId(wanted, working._id)) throw immutableIdError(wanted);
      mod.$set = others;
      if (Object.keys(others).length === 0) delete mod.$set;
    }
    // Only concrete paths are applied: mingo's own positional handling misreports disjoint
    // paths under one array as conflicts (see positional.ts).
    const concrete = resolvePositional(working, mod, elementTests, opts.filter);
    applyOperators(working, concrete);
    return working;
  } catch (err) {
    throw toCommandError(err);
  }
}

/** The equality fields of a filter, which seed the document an operator-style upsert inserts. */
export function seedFromFilter(filter: Doc | undefined, out: Doc = {}): Doc {
  if (!filter) return out;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) if (isPlainObject(sub)) seedFromFilter(sub, out);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      if (Object.hasOwn(value, '$eq')) setPath(out, key, cloneValue(value.$eq));
      continue;
    }
    setPath(out, key, cloneValue(value));
  }
  return out;
}

/** Builds the document an upsert inserts; _id comes first, as mongod stores it. */
export function buildUpsertDocument(
  filter: Doc | undefined,
  update: unknown,
  arrayFilters?: Doc[],
): Doc {
  const kind = classifyUpdate(update);
  const seed = seedFromFilter(filter);
  let doc: Doc;
  if (kind === 'replacement') {
    const rep = update as Doc;
    doc = applyUpdate(seed._id === undefined ? {} : { _id: seed._id }, rep, { inserting: true });
  } else {
    doc = applyUpdate(seed, update, { inserting: true, arrayFilters: arrayFilters ?? [] });
  }
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

export function sameDocument(a: Doc, b: Doc): boolean {
  return Buffer.compare(serialize(a), serialize(b)) === 0;
}
