import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import {
  clientId,
  closeChatSockets,
  groupWith,
  must,
  openChatSocket,
  storedLines,
} from './helpers.ts';

/** A member's group-chat lines go into "download my data" and away with the account. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeChatSockets());
afterAll(async () => {
  await haven?.close();
});

describe('group chat and the member’s own data', () => {
  it('exports a member’s lines, and leaves tombstones from a deleted member when they go', async () => {
    const { groupId, members } = await groupWith(haven, ['Leaving', 'Staying']);
    const [leaving, staying] = members as [(typeof members)[0], (typeof members)[0]];
    const mine = await openChatSocket(haven, leaving.client);
    const theirs = await openChatSocket(haven, staying.client);
    const line = await must(mine, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'My story, my words',
    });
    const reply = await must(theirs, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'Thank you for sharing',
      replyTo: line.id,
    });
    await must(mine, 'chat:react', { messageId: reply.id, emoji: '❤️', on: true });

    const exported = await leaving.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.groupChat).toEqual([
      expect.objectContaining({ groupId, text: 'My story, my words', deleted: false }),
    ]);
    expect(exported.text).not.toContain('Thank you for sharing');

    expect((await leaving.client.delete('/api/me')).status).toBe(204);
    const { messages } = await must(theirs, 'chat:history', { groupId });
    const [after, before] = messages as [(typeof messages)[0], (typeof messages)[0]];
    // Their line: a tombstone from "a deleted member"; the reply keeps its place and text.
    expect(before).toMatchObject({ id: line.id, senderId: null, senderName: null, text: null });
    expect(after).toMatchObject({ text: 'Thank you for sharing', reactions: [] });
    expect(after.replyTo).toEqual({ id: line.id, senderName: null, excerpt: null });
    const stored = await storedLines(haven);
    expect(stored).not.toContain('My story, my words');
    expect(stored).not.toContain(leaving.id);
  });

  it('erases any two members’ lines, even ones sent with the same client id', async () => {
    // Client ids travel with the lines, so a member can reuse another's on purpose.
    const { groupId, members } = await groupWith(haven, ['Mallory', 'Vic']);
    const [mallory, vic] = members as [(typeof members)[0], (typeof members)[0]];
    const shared = clientId();
    for (const [member, text] of [
      [mallory, 'copied id'],
      [vic, 'Vic’s own words'],
    ] as const) {
      const socket = await openChatSocket(haven, member.client);
      await must(socket, 'chat:send', { groupId, clientId: shared, text });
    }
    expect((await mallory.client.delete('/api/me')).status).toBe(204);
    expect((await vic.client.delete('/api/me')).status).toBe(204);
    const stored = await storedLines(haven);
    expect(stored).not.toContain('Vic’s own words');
    expect(stored).not.toContain(vic.id);
  });
});
