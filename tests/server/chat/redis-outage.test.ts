import { afterAll, describe, expect, it } from 'vitest';
import { healthSchema } from '../../../shared/health.ts';
import { havenOnOwnRedis } from '../../helpers/redis-server.ts';
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

const outage = havenOnOwnRedis();
afterAll(closeChatSockets);

const health = async () =>
  healthSchema.parse(await (await fetch(`${outage.haven.url}/healthz`)).json());

describe('group chat through a Redis outage', () => {
  it('answers UNAVAILABLE while Redis is down, stays up, and recovers by itself', async () => {
    const { groupId, members } = await groupWith(outage.haven, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(outage.haven, ana.client);
    const benSocket = await openChatSocket(outage.haven, ben.client);
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'before' });

    await outage.stopRedis();
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

    await outage.startRedis();
    await expect.poll(async () => (await health()).status, { timeout: 15_000 }).toBe('ok');
    // The adapter's subscriptions come back too: a line reaches the other member.
    const delivered = next(benSocket, 'chat:message', (m) => m.text === 'after');
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'after' });
    await delivered;
    expect(outage.unhandled).toEqual([]);
  });
});
