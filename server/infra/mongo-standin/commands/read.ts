import { Long } from 'bson';
import { cursorReply } from '../cursors.ts';
import { canonicalKey } from '../engine/bson-values.ts';
import { comparatorFor, Representatives } from '../engine/collation.ts';
import { collectLeaves } from '../engine/paths.ts';
import { compileProjection } from '../engine/projection.ts';
import { runPipeline } from '../engine/query.ts';
import {
  assertNoTextScore,
  HIDDEN_SCORE,
  rewriteTextScore,
  splitMetaProjection,
  stripHiddenScore,
  withScoreFields,
} from '../engine/text-score.ts';
import { Codes, CommandError } from '../errors.ts';
import { splitTextFilter } from '../store/text-index.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { splitWriteStage, writeResults } from './aggregate-out.ts';
import {
  batchSizeOf,
  type CommandHandler,
  collationArg,
  collectionArg,
  docArg,
  nonNegativeArg,
  numberArg,
} from './context.ts';
import { explainAggregate } from './explain.ts';
import { findDocuments, matchDocuments } from './matching.ts';

function cursorIdArg(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof Long) return v.toNumber();
  throw new CommandError(
    Codes.TypeMismatch,
    "BSON field 'getMore.getMore' is the wrong type, expected type 'long'",
  );
}

