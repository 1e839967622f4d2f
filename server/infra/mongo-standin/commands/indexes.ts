import { cursorReply } from '../cursors.ts';
import { canonicalKey } from '../engine/bson-values.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Collection } from '../store/collection.ts';
import { normalizeIndexSpec } from '../store/indexes.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { batchSizeOf, type CommandHandler, collectionArg, docArrayArg } from './context.ts';

function indexNamesToDrop(coll: Collection, target: unknown): string[] {
  const specs = coll.indexSpecs();
  if (target === '*') return specs.slice(1).map((s) => s.name);
  const wanted = Array.isArray(target) ? target : [target];
  return wanted.map((t) => {
    let spec: Doc | undefined;
    if (typeof t === 'string') spec = specs.find((s) => s.name === t);
    else if (isPlainObject(t)) spec = specs.find((s) => canonicalKey(s.key) === canonicalKey(t));
    else
      throw new CommandError(
        Codes.TypeMismatch,
        "dropIndexes 'index' must be a string, array or object",
      );
    if (!spec) {
      throw new CommandError(
        Codes.IndexNotFound,
        typeof t === 'string'
          ? `index not found with name [${t}]`
          : `can't find index with key: ${JSON.stringify(t)}`,
      );
    }
    if (spec.name === '_id_') throw new CommandError(Codes.InvalidOptions, 'cannot drop _id index');
    return spec.name as string;
  });
}

export const indexCommands: Record<string, CommandHandler> = {
  createIndexes: (cmd, ctx) => {
    const name = collectionArg(cmd, 'createIndexes', ctx);
    const existed = ctx.store.getCollection(ctx.db, name);
    const inherited = existed?.defaultCollation;
    // An index without a collation of its own takes the collection's (mongod does too).
    const specs = docArrayArg(cmd, 'indexes').map((raw) =>
      normalizeIndexSpec(
        inherited && raw.collation === undefined ? { ...raw, collation: inherited.spec } : raw,
      ),
    );
    if (specs.length === 0)
      throw new CommandError(Codes.BadValue, 'Must specify at least one index to create');
    const coll = existed ?? ctx.store.ensureCollection(ctx.db, name);
    const before = coll.indexSpecs().length;
    const created: string[] = [];
    try {
      for (const spec of specs) if (coll.createIndex(spec)) created.push(spec.name);
    } catch (err) {
      // mongod builds a createIndexes batch all-or-nothing.
      for (const n of created) coll.dropIndex(n);
      throw err;
    }
    return {
      numIndexesBefore: before,
      numIndexesAfter: coll.indexSpecs().length,
      createdCollectionAutomatically: !existed,
      ...(created.length === 0 ? { note: 'all indexes already exist' } : {}),
    };
  },

  listIndexes: (cmd, ctx) => {
    const name = collectionArg(cmd, 'listIndexes', ctx);
    const coll = ctx.store.getCollection(ctx.db, name);
    if (!coll)
      throw new CommandError(Codes.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
    const batchSize = batchSizeOf(cmd);
    return cursorReply(
      coll.ns,
      ctx.cursors.open(coll.ns, coll.indexSpecs(), batchSize === undefined ? {} : { batchSize }),
      'firstBatch',
    );
  },

  dropIndexes: (cmd, ctx) => {
    const name = collectionArg(cmd, 'dropIndexes', ctx);
    const coll = ctx.store.getCollection(ctx.db, name);
    if (!coll) throw new CommandError(Codes.NamespaceNotFound, `ns not found ${ctx.db}.${name}`);
    const was = coll.indexSpecs().length;
    for (const n of indexNamesToDrop(coll, cmd.index)) coll.dropIndex(n);
    return { nIndexesWas: was };
  },
};
indexCommands.deleteIndexes = (cmd, ctx) =>
  (indexCommands.dropIndexes as CommandHandler)({ ...cmd, dropIndexes: cmd.deleteIndexes }, ctx);
