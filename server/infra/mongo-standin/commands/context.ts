import type { CursorRegistry } from '../cursors.ts';
import { type Collation, resolveCollation } from '../engine/collation.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Collection } from '../store/collection.ts';
import type { Store } from '../store/store.ts';
import { validateCollectionName } from '../store/store.ts';
import type { ServerParameters } from '../ttl.ts';
import { type Doc, isPlainObject } from '../types.ts';
import type { ConnectionInfo } from '../wire/server.ts';

export interface ServerInfo {
  startedAt: Date;
  host: () => string;
  connections: () => number;
  /** Journal counters, exposed in serverStatus so group commit can be observed. */
  journal: () => { appends: number; syncs: number };
  /** What setParameter changes (the TTL monitor reads it before each sweep). */
  parameters: ServerParameters;
}

export interface CommandContext {
  db: string;
  store: Store;
  cursors: CursorRegistry;
  conn: ConnectionInfo;
  server: ServerInfo;
}

/**
 * Handlers are synchronous on purpose: the dispatcher drains the store's journal records
 * right after a handler returns, and nothing else may run in between.
 */
export type CommandHandler = (cmd: Doc, ctx: CommandContext) => Doc;

/** Generic fields every command may carry; never part of a command's own options. */
export const GENERIC_FIELDS = new Set([
  '$db',
  'lsid',
  '$clusterTime',
  'txnNumber',
  'autocommit',
  'startTransaction',
  'readConcern',
  'writeConcern',
  '$readPreference',
  'comment',
  'maxTimeMS',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
]);

export function collectionArg(cmd: Doc, field: string, ctx: CommandContext): string {
  const v = cmd[field];
  if (typeof v !== 'string') {
    throw new CommandError(
      Codes.InvalidNamespace,
      `collection name has invalid type ${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v}`,
    );
  }
  return validateCollectionName(ctx.db, v);
}

export function numberArg(cmd: Doc, field: string): number | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) {
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field '${field}' is the wrong type, expected a number`,
    );
  }
  return n;
}

export function nonNegativeArg(cmd: Doc, field: string, command: string): number | undefined {
  const n = numberArg(cmd, field);
  if (n !== undefined && n < 0) {
    throw new CommandError(
      Codes.BadValue,
      `BSON field '${command}.${field}' value must be >= 0, actual value '${n}'`,
    );
  }
  return n;
}

export function docArg(cmd: Doc, field: string): Doc | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) {
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field '${field}' is the wrong type, expected an object`,
    );
  }
  return v;
}

/** A command's (or statement's) `collation`, else its collection's default; validated either way. */
export function collationArg(cmd: Doc, coll: Collection | undefined): Collation | null {
  return resolveCollation(cmd.collation, coll?.defaultCollation ?? null);
}

export function docArrayArg(cmd: Doc, field: string): Doc[] {
  const v = cmd[field];
  if (!Array.isArray(v) || !v.every(isPlainObject)) {
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field '${field}' is missing or not an array of objects`,
    );
  }
  return v as Doc[];
}

export function batchSizeOf(cmd: Doc): number | undefined {
  const cursor = cmd.cursor;
  if (!isPlainObject(cursor)) return undefined;
  return nonNegativeArg(cursor, 'batchSize', 'cursor');
}

/** A `writeErrors` entry in mongod's shape. */
export function writeErrorEntry(index: number, err: CommandError): Doc {
  return { index, code: err.code, ...err.extra, errmsg: err.message };
}
