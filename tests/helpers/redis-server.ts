import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll } from 'vitest';
import { findOnPath, freePort } from '../../server/infra/processes.ts';
import { discoverRedis } from '../../server/infra/redis.ts';
import { startTestHaven, type TestHaven } from './haven.ts';
import { capturingLogger } from './logger.ts';

/**
 * A redis-server of a test's own, on a port it chooses, to stop and start again: Redis
 * outages without touching the machine's Redis that other tests share.
 */
export async function startRedis(port: number): Promise<ChildProcess> {
  const bin = findOnPath('redis-server');
  if (!bin) throw new Error('redis-server is not installed; `npm test` installs it');
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

export async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/**
 * A file's Haven on a redis-server of its own, to stop and start again under it: Redis
 * outages. `unhandled` collects unhandled rejections meanwhile (an outage must cause none).
 */
export function havenOnOwnRedis() {
  let port = 0;
  let server: ChildProcess | undefined;
  const onUnhandled = (reason: unknown) => outage.unhandled.push(reason);
  const outage = {
    haven: undefined as unknown as TestHaven,
    unhandled: [] as unknown[],
    /** Redis goes away (the process ends). */
    stopRedis: async () => {
      if (server) await stopRedis(server);
    },
    /** Redis comes back on the same port, empty, as after a restart without persistence. */
    startRedis: async () => {
      server = await startRedis(port);
    },
  };
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    port = await freePort();
    server = await startRedis(port);
    const { logger } = capturingLogger();
    const redis = await discoverRedis({ url: `redis://127.0.0.1:${port}`, logger });
    outage.haven = await startTestHaven({ redis });
  });
  afterAll(async () => {
    await outage.haven?.close();
    await outage.stopRedis();
    process.off('unhandledRejection', onUnhandled);
  });
  return outage;
}
