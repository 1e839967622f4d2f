import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../server/infra/processes.ts';
import { discoverRedis } from '../../../server/infra/redis.ts';
import { healthSchema } from '../../../shared/health.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { capturingLogger } from '../../helpers/logger.ts';
import { startRedis, stopRedis } from '../../helpers/redis-server.ts';
import {
  call,
  clientId,
  closeChatSockets,
  codeOf,
  groupWith,
  must,
  next,
  openChatSocket,
} from './helpers.ts';

/**
 * Redis goes away under a running node and comes back: the node stays up, /healthz says
 * degraded, chat refuses with UNAVAILABLE what it cannot do safely (its limits live in Redis)
 * while history still reads, and everything works again by itself when Redis returns.
 */

let port: number;
let redisServer: ChildProcess;
let haven: TestHaven;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  port = await freePort();
  redisServer = await startRedis(port);
  const { logger } = capturingLogger();
  const redis = await discoverRedis({ url: `redis://127.0.0.1:${port}`, logger });
  haven = await startTestHaven({ redis });
});
afterAll(async () => {
  closeChatSockets();
  await haven?.close();
  await stopRedis(redisServer);
  process.off('unhandledRejection', onUnhandled);
});

const health = async () => healthSchema.parse(await (await fetch(`${haven.url}/healthz`)).json());

describe('group chat through a Redis outage', () => {
  it('answers UNAVAILABLE while Redis is down, stays up, and recovers by itself', async () => {
    const { groupId, members } = await groupWith(haven, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(haven, ana.client);
    const benSocket = await openChatSocket(haven, ben.client);
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'before' });

    await stopRedis(redisServer);
    await expect.poll(async () => (await health()).status).toBe('degraded');
    const refused = await call(anaSocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'lost?',
    });
    expect(codeOf(refused)).toBe('UNAVAILABLE');
    // What needs only MongoDB still works.
    const { messages } = await must(benSocket, 'chat:history', { groupId });
    expect(messages.map((m) => m.text)).toEqual(['before']);

    redisServer = await startRedis(port);
    await expect.poll(async () => (await health()).status, { timeout: 15_000 }).toBe('ok');
    // The adapter's subscriptions come back too: a line reaches the other member.
    const delivered = next(benSocket, 'chat:message', (m) => m.text === 'after');
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'after' });
    await delivered;
    expect(unhandled).toEqual([]);
  });
});
