import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import { findOnPath, freePort } from './processes.ts';

/**
 * Haven's Redis, found in the order architecture.md sets: the REDIS_URL it is given,
 * the machine's own server on 6379, a `redis-server` it starts itself, and only then an
 * in-process fallback that keeps one node working (presence in memory, Socket.IO's
 * in-memory adapter) with a loud warning. A given URL that does not answer is an error,
 * never a silent fallback: production must not quietly split into islands.
 */
export type RedisBackend = 'url' | 'local' | 'spawned' | 'in-process';

export interface RedisHandle {
  backend: RedisBackend;
  url: string | undefined;
  /** Undefined only for the in-process fallback. */
  client: Redis | undefined;
  describe(): string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface RedisDiscoveryOptions {
  url?: string | undefined;
  localUrl?: string;
  /** The redis-server executable; looked up on PATH by default. */
  redisServerBin?: string | null;
  logger: Logger;
}

const PROBE_TIMEOUT_MS = 1500;

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const QUIT_TIMEOUT_MS = 2000;

/**
 * Closes a client after the commands already sent have their replies. `disconnect()`
 * rejects them with "Connection is closed.", and some senders never catch that (the
 * Socket.IO Redis adapter unsubscribes on close without awaiting): unhandled rejections.
 * A Redis that does not answer QUIT in time is cut off all the same.
 */
export async function quitRedis(client: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, QUIT_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.quit().catch(() => {}), timedOut]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/**
 * While Redis is away a command must fail within a couple of seconds, never wait for it:
 * what needs Redis then answers UNAVAILABLE and the rest of Haven carries on (docs/foundation.md,
 * "Outages"). Reconnecting never stops, at most a second apart, so Redis coming back is
 * noticed at once; a queued command gives up after one failed reconnection, and a Redis that
 * hangs (connected but silent) is given up on after `commandTimeout`.
 */
export const REDIS_CLIENT_OPTIONS = {
  maxRetriesPerRequest: 1,
  retryStrategy: (times: number) => Math.min(times * 100, 1000),
  connectTimeout: 3000,
  commandTimeout: 5000,
} as const;

/** The long-lived client reconnects on its own; the probe above never does. */
function connectedHandle(
  backend: RedisBackend,
  url: string,
  logger: Logger,
  stop?: () => Promise<void>,
): RedisHandle {
  const client = new Redis(url, { ...REDIS_CLIENT_OPTIONS, connectionName: 'haven' });
  // One line per outage, not one per reconnection attempt (ten a second).
  let reported = false;
  client.on('error', (error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error.message, backend }, 'redis connection error');
  });
  client.on('ready', () => {
    if (reported) logger.info({ backend }, 'redis connection back');
    reported = false;
  });
  let closed = false;
  return {
    backend,
    url,
    client,
    describe: () =>
      `${backend === 'url' ? 'REDIS_URL' : backend === 'local' ? 'local server' : 'started redis-server'} at ${url}`,
    async ping() {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await quitRedis(client);
      await stop?.();
    },
  };
}

/**
 * Limits refuse to wait on a client that is not ready (rate-limit.ts), so discovery hands the
 * client over once it is: Redis just answered the probe, so this takes milliseconds.
 */
async function whenReady(handle: RedisHandle): Promise<RedisHandle> {
  const client = handle.client;
  if (!client || client.status === 'ready') return handle;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    once(client, 'ready').catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, REDIS_CLIENT_OPTIONS.connectTimeout);
    }),
  ]);
  clearTimeout(timer);
  return handle;
}

async function startRedisServer(
  bin: string,
  logger: Logger,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with code ${code} before it was ready`)),
    );
  });
  await ready;
  child.stdout?.resume();
  child.stderr?.resume();
  logger.debug({ pid: child.pid, port }, 'redis-server started');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function inProcessHandle(): RedisHandle {
  return {
    backend: 'in-process',
    url: undefined,
    client: undefined,
    describe: () => 'in-process fallback (single node only)',
    ping: async () => true,
    close: async () => {},
  };
}

export async function discoverRedis(options: RedisDiscoveryOptions): Promise<RedisHandle> {
  const { logger } = options;
  if (options.url) {
    if (!(await answers(options.url))) {
      throw new Error(
        `Redis: REDIS_URL is set but nothing answers there (${redactUrl(options.url)})`,
      );
    }
    return whenReady(connectedHandle('url', options.url, logger));
  }
  const localUrl = options.localUrl ?? 'redis://127.0.0.1:6379';
  if (await answers(localUrl)) return whenReady(connectedHandle('local', localUrl, logger));

  const bin =
    options.redisServerBin === undefined ? findOnPath('redis-server') : options.redisServerBin;
  if (bin) {
    try {
      const server = await startRedisServer(bin, logger);
      return whenReady(connectedHandle('spawned', server.url, logger, server.stop));
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'Redis: could not start redis-server');
    }
  }
  logger.warn(
    'Redis: none found (no REDIS_URL, nothing on 127.0.0.1:6379, no redis-server on PATH). ' +
      'Running with in-process presence and Socket.IO in-memory adapter: ONE NODE ONLY. ' +
      'Install redis-server or set REDIS_URL before running more than one Haven process.',
  );
  return inProcessHandle();
}

/** Passwords in URLs never reach the logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//[credentials]@');
}
