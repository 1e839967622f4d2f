import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import {
  call,
  clientId,
  closeChatSockets,
  codeOf,
  groupWith,
  holdCalls,
  must,
  next,
  openChatSocket,
  storedLines,
} from './helpers.ts';

/** What happens to a line after it is sent: edits, deletion, reactions, reads, mentions, search. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven({ chatSendLimit: 1000 });
});
afterEach(() => closeChatSockets());
afterAll(async () => {
  await haven?.close();
});

async function threeInAGroup() {
  const { groupId, founder, members } = await groupWith(haven, ['Ana', 'Ben']);
  const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
  return {
    groupId,
    ana,
    ben,
    fran: founder,
    anaSocket: await openChatSocket(haven, ana.client),
    benSocket: await openChatSocket(haven, ben.client),
    // Fran founded the group: its moderator.
    franSocket: await openChatSocket(haven, founder.client),
  };
}

const say = (
  socket: Awaited<ReturnType<typeof openChatSocket>>,
  groupId: string,
  text: string,
  extra = {},
) => must(socket, 'chat:send', { groupId, clientId: clientId(), text, ...extra });

describe('a line after it is sent', () => {
  it('is edited by its sender only, and everyone sees the edit', async () => {
    const { groupId, anaSocket, benSocket } = await threeInAGroup();
    const line = await say(anaSocket, groupId, 'See you Tuesday');
    expect(codeOf(await call(benSocket, 'chat:edit', { messageId: line.id, text: 'hacked' }))).toBe(
      'FORBIDDEN',
    );
    const seen = next(benSocket, 'chat:updated');
    const edited = await must(anaSocket, 'chat:edit', {
      messageId: line.id,
      text: 'See you Wednesday',
    });
    expect(edited).toMatchObject({ id: line.id, text: 'See you Wednesday' });
    expect(edited.editedAt).not.toBeNull();
    expect(await seen).toEqual(edited);
  });

  it('is deleted by its sender or a moderator, leaving a tombstone without its text', async () => {
    const { groupId, anaSocket, benSocket, franSocket } = await threeInAGroup();
    const mine = await say(anaSocket, groupId, 'my own line');
    const other = await say(anaSocket, groupId, 'something unkind');
    expect(codeOf(await call(benSocket, 'chat:delete', { messageId: other.id }))).toBe('FORBIDDEN');
    const gone = await must(anaSocket, 'chat:delete', { messageId: mine.id });
    expect(gone).toMatchObject({ id: mine.id, text: null });
    expect(gone.deletedAt).not.toBeNull();
    await must(franSocket, 'chat:delete', { messageId: other.id });
    const stored = await haven.mongo.connection
      .collection('chat_messages')
      .find({ groupId: { $exists: true }, text: { $in: ['my own line', 'something unkind'] } })
      .toArray();
    expect(stored).toEqual([]);
    const { messages } = await must(benSocket, 'chat:history', { groupId });
    expect(messages.map((m) => m.text)).toEqual([null, null]);
    expect(codeOf(await call(anaSocket, 'chat:edit', { messageId: mine.id, text: 'back' }))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('changes the excerpt its replies show when it is edited or deleted, and says so', async () => {
    const { groupId, anaSocket, benSocket, franSocket } = await threeInAGroup();
    const line = await say(anaSocket, groupId, 'my address is 12 Secret St');
    const reply = await say(benSocket, groupId, 'Careful!', { replyTo: line.id });
    expect(reply.replyTo?.excerpt).toBe('my address is 12 Secret St');
    const replyChanged = (socket: typeof benSocket) =>
      next(socket, 'chat:updated', (m) => m.id === reply.id);
    let seen = replyChanged(benSocket);
    await must(anaSocket, 'chat:edit', { messageId: line.id, text: 'see you there' });
    expect((await seen).replyTo?.excerpt).toBe('see you there');
    // A moderator's deletion (as a report's): the reply keeps its place, the words go.
    seen = replyChanged(anaSocket);
    await must(franSocket, 'chat:delete', { messageId: line.id });
    expect((await seen).replyTo).toMatchObject({ id: line.id, excerpt: null });
    const { messages } = await must(benSocket, 'chat:history', { groupId });
    expect(messages.find((m) => m.id === reply.id)?.replyTo?.excerpt).toBeNull();
    const stored = await storedLines(haven);
    expect(stored).not.toContain('Secret St');
    expect(stored).not.toContain('see you there');
  });

  it('clears the excerpt of a reply stored just after its line was deleted', async () => {
    const { groupId, anaSocket, benSocket, franSocket } = await threeInAGroup();
    const line = await say(anaSocket, groupId, 'my number is 555-0199');
    // Slow mode's slot is the reply's last check, after its excerpt is read: held there
    // while the moderator deletes the line.
    await must(franSocket, 'chat:slowMode', { groupId, seconds: 1 });
    const slot = holdCalls(haven.haven.services.chat.moderation, 'spaceLine');
    try {
      const reply = say(benSocket, groupId, 'Careful!', { replyTo: line.id });
      await slot.called;
      await must(franSocket, 'chat:delete', { messageId: line.id });
      const cleared = next(anaSocket, 'chat:updated', (m) => m.text === 'Careful!');
      slot.release();
      expect((await reply).replyTo?.excerpt).toBe('my number is 555-0199');
      expect((await cleared).replyTo?.excerpt).toBeNull();
    } finally {
      slot.restore();
    }
    const stored = await storedLines(haven);
    expect(stored).not.toContain('555-0199');
  });

  it('takes reactions from members, one of each emoji per member, and toggles them off', async () => {
    const { groupId, ana, ben, anaSocket, benSocket } = await threeInAGroup();
    const line = await say(anaSocket, groupId, 'Thirty days today');
    await Promise.all([
      must(anaSocket, 'chat:react', { messageId: line.id, emoji: '🎉', on: true }),
      must(benSocket, 'chat:react', { messageId: line.id, emoji: '🎉', on: true }),
    ]);
    const twice = await must(benSocket, 'chat:react', {
      messageId: line.id,
      emoji: '🎉',
      on: true,
    });
    expect(twice.reactions).toEqual([
      { emoji: '🎉', userIds: expect.arrayContaining([ana.id, ben.id]) },
    ]);
    expect(twice.reactions[0]?.userIds).toHaveLength(2);
    const off = await must(benSocket, 'chat:react', { messageId: line.id, emoji: '🎉', on: false });
    expect(off.reactions).toEqual([{ emoji: '🎉', userIds: [ana.id] }]);
    expect(
      codeOf(await call(benSocket, 'chat:react', { messageId: line.id, emoji: 'lol', on: true })),
    ).toBe('INVALID_PAYLOAD');
  });

  it('counts unread lines and mentions per group from the member’s read marker', async () => {
    const { groupId, ben, anaSocket, benSocket } = await threeInAGroup();
    const mention = next(benSocket, 'chat:mention');
    // A mention the text does not name (no "@Ben") is dropped: nobody is pinged unseen.
    expect((await say(anaSocket, groupId, 'one', { mentions: [ben.id] })).mentions).toEqual([]);
    // Nor does a longer word that starts with the name: "@Benjamin" is not Ben.
    expect((await say(anaSocket, groupId, '@Benjamin?', { mentions: [ben.id] })).mentions).toEqual(
      [],
    );
    const second = await say(anaSocket, groupId, '@Ben are you coming?', { mentions: [ben.id] });
    expect(await mention).toEqual({ groupId, messageId: second.id });
    const before = (await must(benSocket, 'chat:groups')).groups.find((g) => g.groupId === groupId);
    expect(before).toMatchObject({ unread: 3, mentions: 1 });
    await must(benSocket, 'chat:read', { groupId, messageId: second.id });
    await say(anaSocket, groupId, 'three');
    const after = (await must(benSocket, 'chat:groups')).groups.find((g) => g.groupId === groupId);
    expect(after).toMatchObject({ unread: 1, mentions: 0 });
    // A marker never moves back.
    const first = (await must(benSocket, 'chat:history', { groupId })).messages.at(-1);
    await must(benSocket, 'chat:read', { groupId, messageId: first?.id as string });
    expect(
      (await must(benSocket, 'chat:groups')).groups.find((g) => g.groupId === groupId)?.unread,
    ).toBe(1);
  });

  it('finds lines by their words within the group, ignoring case and accents', async () => {
    const { groupId, anaSocket, benSocket } = await threeInAGroup();
    await say(anaSocket, groupId, 'La reunión del martes fue muy buena');
    await say(anaSocket, groupId, 'Tuesday meeting moved');
    const deleted = await say(anaSocket, groupId, 'martes secret');
    await must(anaSocket, 'chat:delete', { messageId: deleted.id });
    const other = await groupWith(haven, []);
    const franElsewhere = await openChatSocket(haven, other.founder.client);
    await say(franElsewhere, other.groupId, 'martes elsewhere');
    const { messages } = await must(benSocket, 'chat:search', { groupId, q: 'REUNION martes' });
    expect(messages.map((m) => m.text)).toEqual(['La reunión del martes fue muy buena']);
    expect(codeOf(await call(franElsewhere, 'chat:search', { groupId, q: 'martes' }))).toBe(
      'FORBIDDEN',
    );
  });
});
