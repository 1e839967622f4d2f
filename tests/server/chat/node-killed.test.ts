import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildNode, startChildNode } from '../../helpers/child-node.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { clientId, closeChatSockets, groupWith, must, next, openChatSocket } from './helpers.ts';

/**
 * Two Haven processes in one cluster (Redis, MongoDB); the second is killed with SIGKILL.
 * What it acknowledged stays, and its members go offline on the first within 30 seconds
 * (their presence expires with nobody left to renew it).
 */

let nodeA: TestHaven;
let nodeB: ChildNode;
beforeAll(async () => {
  nodeA = await startTestHaven();
  nodeB = await startChildNode(nodeA);
});
afterAll(async () => {
  closeChatSockets();
  await nodeB?.kill();
  await nodeA?.close();
});

describe('a node killed under its members', () => {
  it('loses no acknowledged line, and its members go offline on the other node', async () => {
    const { groupId, members } = await groupWith(nodeA, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(nodeA, ana.client);
    const benOnline = next(
      anaSocket,
      'chat:presence',
      (p) => p.userId === ben.id && p.state === 'online',
    );
    const benSocket = await openChatSocket(nodeB, ben.client);
    await benOnline;
    const delivered = next(anaSocket, 'chat:message');
    const sent = await must(benSocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'Sent through B',
    });
    expect((await delivered).id).toBe(sent.id);

    const killedAt = Date.now();
    const offline = next(
      anaSocket,
      'chat:presence',
      (p) => p.userId === ben.id && p.state === 'offline',
      45_000,
    );
    await nodeB.kill();
    await offline;
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const { members: who } = await must(anaSocket, 'chat:who', { groupId });
    expect(who.find((m) => m.userId === ben.id)?.state).toBe('offline');
    const { messages } = await must(anaSocket, 'chat:history', { groupId });
    expect(messages.map((m) => m.id)).toEqual([sent.id]);
  }, 60_000);
});
