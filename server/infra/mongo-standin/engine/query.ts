import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import { type Iterator, Lazy } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { cloneDeep, resolve } from 'mingo/util';
import { Codes, CommandError, toCommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { bitOperators } from './bits.ts';
import { canonicalKey, matchesTypeAlias, typeRank } from './bson-values.ts';
import { type Collation, compareCollated, holdsString, Representatives } from './collation.ts';
import { elemMatchProjection, elemMatchQuery } from './elem-match.ts';
import { jsonSchemaOp } from './json-schema.ts';
import { holdsWrappedNumber, plainNumbers } from './numeric.ts';
import { collectLeaves } from './paths.ts';
import { sharedOptions } from './shared-options.ts';
import { isTextScoreMeta } from './text-score.ts';

/**
 * mingo drives filters, projections and pipelines; the operators overridden here are the ones
 * where its defaults diverge from mongod for BSON classes (Long, Decimal128, cross-type order).
 */

type Predicate = (o: Doc) => boolean;

function candidates(obj: Doc, selector: string): unknown[] {
  const lhs = resolve(obj, selector, { unwrapArray: true });
  return Array.isArray(lhs) ? [...lhs, lhs] : [lhs];
}

function comparable(a: unknown, b: unknown): boolean {
  const rb = typeRank(b);
  return rb === 0 || rb === 15 || typeRank(a) === rb;
}

/** The collation a command handed to mingo (see mingoOptions), as operators receive it. */
function collationOf(options: unknown): Collation | null {
  const o = options as { options?: { standinCollation?: Collation }; standinCollation?: Collation };
  return o?.options?.standinCollation ?? o?.standinCollation ?? null;
}

const rangeOp =
  (accept: (c: number) => boolean) =>
  (selector: string, value: unknown, options: unknown): Predicate => {
    const c = collationOf(options);
    return (obj) =>
      candidates(obj, selector).some(
        (v) => comparable(v, value) && accept(compareCollated(v, value, c)),
      );
  };

const typeOp =
  (selector: string, value: unknown): Predicate =>
  (obj) => {
    const wanted = Array.isArray(value) ? value : [value];
    return candidates(obj, selector).some((v) => wanted.some((t) => matchesTypeAlias(v, t)));
  };

type QueryOperator = (selector: string, value: unknown, options: Options) => Predicate;

/**
 * Equality that sees a Long or a Double as the number it holds (mongod compares numbers by
 * value across types; mingo calls Long(5) and 5 different). A document is looked at again
 * through plainNumbers() only when the compared field holds such a wrapped number.
 */
const numberTolerant =
  (op: QueryOperator): QueryOperator =>
  (selector, value, options) => {
    const test = op(selector, value, options);
    const parts = selector.split('.');
    return (obj) => test(obj) || (wrappedNumberAt(obj, parts, 0) && test(plainNumbers(obj)));
  };

/** Whether the values a dotted path reaches (through arrays too) hold a Long, cheaply. */
function wrappedNumberAt(value: unknown, parts: string[], i: number): boolean {
  if (i === parts.length) return holdsWrappedNumber(value);
  if (Array.isArray(value)) {
    const part = parts[i] as string;
    if (/^\d+$/.test(part) && wrappedNumberAt(value[Number(part)], parts, i + 1)) return true;
    return value.some((item) => isPlainObject(item) && wrappedNumberAt(item, parts, i));
  }
  return isPlainObject(value) && wrappedNumberAt(value[parts[i] as string], parts, i + 1);
}

const negated =
  (op: QueryOperator): QueryOperator =>
  (selector, value, options) => {
    const test = op(selector, value, options);
    return (obj) => !test(obj);
  };

/** Equality under a collation for operands holding strings; others keep mingo's rules. */
const collatedEq =
  (op: QueryOperator): QueryOperator =>
  (selector, value, options) => {
    const c = collationOf(options);
    if (!c || !holdsString(value)) return op(selector, value, options);
    return (obj) => candidates(obj, selector).some((v) => compareCollated(v, value, c) === 0);
  };

/** `$in` under a collation: string-bearing values compare collated, regexes stay binary. */
const collatedIn =
  (op: QueryOperator): QueryOperator =>
  (selector, value, options) => {
    const c = collationOf(options);
    if (!c || !Array.isArray(value) || !value.some(holdsString))
      return op(selector, value, options);
    const strings = value.filter(holdsString);
    const others = value.filter((v) => !holdsString(v));
    const rest = others.length > 0 ? op(selector, others, options) : () => false;
    return (obj) =>
      rest(obj) ||
      candidates(obj, selector).some((v) => strings.some((s) => compareCollated(v, s, c) === 0));
  };

/** Numbers, strings, ObjectIds, booleans and dates: values whose equality canonicalKey decides. */
const KEYED_RANKS = new Set([3, 4, 8, 9, 10]);
const keyed = (v: unknown) => KEYED_RANKS.has(typeRank(v));

/**
 * `$in` over such values (the usual `_id: { $in: ids }` of a page's authors) looks each
 * document up in one set of canonical keys built with the filter; mingo's hashes the whole
 * list again for every document it tests. Lists with null, regexes, arrays or documents stay
 * with mingo.
 */
const keyedIn =
  (op: QueryOperator): QueryOperator =>
  (selector, value, options) => {
    if (!Array.isArray(value) || value.length === 0 || !value.every(keyed))
      return op(selector, value, options);
    const keys = new Set(value.map(canonicalKey));
    return (obj) => candidates(obj, selector).some((v) => keyed(v) && keys.has(canonicalKey(v)));
  };

const eqOp = collatedEq(numberTolerant(queryOperators.$eq as unknown as QueryOperator));
const inOp = collatedIn(keyedIn(numberTolerant(queryOperators.$in as unknown as QueryOperator)));

/**
 * `$all`: every listed value must be there, each tested as `$in: [value]` (an equality,
 * collated where a collation applies, or a regex), so a field that is no array matches when
 * it equals the one value listed, as in mongod (mingo's wants an array); lists of
 * `$elemMatch` conditions stay with mingo.
 */
const allOp: QueryOperator = (selector, value, options) => {
  const base = queryOperators.$all as unknown as QueryOperator;
  if (!Array.isArray(value) || value.length === 0) return base(selector, value, options);
  if (value.some((v) => isPlainObject(v) && Object.hasOwn(v, '$elemMatch'))) {
    return base(selector, value, options);
  }
  const tests = value.map((v) => inOp(selector, [v], options));
  return (obj) => tests.every((t) => t(obj));
};

const sortStage = (coll: Iterator, spec: Doc, options: unknown): Iterator =>
  coll.transform((docs: Doc[]) =>
    Lazy(sortDocuments(docs, spec, { collation: collationOf(options) })),
  );

/** Group keys folded under the collation, looked up by `$standinGroupKey` (see groupStage). */
const groupKeys = new WeakMap<object, unknown>();

/**
 * `$group` under a collation: each document's `_id` value is computed first and replaced by the
 * first collation-equal value seen, so mingo's exact-value grouping puts them together.
 */
const groupStage = (coll: Iterator, expr: Doc, options: unknown): Iterator => {
  const c = collationOf(options);
  const base = pipelineOperators.$group as unknown as (i: Iterator, e: Doc, o: unknown) => Iterator;
  if (!c || !isPlainObject(expr) || !Object.hasOwn(expr, '_id')) return base(coll, expr, options);
  const reps = new Representatives(c);
  return coll.transform((docs: Doc[]) => {
    for (const doc of docs) {
      const key = evalExpr(doc, expr._id, options as Options);
      groupKeys.set(doc, reps.of(key));
    }
    return base(Lazy(docs), { ...expr, _id: { $standinGroupKey: 1 } }, options);
  });
};

// Built from scratch rather than layered on mingo's default context: when contexts are merged,
// the operators registered first win, so overrides would be ignored.
const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $standinGroupKey: (obj: object) => groupKeys.get(obj),
  },
  projection: { ...projectionOperators, $elemMatch: elemMatchProjection },
  window: windowOperators,
  query: {
    ...queryOperators,
    // mingo's $ne and $nin are the negations of its $eq and $in.
    $eq: eqOp,
    $ne: negated(eqOp),
    $in: inOp,
    $nin: negated(inOp),
    $all: allOp,
    $gt: rangeOp((c) => c > 0),
    $gte: rangeOp((c) => c >= 0),
    $lt: rangeOp((c) => c < 0),
    $lte: rangeOp((c) => c <= 0),
    $type: typeOp,
    $elemMatch: elemMatchQuery,
    $jsonSchema: jsonSchemaOp,
    ...bitOperators,
  },
  pipeline: { ...pipelineOperators, $sort: sortStage, $group: groupStage },
} as unknown as Parameters<typeof Context.init>[0]);