export const readCommands: Record<string, CommandHandler> = {
  find: (cmd, ctx) => {
    const name = collectionArg(cmd, 'find', ctx);
    const ns = `${ctx.db}.${name}`;
    const filter = docArg(cmd, 'filter');
    const sort = docArg(cmd, 'sort');
    const skip = nonNegativeArg(cmd, 'skip', 'find');
    const limit = numberArg(cmd, 'limit');
    const batchSize = nonNegativeArg(cmd, 'batchSize', 'find');
    const { rest, scoreFields } = splitMetaProjection(docArg(cmd, 'projection'));
    const project = compileProjection(rest, filter);
    const coll = ctx.store.getCollection(ctx.db, name);
    const collation = collationArg(cmd, coll);
    const found = findDocuments(coll, { filter, sort, skip, limit, hint: cmd.hint, collation });
    const docs = found.docs;
    const transform = withScoreFields(project, scoreFields, found.text?.scores);
    const batch = ctx.cursors.open(ns, docs, {
      ...(batchSize === undefined ? {} : { batchSize }),
      singleBatch: cmd.singleBatch === true || (limit !== undefined && limit < 0),
      ...(transform ? { transform } : {}),
      noTimeout: cmd.noCursorTimeout === true,
    });
    return cursorReply(ns, batch, 'firstBatch');
  },

  getMore: (cmd, ctx) => {
    const id = cursorIdArg(cmd.getMore);
    if (typeof cmd.collection !== 'string') {
      throw new CommandError(
        Codes.TypeMismatch,
        "BSON field 'getMore.collection' is missing or not a string",
      );
    }
    const ns = `${ctx.db}.${cmd.collection}`;
    const batch = ctx.cursors.getMore(id, ns, numberArg(cmd, 'batchSize'));
    if (!batch) throw new CommandError(Codes.CursorNotFound, `cursor id ${id} not found`);
    return cursorReply(ns, batch, 'nextBatch');
  },

  killCursors: (cmd, ctx) => {
    const ids = Array.isArray(cmd.cursors) ? cmd.cursors : [];
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of ids) {
      const id = cursorIdArg(raw);
      (ctx.cursors.kill(id) ? killed : notFound).push(Long.fromNumber(id));
    }
    return {
      cursorsKilled: killed,
      cursorsNotFound: notFound,
      cursorsAlive: [],
      cursorsUnknown: [],
    };
  },

  count: (cmd, ctx) => {
    const name = collectionArg(cmd, 'count', ctx);
    const skip = nonNegativeArg(cmd, 'skip', 'count');
    const limit = numberArg(cmd, 'limit');
    const coll = ctx.store.getCollection(ctx.db, name);
    const collation = collationArg(cmd, coll);
    const query = docArg(cmd, 'query');
    const total =
      query && Object.keys(query).length > 0
        ? matchDocuments(coll, query, Number.POSITIVE_INFINITY, collation).length
        : (coll?.size ?? 0);
    let n = Math.max(0, total - (skip ?? 0));
    if (limit) n = Math.min(n, Math.abs(limit));
    return { n };
  },

  distinct: (cmd, ctx) => {
    const name = collectionArg(cmd, 'distinct', ctx);
    if (typeof cmd.key !== 'string')
      throw new CommandError(Codes.TypeMismatch, "'key' must be a string");
    const key = cmd.key;
    const coll = ctx.store.getCollection(ctx.db, name);
    const collation = collationArg(cmd, coll);
    // Values equal under the collation count once, as the first of them seen.
    const reps = collation ? new Representatives(collation) : null;
    const seen = new Map<string, unknown>();
    const query = docArg(cmd, 'query');
    for (const doc of matchDocuments(coll, query, Number.POSITIVE_INFINITY, collation)) {
      for (const leaf of collectLeaves(doc, key)) {
        const v = reps ? reps.of(leaf) : leaf;
        const k = canonicalKey(v);
        if (!seen.has(k)) seen.set(k, v);
      }
    }
    return { values: Array.from(seen.values()).sort(comparatorFor(collation)) };
  },

  aggregate: (cmd, ctx) => {
    const target = cmd.aggregate;
    // The legacy form of explain for aggregate: `explain: true` inside the command.
    if (cmd.explain === true && typeof target === 'string') {
      return explainAggregate(cmd, ctx, 'queryPlanner');
    }
    if (!isPlainObject(cmd.cursor)) {
      throw new CommandError(
        Codes.FailedToParse,
        "The 'cursor' option is required, except for aggregate with the explain argument",
      );
    }
    let [pipeline, out] = splitWriteStage(
      Array.isArray(cmd.pipeline) ? (cmd.pipeline as Doc[]) : [],
      ctx.db,
    );
    let input: Doc[] = [];
    let ns = `${ctx.db}.$cmd.aggregate`;
    let collation = collationArg(cmd, undefined);
    let scored = false;
    if (typeof target === 'string') {
      const name = collectionArg(cmd, 'aggregate', ctx);
      ns = `${ctx.db}.${name}`;
      const coll = ctx.store.getCollection(ctx.db, name);
      collation = collationArg(cmd, coll);
      // A leading $match runs on stored documents directly (no per-document clone, _id lookups).
      const first = pipeline[0];
      const leading = first && isPlainObject(first.$match) ? first.$match : undefined;
      // A first stage that is a $match and nothing else, which can read stored documents.
      const single = leading !== undefined && Object.keys(first as Doc).length === 1;
      if (pipeline.slice(1).some((s) => isPlainObject(s.$match) && splitTextFilter(s.$match))) {
        throw new CommandError(
          17313,
          '$match with $text is only allowed as the first pipeline stage',
        );
      }
      if (leading && splitTextFilter(leading)) {
        const { docs, text } = findDocuments(coll, { filter: leading, collation });
        const scores = text?.scores;
        input = docs.map((d) => ({ ...d, [HIDDEN_SCORE]: scores?.get(d) ?? 0 }));
        pipeline = rewriteTextScore(pipeline.slice(1));
        scored = true;
      } else if (cmd.hint !== undefined) {
        // A hint picks the index the first stage reads, and so the order documents come in.
        input = findDocuments(coll, {
          filter: single ? leading : {},
          hint: cmd.hint,
          collation,
        }).docs;
        if (single) pipeline = pipeline.slice(1);
      } else if (single) {
        input = matchDocuments(coll, leading, Number.POSITIVE_INFINITY, collation);
        pipeline = pipeline.slice(1);
      } else {
        input = coll ? coll.all() : [];
      }
    } else if (target !== 1) {
      throw new CommandError(Codes.FailedToParse, "'aggregate' must be a collection name or 1");
    }
    if (!scored) assertNoTextScore(pipeline);
    const results = runPipeline(
      input,
      pipeline,
      (n) => ctx.store.getCollection(ctx.db, n)?.all() ?? [],
      docArg(cmd, 'let'),
      collation,
    );
    const docs = scored ? stripHiddenScore(results) : results;
    if (out) {
      writeResults(ctx.store, out, docs);
      return cursorReply(ns, ctx.cursors.open(ns, [], {}), 'firstBatch');
    }
    const batchSize = batchSizeOf(cmd);
    return cursorReply(
      ns,
      ctx.cursors.open(ns, docs, batchSize === undefined ? {} : { batchSize }),
      'firstBatch',
    );
  },
};
