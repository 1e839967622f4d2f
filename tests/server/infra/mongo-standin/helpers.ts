import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import {
  type MongoStandin,
  type MongoStandinOptions,
  startMongoStandin,
} from '../../../../server/infra/mongo-standin/index.ts';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** Captures the stand-in's log so tests can assert on unknown commands and failures. */
export function memoryLogger(): {
  entries: LogEntry[];
  logger: NonNullable<MongoStandinOptions['logger']>;
} {
  const entries: LogEntry[] = [];
  return {
    entries,
    logger: {
      info: (obj, msg) => entries.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => entries.push({ level: 'warn', obj, msg }),
      error: (obj, msg) => entries.push({ level: 'error', obj, msg }),
    },
  };
}

export function unknownCommands(entries: LogEntry[]): string[] {
  return entries
    .filter((e) => e.msg === 'mongo stand-in: unknown command')
    .map((e) => (e.obj as { command: string }).command);
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `haven-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function connect(standin: MongoStandin, dbName: string): Promise<mongoose.Connection> {
  return mongoose
    .createConnection(standin.uri, {
      dbName,
      serverSelectionTimeoutMS: 5_000,
      monitorCommands: true,
    })
    .asPromise();
}

/**
 * A file's own stand-in in a temporary folder and a mongoose connection to `dbName`, opened
 * before its tests and closed (folder removed) after; `conn()` is the connection.
 */
export function standinPerFile(prefix: string, dbName: string) {
  let dir = '';
  let standin: MongoStandin | undefined;
  let connection: mongoose.Connection | undefined;
  beforeAll(async () => {
    dir = await makeTempDir(prefix);
    standin = await startMongoStandin({ dataDir: dir });
    connection = await connect(standin, dbName);
  });
  afterAll(async () => {
    await connection?.close();
    await standin?.close();
    if (dir) await removeDir(dir);
  });
  return {
    conn: () => {
      if (!connection) throw new Error('the stand-in has not started');
      return connection;
    },
  };
}

/**
 * A file's own stand-in in a temporary folder, reached through the driver's `Db` for `dbName`
 * (and `admin`), with `restart()` closing it and starting it again on the same folder: for
 * what must outlive a restart.
 */
export function restartableStandinPerFile(prefix: string, dbName: string) {
  let dir = '';
  let standin: MongoStandin | undefined;
  let connection: mongoose.Connection | undefined;
  const start = async () => {
    standin = await startMongoStandin({ dataDir: dir });
    connection = await connect(standin, dbName);
  };
  const stop = async () => {
    await connection?.close();
    await standin?.close();
  };
  beforeAll(async () => {
    dir = await makeTempDir(prefix);
    await start();
  });
  afterAll(async () => {
    await stop();
    if (dir) await removeDir(dir);
  });
  const client = () => {
    if (!connection) throw new Error('the stand-in has not started');
    return connection.getClient();
  };
  return {
    db: (): Db => client().db(dbName) as unknown as Db,
    admin: (): Db => client().db('admin') as unknown as Db,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

/** The error a promise fails with, or null when it succeeds. */
export function refusal(promise: Promise<unknown>): Promise<(Error & { code?: number }) | null> {
  return promise.then(
    () => null,
    (error: Error & { code?: number }) => error,
  );
}

export { startMongoStandin };