/** Server-side JavaScript ($where, $function) would run inside this process: keep it off. */
const BASE_OPTIONS: Partial<Options> = {
  context: CONTEXT,
  scriptEnabled: false,
  useStrictMode: true,
};

export function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { ...BASE_OPTIONS, ...extra };
}

/** Options for `new Query` on CONTEXT itself, never a copy (shared-options.ts says why). */
const SHARED_OPTIONS = sharedOptions(BASE_OPTIONS, CONTEXT);
const PLAIN_QUERY_OPTIONS = SHARED_OPTIONS();

export function queryOptions(collation?: Collation | null): Partial<Options> {
  return collation ? SHARED_OPTIONS(collated(collation)) : PLAIN_QUERY_OPTIONS;
}

/** Options carrying a collation to the operators above (mingo's own `collation` is sort-only). */
function collated(collation: Collation | null | undefined): Partial<Options> {
  return collation ? ({ standinCollation: collation } as Partial<Options>) : {};
}

export function compileFilter(filter: unknown, collation?: Collation | null): Predicate {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter))
    throw new CommandError(Codes.TypeMismatch, 'filter must be an object');
  if (Object.keys(filter).length === 0) return () => true;
  try {
    // A Long or Double in the filter is the number it holds (mingo's $eq knows numbers only).
    const q = new Query(plainNumbers(filter), queryOptions(collation));
    // $expr evaluates aggregation expressions, whose comparisons and arithmetic know numbers only.
    if (mentionsExpr(filter)) return (o) => q.test(plainNumbers(o));
    return (o) => q.test(o);
  } catch (err) {
    throw toCommandError(err);
  }
}

