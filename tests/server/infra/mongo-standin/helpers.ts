import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
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

export { startMongoStandin };
