import { calculateObjectSize } from 'bson';
import { cursorReply } from '../cursors.ts';
import { parseCollation } from '../engine/collation.ts';
import { compileFilter } from '../engine/query.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Collection } from '../store/collection.ts';
import { validateDbName } from '../store/store.ts';
import { timeseriesOptions } from '../store/timeseries.ts';
import type { Doc } from '../types.ts';
import {
  batchSizeOf,
  type CommandHandler,
  collectionArg,
  docArg,
  GENERIC_FIELDS,
} from './context.ts';

function dataSize(colls: Collection[]): { objects: number; bytes: number } {
  let objects = 0;
  let bytes = 0;
  for (const c of colls) {
    for (const d of c.docs.values()) {
      objects++;
      bytes += calculateObjectSize(d);
    }
  }
  return { objects, bytes };
}

function collectionInfo(c: Collection): Doc {
  return {
    name: c.name,
    type: c.options.timeseries ? 'timeseries' : 'collection',
    options: c.options,
    info: { readOnly: false, uuid: c.uuid },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  };
}

function splitNamespace(ns: unknown): [string, string] {
  const s = typeof ns === 'string' ? ns : '';
  const dot = s.indexOf('.');
  if (dot <= 0 || dot === s.length - 1) {
    throw new CommandError(Codes.InvalidNamespace, `Invalid namespace specified '${s}'`);
  }
  return [s.slice(0, dot), s.slice(dot + 1)];
}

export const ddlCommands: Record<string, CommandHandler> = {
  create: (cmd, ctx) => {
    const name = collectionArg(cmd, 'create', ctx);
    if (cmd.viewOn !== undefined) {
      throw new CommandError(
        Codes.CommandNotSupported,
        'views are not supported by the MongoDB stand-in',
      );
    }
    if (cmd.capped && typeof cmd.size !== 'number') {
      throw new CommandError(
        Codes.InvalidOptions,
        "the 'size' field is required when 'capped' is true",
      );
    }
    const options: Doc = {};
    for (const [k, v] of Object.entries(cmd))
      if (k !== 'create' && !GENERIC_FIELDS.has(k)) options[k] = v;
    if (options.timeseries !== undefined)
      options.timeseries = timeseriesOptions(options.timeseries);
    else if (options.expireAfterSeconds !== undefined)
      throw new CommandError(
        Codes.InvalidOptions,
        "'expireAfterSeconds' is only supported on time-series collections",
      );
    if (options.collation !== undefined) {
      // Stored (and listed) with every field filled in, as mongod does; a simple one is no option.
      const collation = parseCollation(options.collation);
      if (collation) options.collation = collation.spec;
      else delete options.collation;
    }
    ctx.store.createCollection(ctx.db, name, options);
    return {};
  },

  drop: (cmd, ctx) => {
    const name = collectionArg(cmd, 'drop', ctx);
    const dropped = ctx.store.dropCollection(ctx.db, name);
    // Like mongod 7, dropping a missing collection succeeds.
    return dropped ? { nIndexesWas: dropped.indexSpecs().length, ns: dropped.ns } : {};
  },

  dropDatabase: (_cmd, ctx) => {
    ctx.store.dropDatabase(ctx.db);
    return { dropped: ctx.db };
  },

  listDatabases: (cmd, ctx) => {
    const filter = compileFilter(docArg(cmd, 'filter'));
    let totalSize = 0;
    const databases: Doc[] = [];
    for (const name of ctx.store.databaseNames()) {
      const colls = ctx.store.collections(name);
      const sizeOnDisk = cmd.nameOnly === true ? 0 : Math.max(4096, dataSize(colls).bytes);
      const entry: Doc = cmd.nameOnly === true ? { name } : { name, sizeOnDisk, empty: false };
      if (!filter(entry)) continue;
      totalSize += sizeOnDisk;
      databases.push(entry);
    }
    return cmd.nameOnly === true
      ? { databases }
      : { databases, totalSize, totalSizeMb: Math.floor(totalSize / (1024 * 1024)) };
  },

  listCollections: (cmd, ctx) => {
    const filter = compileFilter(docArg(cmd, 'filter'));
    const nameOnly = cmd.nameOnly === true;
    const entries = ctx.store
      .collections(ctx.db)
      .map(collectionInfo)
      .filter((e) => filter(e))
      .map((e) => (nameOnly ? { name: e.name, type: e.type } : e));
    const ns = `${ctx.db}.$cmd.listCollections`;
    const batchSize = batchSizeOf(cmd);
    return cursorReply(
      ns,
      ctx.cursors.open(ns, entries, batchSize === undefined ? {} : { batchSize }),
      'firstBatch',
    );
  },

  renameCollection: (cmd, ctx) => {
    const [fromDb, from] = splitNamespace(cmd.renameCollection);
    const [toDb, to] = splitNamespace(cmd.to);
    validateDbName(fromDb);
    ctx.store.renameCollection(fromDb, from, toDb, to, cmd.dropTarget === true);
    return {};
  },

  dbStats: (_cmd, ctx) => {
    const colls = ctx.store.collections(ctx.db);
    const { objects, bytes } = dataSize(colls);
    const indexes = colls.reduce((n, c) => n + c.indexSpecs().length, 0);
    return {
      db: ctx.db,
      collections: colls.length,
      views: 0,
      objects,
      avgObjSize: objects ? bytes / objects : 0,
      dataSize: bytes,
      storageSize: bytes,
      indexes,
      indexSize: 0,
      totalSize: bytes,
      scaleFactor: 1,
    };
  },
};
