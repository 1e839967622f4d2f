import { ObjectId } from 'bson';
import {
  applyUpdate,
  buildUpsertDocument,
  sameDocument,
  validateUpdate,
} from '../engine/updates.ts';
import { Codes, CommandError, toCommandError } from '../errors.ts';
import type { WriteOptions } from '../store/collection.ts';
import { type Doc, isPlainObject } from '../types.ts';
import {
  type CommandContext,
  type CommandHandler,
  collationArg,
  collectionArg,
  docArg,
  docArrayArg,
  writeErrorEntry,
} from './context.ts';
import { findDocuments, matchDocuments } from './matching.ts';

/**
 * Runs each statement of a write batch; ordered batches stop at the first failure, unordered
 * ones collect every failure. Statements already applied stay applied, as in mongod.
 */
function runBatch<T>(items: T[], ordered: boolean, fn: (item: T, index: number) => void): Doc[] {
  const errors: Doc[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      fn(items[i] as T, i);
    } catch (err) {
      errors.push(writeErrorEntry(i, toCommandError(err)));
      if (ordered) break;
    }
  }
  return errors;
}

/** A write command's own options for the collection: bypassDocumentValidation. */
export function writeOptionsOf(cmd: Doc): WriteOptions {
  return { bypassValidation: cmd.bypassDocumentValidation === true };
}

/** mongod stores _id as the first field (the driver appends the _id it generates). */
export function idFirst(raw: Doc): Doc {
  if (raw._id === undefined) return { _id: new ObjectId(), ...raw };
  if (Object.keys(raw)[0] === '_id') return raw;
  const { _id, ...rest } = raw;
  return { _id, ...rest };
}

function withErrors(reply: Doc, errors: Doc[]): Doc {
  return errors.length ? { ...reply, writeErrors: errors } : reply;
}

function arrayFiltersOf(stmt: Doc): Doc[] | undefined {
  const af = stmt.arrayFilters;
  if (af === undefined) return undefined;
  if (!Array.isArray(af) || !af.every(isPlainObject)) {
    throw new CommandError(Codes.TypeMismatch, "'arrayFilters' must be an array of objects");
  }
  return af as Doc[];
}

function runUpdateStatement(
  ctx: CommandContext,
  name: string,
  stmt: Doc,
  index: number,
  out: { n: number; nModified: number; upserted: Doc[] },
  writeOptions: WriteOptions,
): void {
  const filter = docArg(stmt, 'q') ?? {};
  const update = stmt.u;
  const multi = stmt.multi === true;
  const arrayFilters = arrayFiltersOf(stmt);
  const kind = validateUpdate(update, arrayFilters);
  if (multi && kind === 'replacement') {
    throw new CommandError(
      Codes.FailedToParse,
      'multi update is not supported for replacement-style update',
    );
  }
  const coll = ctx.store.getCollection(ctx.db, name);
  const collation = collationArg(stmt, coll);
  const sort = docArg(stmt, 'sort');
  const targets =
    sort && !multi
      ? findDocuments(coll, { filter, sort, limit: 1, collation }).docs
      : matchDocuments(coll, filter, multi ? Number.POSITIVE_INFINITY : 1, collation);
  if (targets.length === 0) {
    if (stmt.upsert === true) {
      const doc = buildUpsertDocument(filter, update, arrayFilters);
      ctx.store.ensureCollection(ctx.db, name).insert(doc, writeOptions);
      out.n++;
      out.upserted.push({ index, _id: doc._id });
    }
    return;
  }
  // A multi update refused at one document (duplicate key, a path it cannot create...) keeps the
  // documents already updated but, as in mongod, the failed statement adds nothing to n/nModified.
  let n = 0;
  let nModified = 0;
  for (const old of targets) {
    const updated = applyUpdate(old, update, { filter, ...(arrayFilters ? { arrayFilters } : {}) });
    const changed = !sameDocument(old, updated);
    if (changed) coll?.replace(old, updated, writeOptions);
    n++;
    if (changed) nModified++;
  }
  out.n += n;
  out.nModified += nModified;
}

export const writeCommands: Record<string, CommandHandler> = {
  insert: (cmd, ctx) => {
    const name = collectionArg(cmd, 'insert', ctx);
    const docs = docArrayArg(cmd, 'documents');
    const coll = ctx.store.ensureCollection(ctx.db, name);
    let n = 0;
    const writeOptions = writeOptionsOf(cmd);
    const errors = runBatch(docs, cmd.ordered !== false, (raw) => {
      coll.insert(idFirst(raw), writeOptions);
      n++;
    });
    return withErrors({ n }, errors);
  },

  update: (cmd, ctx) => {
    const name = collectionArg(cmd, 'update', ctx);
    const stmts = docArrayArg(cmd, 'updates');
    const out = { n: 0, nModified: 0, upserted: [] as Doc[] };
    const writeOptions = writeOptionsOf(cmd);
    const errors = runBatch(stmts, cmd.ordered !== false, (stmt, i) =>
      runUpdateStatement(ctx, name, stmt, i, out, writeOptions),
    );
    const reply: Doc = { n: out.n, nModified: out.nModified };
    if (out.upserted.length) reply.upserted = out.upserted;
    return withErrors(reply, errors);
  },

  delete: (cmd, ctx) => {
    const name = collectionArg(cmd, 'delete', ctx);
    const stmts = docArrayArg(cmd, 'deletes');
    let n = 0;
    const errors = runBatch(stmts, cmd.ordered !== false, (stmt) => {
      const limit = Number(stmt.limit ?? 0);
      if (limit !== 0 && limit !== 1) {
        throw new CommandError(
          Codes.FailedToParse,
          'The limit field in delete objects must be 0 or 1.',
        );
      }
      const coll = ctx.store.getCollection(ctx.db, name);
      const targets = matchDocuments(
        coll,
        docArg(stmt, 'q') ?? {},
        limit === 1 ? 1 : Number.POSITIVE_INFINITY,
        collationArg(stmt, coll),
      );
      for (const doc of targets) coll?.remove(doc);
      n += targets.length;
    });
    return withErrors({ n }, errors);
  },
};
