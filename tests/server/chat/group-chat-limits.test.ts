import { describe, expect, it } from 'vitest';
import { call, clientId, codeOf, groupWith, openChatSocket, twoNodes } from './helpers.ts';

/** The send limit as production sets it, shared by two nodes through Redis. */

const nodes = twoNodes();

describe('group chat limits', () => {
  it('limits each member’s lines per moment in Redis, across nodes, with RATE_LIMITED', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana']);
    const ana = members[0] as (typeof members)[0];
    const onA = await openChatSocket(nodes.a, ana.client);
    const onB = await openChatSocket(nodes.b, ana.client);
    const answers = [];
    const sends = Array.from({ length: 8 }, (_, i) => ({
      groupId,
      clientId: clientId(),
      text: `n${i}`,
    }));
    for (const [i, send] of sends.entries())
      answers.push(codeOf(await call(i % 2 ? onB : onA, 'chat:send', send)));
    expect(answers.slice(0, 6)).toEqual(Array(6).fill('accepted'));
    expect(answers.slice(6)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // The wait travels as a number (whole seconds within the 5 s window), not only as text.
    const refused = await call(onA, 'chat:send', { groupId, clientId: clientId(), text: 'n8' });
    const retryAfter = refused.ok ? null : refused.error.retryAfter;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    // Past the limit, a retry of a stored line (its ack lost) still gets that line back.
    const again = await call(onB, 'chat:send', sends[0]);
    expect(again.ok && again.data.text).toBe('n0');
  });
});
