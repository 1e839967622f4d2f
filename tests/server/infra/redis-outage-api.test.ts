import { afterAll, describe, expect, it } from 'vitest';
import { healthSchema } from '../../../shared/health.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import { havenOnOwnRedis } from '../../helpers/redis-server.ts';
import { call, closeChatSockets, codeOf, groupWith, openChatSocket } from '../chat/helpers.ts';

/**
 * Redis goes away under a running Haven (its own redis-server, stopped and started again):
 * the REST API keeps serving what needs only MongoDB, the limits fall back to this process's
 * own counts, what needs Redis answers UNAVAILABLE with a wait, and all recovers by itself.
 */

const outage = havenOnOwnRedis();
afterAll(closeChatSockets);

const health = async () =>
  healthSchema.parse(await (await fetch(`${outage.haven.url}/healthz`)).json());

/** A request and how long it took: nothing may hang while Redis is away. */
async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = Date.now();
  const answer = await request();
  return { answer, ms: Date.now() - started };
}

describe('the REST API through a Redis outage', () => {
  it('keeps serving what needs only MongoDB, limits per process, refuses the rest with 503', async () => {
    const { groupId, founder, members } = await groupWith(outage.haven, ['Ana']);
    const ana = members[0] as (typeof members)[0];
    const anaSocket = await openChatSocket(outage.haven, ana.client);

    await outage.stopRedis();
    await expect.poll(async () => (await health()).status).toBe('degraded');
    expect((await health()).redis.ok).toBe(false);

    const anonymous = new ApiClient(outage.haven.url);
    const publicRead = await timed(() => anonymous.get('/api/meetings'));
    expect(publicRead.answer.status).toBe(200);
    expect(publicRead.ms).toBeLessThan(3_000);
    // A signed-in request reads its session's mark in Redis when it can: without Redis it
    // reads the session from the database at once, never waiting for a reconnection.
    const signedIn = await timed(() => ana.client.get('/api/me'));
    expect(signedIn.answer.status).toBe(200);
    expect(signedIn.answer.body.user.id).toBe(ana.id);
    expect(signedIn.ms).toBeLessThan(500);
    const write = await founder.client.post('/api/groups', {
      name: `Outage group ${process.pid}-${Date.now()}`,
      description: 'Made while Redis was away.',
      language: 'en',
      kind: 'area',
      area: { country: 'AU', city: 'Sydney' },
    });
    expect(write.status).toBe(201);
    expect((await founder.client.get(`/api/groups/${write.body.group.id}`)).status).toBe(200);

    // Ten wrong passwords per account in 15 minutes, counted by this process meanwhile.
    const guesser = await ApiClient.signedOut(outage.haven.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++)
      statuses.push((await guesser.login(ana.email, 'wrong password entirely')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);

    // Who is online lives in Redis alone: refused with a wait, not an error.
    const who = await timed(() => call(anaSocket, 'chat:who', { groupId }));
    expect(codeOf(who.answer)).toBe('UNAVAILABLE');
    expect(who.answer.ok ? undefined : who.answer.error.retryAfter).toBeGreaterThan(0);
    expect(who.ms).toBeLessThan(3_000);

    await outage.startRedis();
    await expect.poll(async () => (await health()).status, { timeout: 15_000 }).toBe('ok');
    await expect
      .poll(async () => codeOf(await call(anaSocket, 'chat:who', { groupId })), {
        timeout: 10_000,
      })
      .toBe('accepted');
    expect((await anonymous.get('/api/meetings')).status).toBe(200);
    expect(outage.unhandled).toEqual([]);
  });
});
