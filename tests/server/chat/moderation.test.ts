import { describe, expect, it } from 'vitest';
import {
  type ChatSocket,
  call,
  clientId,
  codeOf,
  groupWith,
  must,
  next,
  openChatSocket,
  recordEvents,
  twoNodes,
} from './helpers.ts';

/** A group's moderators over its chat: slow mode, mute and ban, refused on the server. */

const nodes = twoNodes({ chatSendLimit: 1000 });

const line = async (socket: ChatSocket, groupId: string, text: string) =>
  codeOf(await call(socket, 'chat:send', { groupId, clientId: clientId(), text }));

async function moderatedGroup() {
  const { groupId, founder, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
  const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
  return {
    groupId,
    ana,
    ben,
    franId: founder.id,
    fran: await openChatSocket(nodes.a, founder.client),
    anaSocket: await openChatSocket(nodes.a, ana.client),
    benSocket: await openChatSocket(nodes.b, ben.client),
  };
}

describe('moderating a group’s chat', () => {
  it('spaces members’ lines in slow mode, moderators exempt, set by moderators only', async () => {
    const { groupId, fran, anaSocket, benSocket } = await moderatedGroup();
    expect(codeOf(await call(anaSocket, 'chat:slowMode', { groupId, seconds: 60 }))).toBe(
      'FORBIDDEN',
    );
    expect(await must(anaSocket, 'chat:settings', { groupId })).toEqual({ slowModeSeconds: 0 });
    // Every member, on every node, is told, so their screens can say so.
    const told = next(benSocket, 'chat:settings');
    await must(fran, 'chat:slowMode', { groupId, seconds: 60 });
    expect(await told).toEqual({ groupId, slowModeSeconds: 60 });
    expect(await must(anaSocket, 'chat:settings', { groupId })).toEqual({ slowModeSeconds: 60 });
    expect(await line(anaSocket, groupId, 'first')).toBe('accepted');
    expect(await line(anaSocket, groupId, 'second')).toBe('RATE_LIMITED');
    // Per member: Ben still has his line; the moderator is not held back.
    expect(await line(benSocket, groupId, 'mine')).toBe('accepted');
    expect([await line(fran, groupId, 'a'), await line(fran, groupId, 'b')]).toEqual([
      'accepted',
      'accepted',
    ]);
    await must(fran, 'chat:slowMode', { groupId, seconds: 0 });
    expect(await line(anaSocket, groupId, 'free again')).toBe('accepted');
  });

  it('spaces only new lines: not edits, reactions, retries of a stored line or refused sends', async () => {
    const { groupId, fran, anaSocket } = await moderatedGroup();
    await must(fran, 'chat:slowMode', { groupId, seconds: 60 });
    const fromFran = await must(fran, 'chat:send', { groupId, clientId: clientId(), text: 'Hi' });
    // A reaction and a refused send (a reply to no line here) take nothing of the slot.
    await must(anaSocket, 'chat:react', { messageId: fromFran.id, emoji: '👍', on: true });
    const nowhere = { groupId, clientId: clientId(), text: 'x', replyTo: '0'.repeat(24) };
    expect(codeOf(await call(anaSocket, 'chat:send', nowhere))).toBe('NOT_FOUND');
    const send = { groupId, clientId: clientId(), text: 'See you Tuesdya' };
    const sent = await must(anaSocket, 'chat:send', send);
    // Her typo mended, and her send retried (its ack lost): the stored line, not a refusal.
    await must(anaSocket, 'chat:edit', { messageId: sent.id, text: 'See you Tuesday' });
    expect(await must(anaSocket, 'chat:send', send)).toMatchObject({ id: sent.id });
    expect(await line(anaSocket, groupId, 'a new line')).toBe('RATE_LIMITED');
  });

  it('mutes a member for a while: they still read, cannot write, until it is lifted', async () => {
    const { groupId, fran, ben, anaSocket, benSocket } = await moderatedGroup();
    const mute = { groupId, userId: ben.id, action: 'mute' as const, minutes: 10 };
    expect(codeOf(await call(anaSocket, 'chat:restrict', mute))).toBe('FORBIDDEN');
    expect(
      codeOf(await call(fran, 'chat:restrict', { groupId, userId: ben.id, action: 'mute' })),
    ).toBe('INVALID_INPUT');
    await must(fran, 'chat:restrict', mute);
    // Its own code, with the time left, so his screen can say why and for how long.
    const muted = await call(benSocket, 'chat:send', { groupId, clientId: clientId(), text: 'hi' });
    expect(codeOf(muted)).toBe('MUTED');
    expect(muted.ok ? null : muted.error.retryAfter).toBeGreaterThan(9 * 60);
    expect(muted.ok ? null : muted.error.retryAfter).toBeLessThanOrEqual(10 * 60);
    await must(benSocket, 'chat:history', { groupId });
    const read = next(benSocket, 'chat:message');
    expect(await line(anaSocket, groupId, 'Ben still hears this')).toBe('accepted');
    await read;
    await must(fran, 'chat:restrict', { groupId, userId: ben.id, action: 'lift' });
    expect(await line(benSocket, groupId, 'thanks')).toBe('accepted');
  });

  it('bans a member from the chat: its lines stop at once, on every node, even after rejoining', async () => {
    const { groupId, fran, ben, anaSocket, benSocket } = await moderatedGroup();
    await must(fran, 'chat:restrict', { groupId, userId: ben.id, action: 'ban' });
    const benEvents = recordEvents(benSocket);
    expect(await line(anaSocket, groupId, 'after the ban')).toBe('accepted');
    expect(codeOf(await call(benSocket, 'chat:history', { groupId }))).toBe('FORBIDDEN');
    expect(await line(benSocket, groupId, 'still here')).toBe('FORBIDDEN');
    // Nor does he hear of it another way: a mention, the chat list, who is here.
    await must(anaSocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: '@Ben are you there?',
      mentions: [ben.id],
    });
    const { groups } = await must(benSocket, 'chat:groups', {});
    expect(groups.map((g) => g.groupId)).not.toContain(groupId);
    expect(codeOf(await call(benSocket, 'chat:who', { groupId }))).toBe('FORBIDDEN');
    expect(benEvents).not.toContain('chat:mention');
    // Leaving and joining the group again lifts nothing.
    await ben.client.post(`/api/groups/${groupId}/leave`, {});
    await ben.client.post(`/api/groups/${groupId}/join`, {});
    expect(await line(anaSocket, groupId, 'after he rejoined')).toBe('accepted');
    expect(codeOf(await call(benSocket, 'chat:history', { groupId }))).toBe('FORBIDDEN');
    // Lifted: his socket is back in the room.
    await must(fran, 'chat:restrict', { groupId, userId: ben.id, action: 'lift' });
    const back = next(benSocket, 'chat:message');
    expect(await line(anaSocket, groupId, 'welcome back')).toBe('accepted');
    expect((await back).text).toBe('welcome back');
    expect(benEvents.filter((e) => e === 'chat:message')).toHaveLength(1);
  });

  it('lets no moderator restrict themselves', async () => {
    const { groupId, fran, franId } = await moderatedGroup();
    const answer = await call(fran, 'chat:restrict', { groupId, userId: franId, action: 'ban' });
    expect(codeOf(answer)).toBe('INVALID_TRANSITION');
    expect(await line(fran, groupId, 'still here')).toBe('accepted');
  });
});
