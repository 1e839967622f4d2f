import { describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
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

/**
 * Private conversations between contacts, on two Haven nodes sharing Redis and MongoDB:
 * the same guarantees as group lines (delivery across nodes, idempotent retries, history,
 * unread, edit, delete, reactions), to the two of them only; presence between contacts who
 * share no group; and a member who deletes their account.
 */

const nodes = twoNodes({ chatSendLimit: 1000 });

const stored = () => nodes.a.mongo.connection.collection('chat_messages').countDocuments();

/** Ana (node A) and Ben (node B), contacts through their group; Cy is in the group too. */
async function contacts() {
  const { groupId, founder, members } = await groupWith(nodes.a, ['Ana', 'Ben', 'Cy']);
  const [ana, ben, cy] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
  const anaSocket = await openChatSocket(nodes.a, ana.client);
  const benSocket = await openChatSocket(nodes.b, ben.client);
  const cySocket = await openChatSocket(nodes.b, cy.client);
  const { contact } = await must(anaSocket, 'contact:request', { userId: ben.id });
  await must(benSocket, 'contact:respond', { userId: ana.id, accept: true });
  return {
    groupId,
    founder,
    ana,
    ben,
    cy,
    anaSocket,
    benSocket,
    cySocket,
    id: contact.conversationId,
  };
}

const say = (socket: ChatSocket, groupId: string, text: string, extra = {}) =>
  must(socket, 'chat:send', { groupId, clientId: clientId(), text, ...extra });

describe('a private conversation between contacts', () => {
  it('delivers across nodes to the two of them only, once however often it is retried', async () => {
    const { ana, id, anaSocket, benSocket, cySocket } = await contacts();
    const cyHeard = recordEvents(cySocket);
    const received = next(benSocket, 'chat:message');
    const send = { groupId: id, clientId: clientId(), text: 'Coffee after the meeting?' };
    const first = await must(anaSocket, 'chat:send', send);
    expect(first).toMatchObject({
      kind: 'private',
      groupId: id,
      senderId: ana.id,
      text: send.text,
    });
    expect(await received).toEqual(first);
    const before = await stored();
    const retried = await Promise.all([
      must(anaSocket, 'chat:send', send),
      must(anaSocket, 'chat:send', send),
    ]);
    expect(retried.map((m) => m.id)).toEqual([first.id, first.id]);
    expect(await stored()).toBe(before);
    // Cy shares the group but not the conversation: nothing reached him, he reads nothing.
    await must(cySocket, 'chat:groups');
    expect(cyHeard).not.toContain('chat:message');
    const answers = [
      await call(cySocket, 'chat:history', { groupId: id }),
      await call(cySocket, 'chat:send', { groupId: id, clientId: clientId(), text: 'hi' }),
      await call(cySocket, 'chat:edit', { messageId: first.id, text: 'mine now' }),
      await call(cySocket, 'chat:delete', { messageId: first.id }),
      await call(cySocket, 'chat:react', { messageId: first.id, emoji: '👍', on: true }),
      await call(cySocket, 'chat:typing', { groupId: id }),
    ];
    expect(answers.map(codeOf)).toEqual(Array(6).fill('FORBIDDEN'));
  });

  it('keeps history, unread counts, edits, reactions, deletion and search, as a group does', async () => {
    const { ana, ben, id, anaSocket, benSocket } = await contacts();
    const lines = [];
    for (const text of ['First', 'Second', 'Third']) lines.push(await say(anaSocket, id, text));
    const unread = async () =>
      (await must(benSocket, 'contact:list')).contacts.find((c) => c.userId === ana.id)?.unread;
    expect(await unread()).toBe(3);
    // The chat list (and the header's badge) counts them with the groups.
    const { groups } = await must(benSocket, 'chat:groups');
    expect(groups).toContainEqual(
      expect.objectContaining({ kind: 'private', groupId: id, name: 'Ana', unread: 3 }),
    );
    await must(benSocket, 'chat:read', { groupId: id, messageId: lines[1]?.id ?? '' });
    expect(await unread()).toBe(1);
    const page = await must(benSocket, 'chat:history', { groupId: id, limit: 2 });
    expect(page.messages.map((m) => m.text)).toEqual(['Third', 'Second']);
    expect(page.more).toBe(true);

    const edited = next(benSocket, 'chat:updated', (m) => m.text === 'First, edited');
    await must(anaSocket, 'chat:edit', { messageId: lines[0]?.id ?? '', text: 'First, edited' });
    await edited;
    const reacted = next(anaSocket, 'chat:updated', (m) => m.reactions.length > 0);
    await must(benSocket, 'chat:react', { messageId: lines[2]?.id ?? '', emoji: '❤️', on: true });
    expect((await reacted).reactions).toEqual([{ emoji: '❤️', userIds: [ben.id] }]);
    expect(codeOf(await call(benSocket, 'chat:delete', { messageId: lines[1]?.id ?? '' }))).toBe(
      'FORBIDDEN',
    );
    const gone = next(benSocket, 'chat:updated', (m) => m.deletedAt !== null);
    await must(anaSocket, 'chat:delete', { messageId: lines[1]?.id ?? '' });
    expect(await gone).toMatchObject({ id: lines[1]?.id, text: null });
    const found = await must(benSocket, 'chat:search', { groupId: id, q: 'edited' });
    expect(found.messages.map((m) => m.id)).toEqual([lines[0]?.id]);
    // Typing reaches the other, not oneself.
    const typing = next(benSocket, 'chat:typing');
    await must(anaSocket, 'chat:typing', { groupId: id });
    expect(await typing).toEqual({ groupId: id, userId: ana.id, name: 'Ana' });
  });

  it('refuses lines before the request is accepted and after the contact ends', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Eve', 'Fay']);
    const [eve, fay] = members as [(typeof members)[0], (typeof members)[0]];
    const eveSocket = await openChatSocket(nodes.a, eve.client);
    const faySocket = await openChatSocket(nodes.b, fay.client);
    const { contact } = await must(eveSocket, 'contact:request', { userId: fay.id });
    const before = await stored();
    const early = await call(eveSocket, 'chat:send', {
      groupId: contact.conversationId,
      clientId: clientId(),
      text: 'Early',
    });
    expect(codeOf(early)).toBe('FORBIDDEN');
    await must(faySocket, 'contact:respond', { userId: eve.id, accept: true });
    await say(eveSocket, contact.conversationId, 'Now we can talk');
    await must(faySocket, 'contact:remove', { userId: eve.id });
    const late = await call(eveSocket, 'chat:send', {
      groupId: contact.conversationId,
      clientId: clientId(),
      text: 'Late',
    });
    expect(codeOf(late)).toBe('FORBIDDEN');
    expect(await stored()).toBe(before + 1);
    // Their history stays theirs to read.
    const { messages } = await must(faySocket, 'chat:history', { groupId: contact.conversationId });
    expect(messages.map((m) => m.text)).toEqual(['Now we can talk']);
    void groupId;
  });

  it('refuses operator-shaped and oversized lines, storing nothing', async () => {
    const { id, anaSocket } = await contacts();
    const before = await stored();
    const answers = [
      await call(anaSocket, 'chat:send', { groupId: id, clientId: clientId(), text: { $gt: '' } }),
      await call(anaSocket, 'chat:send', {
        groupId: { $ne: null },
        clientId: clientId(),
        text: 'x',
      }),
      await call(anaSocket, 'chat:send', {
        groupId: id,
        clientId: clientId(),
        text: 'x'.repeat(2001),
      }),
      await call(anaSocket, 'chat:send', { groupId: id, clientId: clientId(), text: '   ' }),
    ];
    expect(answers.map(codeOf)).toEqual(Array(4).fill('INVALID_PAYLOAD'));
    expect(await stored()).toBe(before);
  });
});

