import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { call, clientId, closeChatSockets, codeOf, groupWith, openChatSocket } from './helpers.ts';

/** The send limit as production sets it, shared by two nodes through Redis. */

let nodeA: TestHaven;
let nodeB: TestHaven;
beforeAll(async () => {
  nodeA = await startTestHaven();
  nodeB = await startTestHaven({ shareWith: nodeA });
});
afterEach(() => closeChatSockets());
afterAll(async () => {
  await nodeB?.close();
  await nodeA?.close();
});

describe('group chat limits', () => {
  it('limits each member’s lines per moment in Redis, across nodes, with RATE_LIMITED', async () => {
    const { groupId, members } = await groupWith(nodeA, ['Ana']);
    const ana = members[0] as (typeof members)[0];
    const onA = await openChatSocket(nodeA, ana.client);
    const onB = await openChatSocket(nodeB, ana.client);
    const answers = [];
    for (let i = 0; i < 8; i++)
      answers.push(
        codeOf(
          await call(i % 2 ? onB : onA, 'chat:send', {
            groupId,
            clientId: clientId(),
            text: `n${i}`,
          }),
        ),
      );
    expect(answers.slice(0, 6)).toEqual(Array(6).fill('accepted'));
    expect(answers.slice(6)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // The wait travels as a number (whole seconds within the 5 s window), not only as text.
    const refused = await call(onA, 'chat:send', { groupId, clientId: clientId(), text: 'n8' });
    const retryAfter = refused.ok ? null : refused.error.retryAfter;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
  });
});