function mentionsExpr(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(mentionsExpr);
  if (!isPlainObject(v)) return false;
  return Object.entries(v).some(([k, x]) => k === '$expr' || mentionsExpr(x));
}

type Compare = (a: unknown, b: unknown) => number;

function sortKeyFor(doc: Doc, path: string, dir: number, compare: Compare): unknown {
  const leaves = collectLeaves(doc, path);
  if (leaves.length === 0) return null;
  let best = leaves[0];
  for (let i = 1; i < leaves.length; i++) {
    const c = compare(leaves[i], best);
    if (dir > 0 ? c < 0 : c > 0) best = leaves[i];
  }
  return best;
}

export interface SortOptions {
  collation?: Collation | null | undefined;
  /** A `$text` query's scores, for `{ $meta: 'textScore' }` sort keys. */
  textScore?: ((doc: Doc) => number) | undefined;
}

/** Stable sort by a Mongo sort spec; arrays sort by their min (ascending) or max (descending). */
export function sortDocuments<T extends Doc>(
  docs: T[],
  spec: unknown,
  opts: SortOptions = {},
): T[] {
  if (!isPlainObject(spec))
    throw new CommandError(Codes.BadValue, '$sort specification must be an object');
  const c = opts.collation ?? null;
  const compare: Compare = (a, b) => compareCollated(a, b, c);
  // A null path stands for the text score, which sorts highest first.
  const fields: [string | null, number][] = [];
  for (const [path, raw] of Object.entries(spec)) {
    if (isTextScoreMeta(raw)) {
      if (!opts.textScore) {
        throw new CommandError(
          40218,
          'query requires text score metadata, but it is not available',
        );
      }
      fields.push([null, -1]);
      continue;
    }
    const dir = Number(raw);
    if (path === '$natural') {
      if (dir < 0) docs = docs.slice().reverse();
      continue;
    }
    if (dir !== 1 && dir !== -1) {
      throw new CommandError(
        Codes.BadValue,
        `$sort key ordering must be 1 (for ascending) or -1 (for descending)`,
      );
    }
    fields.push([path, dir]);
  }
  if (fields.length === 0) return docs;
  const keyed = docs.map((doc, i) => ({
    doc,
    i,
    keys: fields.map(([p, d]) =>
      p === null ? opts.textScore?.(doc) : sortKeyFor(doc, p, d, compare),
    ),
  }));
  keyed.sort((a, b) => {
    for (let f = 0; f < fields.length; f++) {
      const c = compare(a.keys[f], b.keys[f]);
      if (c) return c * (fields[f] as [string | null, number])[1];
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.doc);
}

const FORBIDDEN_STAGES = new Set(['$out', '$merge']);
const KNOWN_STAGES = new Set(Object.keys(pipelineOperators));

/**
 * Runs a pipeline. Input documents are cloned by mingo (CLONE_INPUT) and joined collections by
 * the resolver because several stages set nested fields in place, and the stored documents
 * must stay immutable (snapshots read them without copying).
 */
export function runPipeline(
  input: Doc[],
  pipeline: unknown,
  resolveCollection: (name: string) => Doc[],
  variables?: Doc,
  collation?: Collation | null,
): Doc[] {
  if (!Array.isArray(pipeline))
    throw new CommandError(Codes.TypeMismatch, "'pipeline' must be an array");
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new CommandError(
        Codes.BadValue,
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
    const name = Object.keys(stage)[0] as string;
    if (FORBIDDEN_STAGES.has(name)) {
      throw new CommandError(
        Codes.CommandNotSupported,
        `${name} is not supported by the MongoDB stand-in`,
      );
    }
    if (!KNOWN_STAGES.has(name)) {
      throw new CommandError(
        Codes.UnrecognizedPipelineStage,
        `Unrecognized pipeline stage name: '${name}'`,
      );
    }
  }
  try {
    const agg = new Aggregator(
      pipeline as Doc[],
      mingoOptions({
        processingMode: 1 /* ProcessingMode.CLONE_INPUT */,
        collectionResolver: (name) =>
          resolveCollection(name).map((d) => cloneDeep(plainNumbers(d)) as Doc),
        ...(variables ? { variables } : {}),
        ...collated(collation),
      }),
    );
    // mingo's arithmetic, accumulators and grouping know numbers, not Longs.
    return agg.run<Doc>(input.map(plainNumbers));
  } catch (err) {
    throw toCommandError(err);
  }
}