describe('a report of a private line', () => {
  it('goes to site moderators only, who can delete the line (there is no group to mute in)', async () => {
    const { founder, ana, id, anaSocket, benSocket, cySocket } = await contacts();
    const line = await say(anaSocket, id, 'Something that hurt');
    expect(
      codeOf(await call(cySocket, 'chat:report', { messageId: line.id, reason: 'harmful' })),
    ).toBe('FORBIDDEN');
    const report = await must(benSocket, 'chat:report', { messageId: line.id, reason: 'harmful' });
    // The group's moderator (its founder) moderates the group, not its members' conversations.
    const theirs = await founder.client.get('/api/chat/reports?status=open');
    expect(theirs.body.items).toEqual([]);
    const staff = await signUpAs(nodes.a, ['moderator'], { displayName: 'Mo' });
    const queue = await staff.client.get('/api/chat/reports?status=open');
    const mine = (queue.body.items as Array<{ id: string; line: unknown }>).find(
      (r) => r.id === report.id,
    );
    expect(mine?.line).toMatchObject({ kind: 'private', groupName: null, senderId: ana.id });
    const mute = await staff.client.post(`/api/chat/reports/${report.id}/resolve`, {
      action: 'mute',
      minutes: 10,
    });
    expect(mute.body.error?.code).toBe('INVALID_INPUT');
    const gone = next(benSocket, 'chat:updated', (m) => m.id === line.id);
    const deleted = await staff.client.post(`/api/chat/reports/${report.id}/resolve`, {
      action: 'delete',
    });
    expect(deleted.status).toBe(200);
    expect((await gone).text).toBeNull();
  });
});

