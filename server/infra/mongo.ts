import { type ChildProcess, spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mongoose, { type Connection, type ConnectOptions } from 'mongoose';
import type { Logger } from './logger.ts';
import { startStandinProcess } from './mongo-standin/supervisor.ts';
import { findOnPath, freePort } from './processes.ts';
import { redactUrl } from './redis.ts';

/**
 * Haven's MongoDB, found in the order architecture.md sets: MONGODB_URI; a `mongod` on
 * PATH; mongodb-memory-server (which downloads a real mongod where the internet is
 * reachable); and last the in-repo stand-in that speaks the wire protocol, for machines
 * where no mongod can be had. Whatever was taken is said at start and on /healthz.
 */
export type MongoDiscovery = 'uri' | 'mongod' | 'memory-server' | 'stand-in';

export interface MongoHandle {
  discovery: MongoDiscovery;
  /** What /healthz names: "stand-in" whenever the server answering is the stand-in. */
  backend: 'stand-in' | 'mongodb';
  uri: string;
  connection: Connection;
  describe(): string;
  /** True while the stand-in child is down and being restarted (always false otherwise). */
  restarting(): boolean;
  /** How many times the stand-in child has crashed (always 0 otherwise). */
  crashes(): number;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface MongoDiscoveryOptions {
  uri?: string | undefined;
  dataDir: string;
  dbName?: string;
  mongodBin?: string | null;
  allowDownload?: boolean;
  logger: Logger;
}

const DOWNLOAD_HOST = 'fastdl.mongodb.org';

/** How long an operation waits for an unreachable database before it fails. */
const OUTAGE_WAIT_MS = 4_000;

interface Started {
  uri: string;
  where: string;
  stop: () => Promise<void>;
  restarting?: () => boolean;
  crashes?: () => number;
}

async function startMongod(bin: string, dataDir: string): Promise<Started> {
  const dbPath = join(dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dbPath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Waiting for connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`mongod exited with code ${code} before it was ready`)),
    );
  });
  child.stdout?.resume();
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    where: `mongod on 127.0.0.1:${port}, data in ${dbPath}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Bounded, because on an offline machine the download can only fail; how fast depends on the network. */
async function startMemoryServer(dataDir: string, timeoutMs: number): Promise<Started> {
  // Offline, the download would retry for seconds on every start; a DNS answer says at once.
  await lookup(DOWNLOAD_HOST).catch(() => {
    throw new Error(`${DOWNLOAD_HOST} cannot be resolved`);
  });
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = join(dataDir, 'mongo-memory-server');
  mkdirSync(dbPath, { recursive: true });
  const creating = MongoMemoryServer.create({
    instance: { dbPath, ip: '127.0.0.1', storageEngine: 'wiredTiger' },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no mongod within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const server = await Promise.race([creating, timeout]);
    return {
      uri: server.getUri(),
      where: `mongodb-memory-server at ${server.getUri()}, data in ${dbPath}`,
      stop: async () => {
        await server.stop({ doCleanup: false });
      },
    };
  } finally {
    clearTimeout(timer);
    creating.catch(() => {});
  }
}

/** In a child process of its own, so no query ever runs on Haven's event loop. */
async function startStandin(dataDir: string, logger: Logger): Promise<Started> {
  const dir = join(dataDir, 'mongo');
  const standin = await startStandinProcess({ dataDir: dir, host: '127.0.0.1', logger });
  return {
    uri: standin.uri,
    where: `offline stand-in (child process ${standin.pid()}) on 127.0.0.1:${standin.port}, data in ${dir}`,
    stop: () => standin.close(),
    restarting: () => standin.restarting(),
    crashes: () => standin.crashes(),
  };
}

async function find(
  options: MongoDiscoveryOptions,
): Promise<{ discovery: MongoDiscovery } & Started> {
  const { logger, dataDir } = options;
  if (options.uri) {
    return {
      discovery: 'uri',
      uri: options.uri,
      where: `MONGODB_URI ${redactUrl(options.uri)}`,
      stop: async () => {},
    };
  }
  const mongod = options.mongodBin === undefined ? findOnPath('mongod') : options.mongodBin;
  if (mongod) {
    try {
      return { discovery: 'mongod', ...(await startMongod(mongod, dataDir)) };
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'MongoDB: mongod on PATH did not start');
    }
  }
  if (options.allowDownload ?? true) {
    try {
      return { discovery: 'memory-server', ...(await startMemoryServer(dataDir, 60_000)) };
    } catch (error) {
      logger.info(
        { err: (error as Error).message },
        'MongoDB: mongodb-memory-server unavailable (offline?)',
      );
    }
  }
  return { discovery: 'stand-in', ...(await startStandin(dataDir, logger)) };
}

export async function discoverMongo(options: MongoDiscoveryOptions): Promise<MongoHandle> {
  const found = await find(options);
  let connection: Connection;
  try {
    connection = await mongoose
      .createConnection(found.uri, {
        dbName: options.dbName ?? 'haven',
        // Operations issued while a restarted stand-in comes back wait for it (it takes well
        // under a second) instead of failing; the driver then re-checks the server every 500 ms.
        // A database that stays away fails them within a few seconds: the request answers
        // UNAVAILABLE rather than hang (docs/foundation.md, "Outages").
        serverSelectionTimeoutMS: OUTAGE_WAIT_MS,
        // Mongoose queues model operations while disconnected; the same bound applies. A
        // documented connection option its typings lack.
        ...({ bufferTimeoutMS: OUTAGE_WAIT_MS } as ConnectOptions),
        // An idle connection notices the restarted stand-in within 2 s instead of 10 s.
        ...(found.discovery === 'stand-in' ? { heartbeatFrequencyMS: 2_000 } : {}),
      })
      .asPromise();
  } catch (error) {
    await found.stop();
    throw new Error(`MongoDB: cannot connect to ${found.where}: ${(error as Error).message}`);
  }
  const db = connection.db;
  const buildInfo = db ? await db.admin().command({ buildInfo: 1 }) : {};
  const backend = buildInfo.havenStandIn === true ? 'stand-in' : 'mongodb';
  let closed = false;
  return {
    discovery: found.discovery,
    backend,
    uri: found.uri,
    connection,
    describe: () => found.where,
    restarting: () => found.restarting?.() ?? false,
    crashes: () => found.crashes?.() ?? 0,
    async ping() {
      // Known down: answer at once rather than wait out server selection.
      if (found.restarting?.()) return false;
      try {
        const reply = await connection.db?.admin().ping();
        return reply?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await connection.close();
      await found.stop();
    },
  };
}
