import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath, freePort } from '../../../server/infra/processes.ts';
import { discoverRedis, type RedisHandle } from '../../../server/infra/redis.ts';
import { capturingLogger } from '../../helpers/logger.ts';

// Each step of the discovery order in architecture.md, against real redis-server processes.
const redisServer = findOnPath('redis-server');
if (!redisServer) throw new Error('redis-server is not installed; `npm test` installs it');

const handles: RedisHandle[] = [];
const children: Array<ReturnType<typeof spawn>> = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
});

async function startOwnRedis(): Promise<number> {
  const port = await freePort();
  const child = spawn(
    redisServer as string,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  children.push(child);
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  return port;
}

/** A port nothing listens on, standing in for "no local Redis on 6379". */
async function closedUrl(): Promise<string> {
  return `redis://127.0.0.1:${await freePort()}`;
}

describe('Redis discovery', () => {
  it('1. takes REDIS_URL when it is given and answers', async () => {
    const port = await startOwnRedis();
    const { logger } = capturingLogger();
    const handle = await discoverRedis({ url: `redis://127.0.0.1:${port}`, logger });
    handles.push(handle);
    expect(handle.backend).toBe('url');
    await handle.client?.set('haven:test:url', 'yes');
    expect(await handle.client?.get('haven:test:url')).toBe('yes');
  });

  it('1b. refuses to start when REDIS_URL is given but nothing answers, instead of faking it', async () => {
    const { logger } = capturingLogger();
    await expect(discoverRedis({ url: await closedUrl(), logger })).rejects.toThrow(
      /REDIS_URL is set but nothing answers/,
    );
  });

  it('2. takes the local server on 127.0.0.1:6379 when no URL is given', async () => {
    const { logger } = capturingLogger();
    const handle = await discoverRedis({ logger });
    handles.push(handle);
    expect(handle.backend).toBe('local');
    expect(handle.url).toBe('redis://127.0.0.1:6379');
    expect(await handle.ping()).toBe(true);
  });

  it('3. starts redis-server on a free port when nothing answers locally', async () => {
    const { logger } = capturingLogger();
    const handle = await discoverRedis({ localUrl: await closedUrl(), logger });
    handles.push(handle);
    expect(handle.backend).toBe('spawned');
    expect(handle.url).not.toBe('redis://127.0.0.1:6379');
    const info = await handle.client?.info('server');
    expect(info).toMatch(/redis_version:/);
    const url = handle.url as string;
    await handle.close();
    const { logger: probeLogger } = capturingLogger();
    // The server it started goes away with it: nothing is left running.
    await expect(discoverRedis({ url, logger: probeLogger })).rejects.toThrow(/nothing answers/);
  });

  it('4. falls back to in-process, single node, with a warning when no Redis can be had', async () => {
    const { logger, lines } = capturingLogger();
    const handle = await discoverRedis({
      localUrl: await closedUrl(),
      redisServerBin: null,
      logger,
    });
    handles.push(handle);
    expect(handle.backend).toBe('in-process');
    expect(handle.client).toBeUndefined();
    const warning = lines().find((line) => line.level === 40);
    expect(String(warning?.msg)).toMatch(/ONE NODE ONLY/);
  });
});