describe('presence between contacts', () => {
  it('reaches contacts who share no group, on the other node', async () => {
    const ana = await signUpAs(nodes.a, ['participant'], { displayName: 'Ana' });
    const dev = await signUpAs(nodes.a, ['participant'], { displayName: 'Dev' });
    for (const member of [ana, dev])
      await member.client.patch('/api/me', { area: { country: 'NZ', city: 'Nelson' } });
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    let devSocket = await openChatSocket(nodes.b, dev.client);
    await must(anaSocket, 'contact:request', { userId: dev.id });
    await must(devSocket, 'contact:respond', { userId: ana.id, accept: true });
    const listed = await must(anaSocket, 'contact:list');
    expect(listed.contacts[0]?.presence).toMatchObject({ userId: dev.id, state: 'online' });
    const offline = next(
      anaSocket,
      'chat:presence',
      (p) => p.userId === dev.id && p.state === 'offline',
    );
    devSocket.disconnect();
    await offline;
    const online = next(
      anaSocket,
      'chat:presence',
      (p) => p.userId === dev.id && p.state === 'online',
    );
    devSocket = await openChatSocket(nodes.b, dev.client);
    await online;
  });
});

describe('a member who deletes their account', () => {
  it('takes their side of conversations along; the other sees a deleted member', async () => {
    const { ana, ben, id, anaSocket, benSocket } = await contacts();
    await say(anaSocket, id, 'How are you holding up?');
    await say(benSocket, id, 'Better this week');
    const exported = await ben.client.get('/api/me/export');
    expect(exported.body.contacts).toEqual([
      expect.objectContaining({
        with: ana.id,
        contacts: true,
        lines: [
          expect.objectContaining({ mine: false, text: 'How are you holding up?' }),
          expect.objectContaining({ mine: true, text: 'Better this week' }),
        ],
      }),
    ]);
    expect((await ben.client.delete('/api/me')).status).toBe(204);
    const { contacts: list } = await must(anaSocket, 'contact:list');
    expect(list).toEqual([
      expect.objectContaining({ userId: null, name: null, status: 'former', conversationId: id }),
    ]);
    const { messages } = await must(anaSocket, 'chat:history', { groupId: id });
    expect(messages.map((m) => [m.senderName, m.text])).toEqual([
      [null, null],
      ['Ana', 'How are you holding up?'],
    ]);
    expect(
      codeOf(
        await call(anaSocket, 'chat:send', { groupId: id, clientId: clientId(), text: 'Ben?' }),
      ),
    ).toBe('FORBIDDEN');
    const pairs = JSON.stringify(
      await nodes.a.mongo.connection.collection('chat_contacts').find({}).toArray(),
    );
    expect(pairs).not.toContain(ben.id);
  });
});
