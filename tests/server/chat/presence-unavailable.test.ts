import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Presence } from '../../../server/chat/presence.ts';
import { freePort } from '../../../server/infra/processes.ts';
import { startRedis, stopRedis } from '../../helpers/redis-server.ts';

// Presence when Redis is gone, silent, or back again: every call rejects with UNAVAILABLE,
// nothing escapes as an unhandled rejection, and the same instance works once Redis returns.

const VISIBLE = { invisible: false, lastSeen: true };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Lets any rejection nobody handled reach the process before the test looks. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function everyCallIsUnavailable(p: Presence): Promise<void> {
  const unavailable = { name: 'AppError', code: 'UNAVAILABLE' };
  await expect(p.connect('m1', 'tab', 'online', VISIBLE)).rejects.toMatchObject(unavailable);
  await expect(p.heartbeat('m1', 'tab', 'away', VISIBLE)).rejects.toMatchObject(unavailable);
  await expect(
    p.heartbeats([{ userId: 'm1', connectionId: 'tab', state: 'away', settings: VISIBLE }]),
  ).rejects.toMatchObject(unavailable);
  await expect(p.disconnect('m1', 'tab', VISIBLE)).rejects.toMatchObject(unavailable);
  await expect(p.statesOf(['m1', 'm2'])).rejects.toMatchObject(unavailable);
  await expect(p.sweepExpired()).rejects.toMatchObject(unavailable);
  await expect(p.forgetLastSeen('m1')).rejects.toMatchObject(unavailable);
}

describe('presence without Redis', () => {
  it('rejects with UNAVAILABLE when nothing listens, and never crashes', async () => {
    const client = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    const errors: Error[] = [];
    client.on('error', (error) => errors.push(error));
    cleanups.push(() => client.disconnect());
    await everyCallIsUnavailable(new Presence({ redis: client, namespace: 'unreachable' }));
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('rejects with UNAVAILABLE when Redis accepts but never answers', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const address = silent.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const client = new Redis(`redis://127.0.0.1:${address.port}`, { retryStrategy: () => null });
    client.on('error', () => {});
    cleanups.push(async () => {
      for (const socket of held) socket.destroy();
      silent.close();
      await once(silent, 'close');
    });
    cleanups.push(() => client.disconnect());
    const p = new Presence({ redis: client, namespace: 'silent', timeoutMs: 200 });
    await everyCallIsUnavailable(p);
    // The commands still queued are rejected now, with nobody awaiting them any more.
    client.disconnect();
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('works again by itself once Redis comes back', async () => {
    const port = await freePort();
    let server = await startRedis(port);
    cleanups.push(() => stopRedis(server));
    const client = new Redis(`redis://127.0.0.1:${port}`, {
      maxRetriesPerRequest: 0,
      retryStrategy: () => 100,
    });
    client.on('error', () => {});
    cleanups.push(() => client.disconnect());
    const p = new Presence({ redis: client, namespace: 'comeback', timeoutMs: 1_000 });
    expect((await p.connect('m1', 'tab', 'online', VISIBLE)).state).toBe('online');

    await stopRedis(server);
    await everyCallIsUnavailable(p);

    // A fresh server has neither the data nor the scripts; presence rebuilds from beats.
    server = await startRedis(port);
    await expect
      .poll(
        () =>
          p.connect('m1', 'tab', 'online', VISIBLE).then(
            (r) => r.state,
            (e) => e.code,
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe('online');
    expect((await p.statesOf(['m1'])).get('m1')?.state).toBe('online');
    await settle();
    expect(unhandled).toEqual([]);
  });
});
