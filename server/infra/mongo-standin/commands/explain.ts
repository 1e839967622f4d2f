import { formatInterval } from '../engine/index-bounds.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Collection } from '../store/collection.ts';
import type { QueryPlan } from '../store/query-plan.ts';
import { type Doc, isPlainObject } from '../types.ts';
import {
  type CommandContext,
  type CommandHandler,
  collationArg,
  collectionArg,
  docArg,
  nonNegativeArg,
  numberArg,
} from './context.ts';
import { type FindRequest, type FindResult, findDocuments } from './matching.ts';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

/** mongod's `indexBounds`: per index field, its intervals in scan order. */
function indexBounds(plan: QueryPlan): Doc {
  const index = plan.index;
  if (!index) return {};
  const bounds: Doc = {};
  index.fields.forEach((field, i) => {
    const dir = (index.directions[i] as number) * plan.direction;
    const boxes = plan.direction < 0 ? plan.boxes.slice().reverse() : plan.boxes;
    const shown = boxes.map((box) => formatInterval(box[i], dir));
    bounds[field] = shown.filter((s, k) => shown.indexOf(s) === k);
  });
  return bounds;
}

/**
 * The plan as mongod's stage tree (LIMIT/SKIP/SORT over FETCH over IXSCAN, or COLLSCAN). With
 * `stats`, each stage carries the counters of the run, as in executionStats.executionStages.
 */
function stageTree(req: FindRequest, result: FindResult, filter: Doc, stats: boolean): Doc {
  const { plan } = result;
  const n = result.docs.length;
  const withStats = (stage: Doc, extra: Doc): Doc =>
    stats ? { ...stage, nReturned: n, ...extra } : stage;
  let tree: Doc;
  if (result.text) {
    // mongod's shape: TEXT_MATCH (phrases, negations) over FETCH over TEXT_OR over the index.
    const { index, query } = result.text;
    const ixscan = { stage: 'IXSCAN', keyPattern: index.key, indexName: index.name };
    tree = withStats(
      {
        stage: 'TEXT_MATCH',
        indexPrefix: {},
        indexName: index.name,
        parsedTextQuery: {
          terms: query.terms,
          negatedTerms: query.negatedTerms,
          phrases: query.phrases,
          negatedPhrases: query.negatedPhrases,
        },
        textIndexVersion: 3,
        inputStage: { stage: 'FETCH', inputStage: { stage: 'TEXT_OR', inputStage: ixscan } },
      },
      { docsExamined: result.stats.docsExamined },
    );
  } else if (plan.stage === 'IXSCAN' && plan.index) {
    const ix = plan.index;
    const scan = withStats(
      {
        stage: 'IXSCAN',
        keyPattern: ix.spec.key,
        indexName: ix.name,
        isMultiKey: ix.multikey,
        isUnique: ix.unique || ix.name === '_id_',
        isSparse: false,
        isPartial: false,
        indexVersion: 2,
        direction: plan.direction < 0 ? 'backward' : 'forward',
        indexBounds: indexBounds(plan),
      },
      { keysExamined: result.stats.keysExamined },
    );
    tree = withStats(
      { stage: 'FETCH', ...(Object.keys(filter).length ? { filter } : {}), inputStage: scan },
      { docsExamined: result.stats.docsExamined },
    );
  } else {
    tree = withStats(
      {
        stage: 'COLLSCAN',
        ...(Object.keys(filter).length ? { filter } : {}),
        direction: 'forward',
      },
      { docsExamined: result.stats.docsExamined },
    );
  }
  if (result.sortedInMemory && req.sort) {
    const limit = req.limit ? (req.skip ?? 0) + Math.abs(req.limit) : undefined;
    tree = withStats(
      {
        stage: 'SORT',
        sortPattern: req.sort,
        type: 'simple',
        ...(limit ? { limitAmount: limit } : {}),
        inputStage: tree,
      },
      {},
    );
  } else if (req.limit) {
    tree = withStats(
      { stage: 'LIMIT', limitAmount: (req.skip ?? 0) + Math.abs(req.limit), inputStage: tree },
      {},
    );
  }
  if (req.skip) tree = withStats({ stage: 'SKIP', skipAmount: req.skip, inputStage: tree }, {});
  return tree;
}

