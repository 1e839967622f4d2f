import { describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import {
  type ChatSocket,
  call,
  clientId,
  codeOf,
  groupWith,
  must,
  openChatSocket,
  twoNodes,
} from './helpers.ts';

/**
 * Node B keeps what a send reads of a member and a group (server/chat/send-facts.ts). Each
 * change, made through node A, holds for the very next line sent through node B once the
 * change is acknowledged: every test first sends through B (B now keeps a copy), changes on
 * A, then sends through B at once.
 */

const nodes = twoNodes({ chatSendLimit: 1000 });

const line = async (socket: ChatSocket, groupId: string, text = 'hello') =>
  codeOf(await call(socket, 'chat:send', { groupId, clientId: clientId(), text }));

/** Fran moderates (her socket on A); Ana and Ben are members with sockets on B. */
async function groupOnTwoNodes(names = ['Ana', 'Ben']) {
  const { groupId, founder, members } = await groupWith(nodes.a, names);
  const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
  const fran = await openChatSocket(nodes.a, founder.client);
  const anaOnB = await openChatSocket(nodes.b, ana.client);
  const benOnB = await openChatSocket(nodes.b, ben.client);
  expect(await line(anaOnB, groupId)).toBe('accepted');
  expect(await line(benOnB, groupId)).toBe('accepted');
  return { groupId, founder, fran, ana, ben, anaOnB, benOnB };
}

describe('what a node keeps for sends, after a change on another node', () => {
  it('a member who left is refused at once; one who joins is let in at once', async () => {
    const { groupId, ana, anaOnB } = await groupOnTwoNodes();
    expect((await ana.client.post(`/api/groups/${groupId}/leave`, {})).status).toBe(200);
    expect(await line(anaOnB, groupId)).toBe('FORBIDDEN');
    expect((await ana.client.post(`/api/groups/${groupId}/join`, {})).status).toBe(200);
    expect(await line(anaOnB, groupId)).toBe('accepted');
  });

  it('a mute, a ban and their lifting hold at once', async () => {
    const { groupId, fran, ben, benOnB } = await groupOnTwoNodes();
    const restrict = (action: 'mute' | 'ban' | 'lift') =>
      must(fran, 'chat:restrict', {
        groupId,
        userId: ben.id,
        action,
        ...(action === 'mute' ? { minutes: 10 } : {}),
      });
    await restrict('mute');
    expect(await line(benOnB, groupId)).toBe('MUTED');
    await restrict('lift');
    expect(await line(benOnB, groupId)).toBe('accepted');
    await restrict('ban');
    expect(await line(benOnB, groupId)).toBe('FORBIDDEN');
    await restrict('lift');
    expect(await line(benOnB, groupId)).toBe('accepted');
  });

  it('slow mode holds at once, and its end too', async () => {
    const { groupId, fran, anaOnB } = await groupOnTwoNodes();
    await must(fran, 'chat:slowMode', { groupId, seconds: 60 });
    expect(await line(anaOnB, groupId, 'one')).toBe('accepted');
    expect(await line(anaOnB, groupId, 'two')).toBe('RATE_LIMITED');
    await must(fran, 'chat:slowMode', { groupId, seconds: 0 });
    expect(await line(anaOnB, groupId, 'three')).toBe('accepted');
  });

  it('a moderator appointed is exempt from slow mode at once, and no longer once removed', async () => {
    const { groupId, founder, fran, ana, anaOnB } = await groupOnTwoNodes();
    const listed = await ana.client.patch('/api/me', { privacy: { showInGroupMemberLists: true } });
    expect(listed.status).toBe(200);
    await must(fran, 'chat:slowMode', { groupId, seconds: 60 });
    expect([await line(anaOnB, groupId), await line(anaOnB, groupId)]).toEqual([
      'accepted',
      'RATE_LIMITED',
    ]);
    const appointed = await founder.client.post(`/api/groups/${groupId}/moderators`, {
      userId: ana.id,
    });
    expect(appointed.status).toBe(200);
    expect([await line(anaOnB, groupId), await line(anaOnB, groupId)]).toEqual([
      'accepted',
      'accepted',
    ]);
    const removed = await founder.client.delete(`/api/groups/${groupId}/moderators/${ana.id}`);
    expect(removed.status).toBe(200);
    // Her slow-mode period began with the first line above; she waits like everyone.
    expect(await line(anaOnB, groupId)).toBe('RATE_LIMITED');
  });

  it('a new name shows on the next line', async () => {
    const { groupId, ana, anaOnB } = await groupOnTwoNodes();
    expect((await ana.client.patch('/api/me', { displayName: 'Anabel' })).status).toBe(200);
    const sent = await must(anaOnB, 'chat:send', { groupId, clientId: clientId(), text: 'hi' });
    expect(sent.senderName).toBe('Anabel');
  });

  it('a block refuses private lines both ways at once', async () => {
    const { ana, ben, anaOnB, benOnB } = await groupOnTwoNodes();
    const anaOnA = await openChatSocket(nodes.a, ana.client);
    const { contact } = await must(anaOnA, 'contact:request', { userId: ben.id });
    await must(benOnB, 'contact:respond', { userId: ana.id, accept: true });
    const id = contact.conversationId;
    expect([await line(anaOnB, id), await line(benOnB, id)]).toEqual(['accepted', 'accepted']);
    await must(anaOnA, 'contact:block', { userId: ben.id });
    expect([await line(anaOnB, id), await line(benOnB, id)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('a staff role granted shows as the badge on the next line', async () => {
    // Her own name: once she is staff, nobody else may sign up with a name like hers.
    const { groupId, ana, anaOnB } = await groupOnTwoNodes(['Solveig', 'Ben']);
    const sent = await must(anaOnB, 'chat:send', { groupId, clientId: clientId(), text: 'hi' });
    expect(sent.senderStaff).toBeUndefined();
    const admin = await signUpAs(nodes.a, ['admin']);
    const granted = await admin.client.request('PUT', `/api/members/${ana.id}/roles`, {
      roles: ['participant', 'moderator'],
    });
    expect(granted.status).toBe(200);
    // Her sockets were closed to reconnect with the role; the new one is on B again.
    const again = await openChatSocket(nodes.b, ana.client);
    const badged = await must(again, 'chat:send', { groupId, clientId: clientId(), text: 'hi' });
    expect(badged.senderStaff).toBe('moderator');
  });
});
