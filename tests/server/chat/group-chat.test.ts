import { describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import {
  call,
  clientId,
  codeOf,
  groupWith,
  holdCalls,
  must,
  next,
  openChatSocket,
  recordEvents,
  twoNodes,
} from './helpers.ts';

/**
 * Group chat on two Haven nodes sharing Redis and MongoDB: delivery across nodes, retries
 * that never duplicate, catch-up after a reconnect, and who may read and write.
 */

// Tests here send quickly; the limit has its own file (group-chat-limits.test.ts).
const nodes = twoNodes({ chatSendLimit: 1000 });

const stored = () => nodes.a.mongo.connection.collection('chat_messages').countDocuments();

describe('group chat across two nodes', () => {
  it('delivers a line sent on one node to members on the other, and to nobody else', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const outsider = await signUpAs(nodes.a, ['participant'], { displayName: 'Olly' });
    const outsiderEvents = recordEvents(await openChatSocket(nodes.b, outsider.client));
    const received = next(benSocket, 'chat:message');
    const sent = await must(anaSocket, 'chat:send', {
      groupId,
      clientId: clientId(),
      text: 'Hi all',
    });
    expect(sent).toMatchObject({ groupId, senderId: ana.id, senderName: 'Ana', text: 'Hi all' });
    expect(await received).toEqual(sent);
    // The outsider's socket hears of nothing, and may not read the history either.
    expect(outsiderEvents).not.toContain('chat:message');
    const socket = await openChatSocket(nodes.a, outsider.client);
    expect(codeOf(await call(socket, 'chat:history', { groupId }))).toBe('FORBIDDEN');
    expect(
      codeOf(await call(socket, 'chat:send', { groupId, clientId: clientId(), text: 'x' })),
    ).toBe('FORBIDDEN');
  });

  it('delivers lines sent at once to the other node, each once and in order', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    const benSocket = await openChatSocket(nodes.b, ben.client);
    // Lines ready in the same turn on node A go out as one `chat:messages`; alone, as
    // `chat:message`. Ben takes both, as the client does.
    const heard: string[] = [];
    benSocket.on('chat:message', (m) => heard.push(m.text ?? ''));
    benSocket.on('chat:messages', (lines) => heard.push(...lines.map((m) => m.text ?? '')));
    const texts = Array.from({ length: 12 }, (_, i) => `line ${i}`);
    const sent = await Promise.all(
      texts.map((text) => must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text })),
    );
    await expect.poll(() => heard.length).toBe(texts.length);
    expect([...heard].sort()).toEqual([...texts].sort());
    expect(sent.map((m) => m.text)).toEqual(texts);
  });

  it('answers a retried send with the line first stored, never a second one', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const benEvents = recordEvents(await openChatSocket(nodes.b, ben.client));
    const anaOnA = await openChatSocket(nodes.a, ana.client);
    const anaOnB = await openChatSocket(nodes.b, ana.client);
    const before = await stored();
    const payload = { groupId, clientId: clientId(), text: 'Only once' };
    // The same line retried on another node, and twice at once.
    const first = await must(anaOnA, 'chat:send', payload);
    const [again, raced] = await Promise.all([
      must(anaOnB, 'chat:send', payload),
      must(anaOnA, 'chat:send', payload),
    ]);
    expect(again.id).toBe(first.id);
    expect(raced.id).toBe(first.id);
    expect(await stored()).toBe(before + 1);
    const history = await must(anaOnA, 'chat:history', { groupId });
    expect(history.messages.map((m) => m.text)).toEqual(['Only once']);
    await must(anaOnA, 'chat:send', { groupId, clientId: clientId(), text: 'barrier' });
    await expect.poll(() => benEvents.filter((e) => e === 'chat:message').length).toBe(2);
  });

  it('shows a first send before its write, and takes back a copy whose write finds a retry', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    const seen: Array<[string, string]> = [];
    benSocket.on('chat:message', (m) => seen.push(['message', m.id]));
    benSocket.on('chat:withdrawn', (w) => seen.push(['withdrawn', w.messageId]));
    const payload = { groupId, clientId: clientId(), text: 'Shown once' };
    const first = await must(anaSocket, 'chat:send', payload);
    await expect.poll(() => seen).toEqual([['message', first.id]]);
    // Redis forgets which sends were first attempts (a restart without persistence): the
    // retry is shown again under a new id, then taken back for the line already stored.
    const claims = await nodes.a.redis.client?.keys(`${nodes.a.limitsNamespace}:chat-claim:*`);
    expect(claims?.length).toBeGreaterThan(0);
    await nodes.a.redis.client?.del(...(claims ?? []));
    const before = await stored();
    const again = await must(anaSocket, 'chat:send', payload);
    expect(again).toEqual(first);
    expect(await stored()).toBe(before);
    await expect.poll(() => seen.length).toBe(4);
    const [, [shownAgain, copyId], [withdrawn, takenBack], [restored, restoredId]] = seen as [
      [string, string],
      [string, string],
      [string, string],
      [string, string],
    ];
    expect([shownAgain, withdrawn, restored]).toEqual(['message', 'withdrawn', 'message']);
    expect(copyId).not.toBe(first.id);
    expect(takenBack).toBe(copyId);
    expect(restoredId).toBe(first.id);
  });

  it('pages history newest first, and catches up after a reconnect with what was missed', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    const texts = Array.from({ length: 7 }, (_, i) => `line ${i}`);
    for (const text of texts)
      await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text });
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const newest = await must(benSocket, 'chat:history', { groupId, limit: 3 });
    expect(newest.messages.map((m) => m.text)).toEqual(['line 6', 'line 5', 'line 4']);
    expect(newest.more).toBe(true);
    const older = await must(benSocket, 'chat:history', {
      groupId,
      before: newest.messages.at(-1)?.id,
      limit: 10,
    });
    expect(older.messages.map((m) => m.text)).toEqual(['line 3', 'line 2', 'line 1', 'line 0']);
    expect(older.more).toBe(false);

    // Ben drops out; two lines go by; back, he asks for what came after the last he saw.
    const lastSeen = newest.messages[0]?.id;
    benSocket.disconnect();
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'missed 1' });
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'missed 2' });
    const back = await openChatSocket(nodes.b, ben.client);
    const missed = await must(back, 'chat:history', { groupId, after: lastSeen });
    expect(missed.messages.map((m) => m.text)).toEqual(['missed 1', 'missed 2']);
    expect(missed.more).toBe(false);
  });

  it('answers a first read only once the socket is in its rooms, so no later line is missed', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    // Node B looks up Ben's groups (for his rooms) only when the test lets it.
    const lookUp = holdCalls(nodes.b.haven.services.groups, 'groupsOf');
    try {
      const benSocket = await openChatSocket(nodes.b, ben.client, { waitForRooms: false });
      let answered = false;
      const read = must(benSocket, 'chat:history', { groupId }).finally(() => (answered = true));
      const first = await must(anaSocket, 'chat:send', {
        groupId,
        clientId: clientId(),
        text: 'One',
      });
      // Stored (acknowledged) while Ben is in no room yet: his read has not been answered.
      expect(answered).toBe(false);
      lookUp.release();
      expect((await read).messages).toEqual([first]);
      const heard = next(benSocket, 'chat:message');
      const second = await must(anaSocket, 'chat:send', {
        groupId,
        clientId: clientId(),
        text: 'Two',
      });
      expect(await heard).toEqual(second);
    } finally {
      lookUp.restore();
    }
  });

  it('puts a socket in the room of a group joined since it connected once it reads or lists it', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana']);
    const anaSocket = await openChatSocket(nodes.a, (members[0] as (typeof members)[0]).client);
    const ben = await signUpAs(nodes.a, ['participant'], { displayName: 'Ben' });
    const cy = await signUpAs(nodes.a, ['participant'], { displayName: 'Cy' });
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const cySocket = await openChatSocket(nodes.b, cy.client);
    // Node A, where they join, moves their sockets into the room only when the test lets it.
    const move = holdCalls(nodes.a.haven.services.chat.moderation, 'bannedGroupsOf');
    try {
      for (const member of [ben, cy])
        expect((await member.client.post(`/api/groups/${groupId}/join`, {})).status).toBe(200);
      // Ben opens the group's page (a read); Cy's chat list asks for his chats.
      await must(benSocket, 'chat:history', { groupId });
      await must(cySocket, 'chat:groups', {});
      const heard = [next(benSocket, 'chat:message'), next(cySocket, 'chat:message')];
      const line = await must(anaSocket, 'chat:send', {
        groupId,
        clientId: clientId(),
        text: 'Hi',
      });
      expect(await Promise.all(heard)).toEqual([line, line]);
    } finally {
      move.restore();
    }
  });

  it('refuses bad input with INVALID_PAYLOAD and stores nothing', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana']);
    const socket = await openChatSocket(nodes.a, (members[0] as (typeof members)[0]).client);
    const before = await stored();
    const bad = [
      { groupId, clientId: clientId(), text: '' },
      { groupId, clientId: clientId(), text: '   ' },
      { groupId, clientId: clientId(), text: 'x'.repeat(2001) },
      { groupId, clientId: clientId(), text: 42 },
      { groupId, clientId: clientId(), text: { $gt: '' } },
      { groupId: { $gt: '' }, clientId: clientId(), text: 'hi' },
      { groupId, clientId: { $ne: null }, text: 'hi' },
      JSON.parse(
        `{"groupId":"${groupId}","clientId":"${clientId()}","text":"hi","__proto__":{"x":1}}`,
      ),
      { groupId, clientId: clientId(), text: 'hi', extra: true },
      { groupId, clientId: 'short', text: 'hi' },
      { groupId, clientId: clientId(), text: 'bell \u0007' },
    ];
    for (const payload of bad)
      expect(codeOf(await call(socket, 'chat:send', payload)), JSON.stringify(payload)).toBe(
        'INVALID_PAYLOAD',
      );
    expect(await stored()).toBe(before);
    expect(codeOf(await call(socket, 'chat:history', { groupId, limit: 101 }))).toBe(
      'INVALID_PAYLOAD',
    );
  });

  it('stops a group’s lines at once, on every node, when a member leaves it', async () => {
    const { groupId, members } = await groupWith(nodes.a, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const anaSocket = await openChatSocket(nodes.a, ana.client);
    const benSocket = await openChatSocket(nodes.b, ben.client);
    const benEvents = recordEvents(benSocket);
    // Ben leaves through node A's REST API; his socket is on node B.
    expect((await ben.client.post(`/api/groups/${groupId}/leave`, {})).status).toBe(200);
    await must(anaSocket, 'chat:send', { groupId, clientId: clientId(), text: 'after Ben left' });
    // A line in another group Ben is in travels after it: once he has that, he would have had this.
    const other = await groupWith(nodes.a, []);
    await ben.client.post(`/api/groups/${other.groupId}/join`, {});
    const founder = await openChatSocket(nodes.a, other.founder.client);
    const barrier = next(benSocket, 'chat:message');
    await must(founder, 'chat:send', {
      groupId: other.groupId,
      clientId: clientId(),
      text: 'hello',
    });
    expect((await barrier).groupId).toBe(other.groupId);
    expect(benEvents.filter((e) => e === 'chat:message')).toHaveLength(1);
    expect(codeOf(await call(benSocket, 'chat:history', { groupId }))).toBe('FORBIDDEN');
  });
});