function explainSections(
  ns: string,
  coll: Collection | undefined,
  req: FindRequest,
  verbosity: string,
): Doc {
  const started = performance.now();
  const result = findDocuments(coll, req);
  const ms = Math.round(performance.now() - started);
  const filter = req.filter ?? {};
  const out: Doc = {
    queryPlanner: {
      namespace: ns,
      indexFilterSet: false,
      parsedQuery: filter,
      winningPlan: stageTree(req, result, filter, false),
      rejectedPlans: [],
    },
  };
  if (verbosity !== 'queryPlanner') {
    out.executionStats = {
      executionSuccess: true,
      nReturned: result.docs.length,
      executionTimeMillis: ms,
      totalKeysExamined: result.stats.keysExamined,
      totalDocsExamined: result.stats.docsExamined,
      executionStages: stageTree(req, result, filter, true),
    };
  }
  return out;
}

function explainFind(inner: Doc, ctx: CommandContext, verbosity: string): Doc {
  const name = collectionArg(inner, 'find', ctx);
  const ns = `${ctx.db}.${name}`;
  const coll = ctx.store.getCollection(ctx.db, name);
  const req: FindRequest = {
    filter: docArg(inner, 'filter'),
    sort: docArg(inner, 'sort'),
    skip: nonNegativeArg(inner, 'skip', 'find'),
    limit: numberArg(inner, 'limit'),
    hint: inner.hint,
    collation: collationArg(inner, coll),
  };
  return {
    explainVersion: '1',
    ...explainSections(ns, coll, req, verbosity),
    command: inner,
  };
}

/**
 * An aggregate's plan: a leading `$match` is what reads the collection (commands/read.ts runs it
 * on stored documents), so it is explained as a find; later stages are listed as given.
 */
export function explainAggregate(inner: Doc, ctx: CommandContext, verbosity: string): Doc {
  const name = collectionArg(inner, 'aggregate', ctx);
  const ns = `${ctx.db}.${name}`;
  const pipeline = Array.isArray(inner.pipeline) ? (inner.pipeline as Doc[]) : [];
  const first = pipeline[0];
  const leadingMatch = first && isPlainObject(first.$match) && Object.keys(first).length === 1;
  const coll = ctx.store.getCollection(ctx.db, name);
  const req: FindRequest = {
    filter: leadingMatch ? (first.$match as Doc) : undefined,
    hint: inner.hint,
    collation: collationArg(inner, coll),
  };
  const sections = explainSections(ns, coll, req, verbosity);
  const rest = leadingMatch ? pipeline.slice(1) : pipeline;
  if (rest.length === 0) return { explainVersion: '1', ...sections, command: inner };
  return { explainVersion: '1', stages: [{ $cursor: sections }, ...rest], command: inner };
}

export function verbosityArg(cmd: Doc): string {
  const v = cmd.verbosity ?? 'allPlansExecution';
  if (typeof v !== 'string' || !VERBOSITIES.has(v)) {
    throw new CommandError(
      Codes.BadValue,
      `verbosity string must be one of ${[...VERBOSITIES].join(', ')}`,
    );
  }
  return v;
}

export const explainCommands: Record<string, CommandHandler> = {
  explain: (cmd, ctx) => {
    const inner = cmd.explain;
    if (!isPlainObject(inner) || Object.keys(inner).length === 0) {
      throw new CommandError(
        Codes.TypeMismatch,
        "BSON field 'explain.explain' is the wrong type, expected type 'object'",
      );
    }
    const verbosity = verbosityArg(cmd);
    const command = Object.keys(inner)[0];
    if (command === 'find') return explainFind(inner, ctx, verbosity);
    if (command === 'aggregate' && typeof inner.aggregate === 'string')
      return explainAggregate(inner, ctx, verbosity);
    throw new CommandError(
      Codes.CommandNotSupported,
      `explain of '${command}' is not supported by the MongoDB stand-in`,
    );
  },
};
