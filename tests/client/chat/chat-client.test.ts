import { afterEach, describe, expect, it } from 'vitest';
import { catchUpFrom, unreadTotals } from '../../../client/src/features/chat/chat-state.ts';
import { createChatStore } from '../../../client/src/features/chat/store.ts';
import {
  clientOn,
  closeClients,
  FakeSocket,
  openClient,
  settle,
  storing,
} from './fake-chat-socket.ts';
import { ANA, GROUP, id, line, ME } from './fixtures.ts';

afterEach(closeClients);

describe('ChatClient', () => {
  it('opens a group with its newest page', async () => {
    const { socket, texts } = await openClient([line(1), line(2)]);
    expect(socket.of('chat:history')).toEqual([{ groupId: GROUP, limit: 50 }]);
    expect(texts()).toEqual(['line 1', 'line 2']);
  });

  it('says "reconnecting" while down, and fetches what was missed after the newest line', async () => {
    const { socket, store, texts } = await openClient([line(1), line(2)]);
    socket.fire('disconnect', 'transport close');
    expect(store.getState().connection).toBe('reconnecting');
    let calls = 0;
    // From a few seconds before the newest lines shown (catchUpFrom: ids sort by second,
    // then by node), so what changed in them meanwhile is read too; merged by id.
    const from = catchUpFrom(id(1));
    socket.answers.set('chat:history', (p) => {
      calls++;
      // Two pages of missed lines, oldest first.
      return p.after === from
        ? { ok: true, data: { messages: [line(2), line(3), line(4)], more: true } }
        : { ok: true, data: { messages: [line(5)], more: false } };
    });
    socket.fire('connect');
    expect(store.getState().connection).toBe('online');
    await settle();
    await settle();
    expect(calls).toBe(2);
    expect(socket.of('chat:history').slice(1)).toEqual([
      { groupId: GROUP, after: from, limit: 100 },
      { groupId: GROUP, after: id(4), limit: 100 },
    ]);
    expect(texts()).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
  });

  it('takes what changed while down in the newest lines shown: an edit, a deletion, reactions', async () => {
    // Ids ten seconds apart, as lines a while apart have.
    const at = (s: number) => `${s.toString(16).padStart(8, '0')}${'0'.repeat(16)}`;
    const shown = Array.from({ length: 120 }, (_, i) => line(i + 1, { id: at(1000 + i * 10) }));
    const { socket, store, texts } = await openClient(shown);
    socket.fire('disconnect', 'transport close');
    // Read again from the 100 newest shown (the 21st on): any other cursor is refused below.
    const from = catchUpFrom(at(1200));
    const changed = shown
      .slice(20)
      .map((m) =>
        m.text === 'line 30'
          ? { ...m, text: null, deletedAt: m.createdAt + 1 }
          : m.text === 'line 40'
            ? { ...m, text: 'line 40, mended', editedAt: m.createdAt + 1 }
            : m.text === 'line 50'
              ? { ...m, reactions: [{ emoji: '👍', userIds: [ME] }] }
              : m,
      );
    socket.answers.set('chat:history', (p) =>
      p.after === from
        ? { ok: true, data: { messages: changed, more: false } }
        : { ok: false, error: { code: 'INVALID_PAYLOAD', message: `asked from ${p.after}` } },
    );
    socket.fire('connect');
    await settle();
    await settle();
    const now = texts();
    expect([now[29], now[39]]).toEqual([null, 'line 40, mended']);
    expect(store.getState().lines?.messages[49]?.reactions).toEqual([
      { emoji: '👍', userIds: [ME] },
    ]);
  });

  it('lays a catch-up only over its own group, with what was sent there meanwhile', async () => {
    const { socket, client, store } = await openClient([line(1)]);
    socket.fire('disconnect', 'transport close');
    socket.hold = true;
    const before = socket.sent.length;
    socket.fire('connect');
    const catchUp =
      socket.held[
        socket.sent.findIndex((s, i) => i >= before && s.event === 'chat:history') - before
      ];
    // Sent while the catch-up is read; then another group is opened before it answers.
    client.send('said in the first group');
    const other = 'e'.repeat(24);
    const opening = client.open(other);
    catchUp?.();
    await settle();
    socket.release();
    await opening;
    await settle();
    expect(store.getState().lines).toMatchObject({ groupId: other, pending: [] });
  });

  it('keeps what is pushed while the first page is read, laid over the page in order', async () => {
    const socket = new FakeSocket();
    socket.answers.set('chat:history', () => ({
      ok: true,
      data: { messages: [line(2), line(1)], more: false },
    }));
    const store = createChatStore();
    const client = clientOn(socket, store);
    socket.hold = true;
    const opening = client.open(GROUP);
    // Read by the server before line 3 was stored (a line is shown while it is written),
    // answered after its push: line 3 stays. Line 4 came and was taken back meanwhile.
    socket.fire('chat:message', line(3));
    socket.fire('chat:message', line(4));
    socket.fire('chat:updated', line(2, { text: 'line 2, edited' }));
    socket.fire('chat:withdrawn', { groupId: GROUP, messageId: id(4) });
    socket.release();
    await opening;
    const texts = store.getState().lines?.messages.map((m) => m.text);
    expect(texts).toEqual(['line 1', 'line 2, edited', 'line 3']);
  });

  it('lets a late answer to an earlier open of the group change nothing', async () => {
    const socket = new FakeSocket();
    let reads = 0;
    socket.answers.set('chat:history', () =>
      ++reads === 1
        ? { ok: false, error: { code: 'UNAVAILABLE', message: 'chat:history was not answered' } }
        : { ok: true, data: { messages: [line(1)], more: false } },
    );
    const store = createChatStore();
    const client = clientOn(socket, store);
    socket.hold = true;
    const first = client.open(GROUP);
    const second = client.open(GROUP);
    // The second open is answered first; the first one's failure comes after.
    const [answerFirst, answerSecond] = socket.sent
      .flatMap((s, i) => (s.event === 'chat:history' ? [socket.held[i]] : []))
      .slice(-2);
    answerSecond?.();
    await second;
    answerFirst?.();
    await first;
    expect(store.getState()).toMatchObject({ loadError: null, lines: { groupId: GROUP } });
    expect(store.getState().lines?.messages.map((m) => m.text)).toEqual(['line 1']);
  });

  it('catches up again when it reconnects while catching up', async () => {
    const { socket } = await openClient([line(1)]);
    socket.fire('disconnect', 'transport close');
    socket.hold = true;
    socket.fire('connect');
    // Down again before the catch-up's answer, which may then never come.
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    socket.hold = false;
    socket.release();
    await expect.poll(() => socket.of('chat:history').length, { interval: 5 }).toBe(3);
  });

  it('keeps a line that failed while down in an empty group, and sends it again', async () => {
    const { socket, client, texts } = await openClient();
    socket.answers.set('chat:send', () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'chat:send was not answered' },
    }));
    client.send('hi');
    await settle();
    socket.fire('disconnect', 'transport close');
    storing(socket, 4);
    socket.fire('connect');
    await expect.poll(() => socket.of('chat:send').length, { interval: 5 }).toBe(2);
    await expect.poll(texts, { interval: 5 }).toEqual(['hi']);
  });

  it('tells typing at most every few seconds, and marks read once per newest line', async () => {
    const { socket, client } = await openClient([line(1)]);
    client.typing();
    client.typing();
    expect(socket.of('chat:typing')).toEqual([{ groupId: GROUP }]);
    client.markRead(id(1));
    client.markRead(id(1));
    expect(socket.of('chat:read')).toEqual([{ groupId: GROUP, messageId: id(1) }]);
  });

  it('takes lines sent together (chat:messages) as each one sent alone, in order', async () => {
    const { socket, texts } = await openClient([line(1)]);
    socket.fire('chat:messages', [line(2), line(3)]);
    socket.fire('chat:message', line(4));
    expect(texts()).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    socket.fire('chat:messages', [line(5, { groupId: id(77) }), line(6, { groupId: id(77) })]);
    // Another group's lines do not land in the open one.
    expect(texts()).toHaveLength(4);
  });

  it('writes nothing to the store once closed, even when a late answer comes', async () => {
    const { socket, store, client } = await openClient();
    socket.hold = true;
    socket.answers.set('chat:send', () => ({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'try again in 7 seconds' },
    }));
    client.send('hello');
    client.close();
    const before = store.getState();
    socket.release();
    await settle();
    socket.fire('chat:message', line(9));
    expect(store.getState()).toBe(before);
  });

  it('loads the page before the oldest line, once at a time, until there is no more', async () => {
    const socket = new FakeSocket();
    socket.answers.set('chat:history', (p) =>
      p.before === id(10)
        ? { ok: true, data: { messages: [line(9), line(8)], more: false } }
        : { ok: true, data: { messages: [line(11), line(10)], more: true } },
    );
    const store = createChatStore();
    const client = clientOn(socket, store);
    await client.open(GROUP);
    expect(store.getState().lines?.hasOlder).toBe(true);
    const twice = Promise.all([client.loadOlder(), client.loadOlder()]);
    expect(store.getState().loadingOlder).toBe(true);
    await twice;
    expect(socket.of('chat:history').slice(1)).toEqual([
      { groupId: GROUP, before: id(10), limit: 50 },
    ]);
    expect(store.getState().lines?.messages.map((m) => m.id)).toEqual([8, 9, 10, 11].map(id));
    expect(store.getState()).toMatchObject({ loadingOlder: false, lines: { hasOlder: false } });
    await client.loadOlder();
    expect(socket.of('chat:history')).toHaveLength(2);
  });
  it('lays an older page only over its own group, not one opened while it was read', async () => {
    const socket = new FakeSocket();
    socket.answers.set('chat:history', (p) =>
      p.before
        ? { ok: true, data: { messages: [line(1)], more: false } }
        : {
            ok: true,
            data: {
              messages: [p.groupId === GROUP ? line(2) : line(3, { groupId: String(p.groupId) })],
              more: true,
            },
          },
    );
    const store = createChatStore();
    const client = clientOn(socket, store);
    await client.open(GROUP);
    socket.hold = true;
    const older = client.loadOlder();
    const other = 'd'.repeat(24);
    const opening = client.open(other);
    socket.hold = false;
    socket.release();
    await Promise.all([older, opening]);
    // The other group's first page said there is more: GROUP's older page does not undo that.
    expect(store.getState().lines).toMatchObject({ groupId: other, hasOlder: true });
    expect(store.getState().lines?.messages.map((m) => m.id)).toEqual([id(3)]);
  });

  it('reports a line with its reason (and a note only when given), saying why a refusal came', async () => {
    const { socket, store, client } = await openClient([line(1)]);
    socket.answers.set('chat:report', () => ({ ok: true, data: { id: id(99), status: 'open' } }));
    expect(await client.moderation.report(id(1), 'harmful')).toBeNull();
    expect(await client.moderation.report(id(1), 'other', 'Please look')).toBeNull();
    expect(socket.of('chat:report')).toEqual([
      { messageId: id(1), reason: 'harmful' },
      { messageId: id(1), reason: 'other', note: 'Please look' },
    ]);
    socket.answers.set('chat:report', () => ({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: 'this message was deleted' },
    }));
    expect(await client.moderation.report(id(1), 'spam')).toBe('INVALID_TRANSITION');
    // A report changes nothing on screen: the line stays as it is.
    expect(store.getState().lines?.messages.map((m) => m.text)).toEqual(['line 1']);
  });
});

describe('ChatClient beyond the open group', () => {
  const who = (state: 'online' | 'away' | 'offline') => ({
    ok: true as const,
    data: {
      members: [
        { userId: ME, name: 'Me', state: 'online', lastSeen: null },
        { userId: ANA, name: 'Ana', state, lastSeen: null },
      ],
    },
  });

  it('shows who is here on opening, then each change pushed, and nothing without presence', async () => {
    const socket = new FakeSocket();
    socket.answers.set('chat:history', () => ({ ok: true, data: { messages: [], more: false } }));
    socket.answers.set('chat:who', () => who('online'));
    const store = createChatStore();
    const client = clientOn(socket, store);
    await client.open(GROUP);
    await settle();
    expect(socket.of('chat:who')).toEqual([{ groupId: GROUP }]);
    socket.fire('chat:presence', { userId: ANA, state: 'away', lastSeen: null });
    expect(store.getState().members?.find((m) => m.userId === ANA)?.state).toBe('away');
    client.leave(GROUP);
    expect(store.getState()).toMatchObject({ members: null, lines: null });
    // Without Redis the server answers UNAVAILABLE: the list is not shown at all.
    socket.answers.set('chat:who', () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'presence needs Redis' },
    }));
    await client.open(GROUP);
    await settle();
    expect(store.getState().members).toBeNull();
  });

  it('says online or away on connecting and when the page is hidden or shown, once each', async () => {
    const socket = new FakeSocket();
    const store = createChatStore();
    socket.connected = false;
    const client = clientOn(socket, store);
    client.setVisible(false);
    socket.connected = true;
    socket.fire('connect');
    client.setVisible(false);
    client.setVisible(true);
    expect(socket.of('chat:presence')).toEqual([{ state: 'away' }, { state: 'online' }]);
  });

  it('loads the chat list on connecting and keeps the badge counts live', async () => {
    const socket = new FakeSocket();
    const OTHER = 'e'.repeat(24);
    socket.answers.set('chat:groups', () => ({
      ok: true,
      data: {
        groups: [
          { groupId: GROUP, name: 'G', unread: 0, mentions: 0, lastMessageAt: null },
          { groupId: OTHER, name: 'H', unread: 2, mentions: 0, lastMessageAt: null },
        ],
      },
    }));
    const store = createChatStore();
    const client = clientOn(socket, store);
    socket.fire('connect');
    await settle();
    const totals = () => unreadTotals(store.getState().groups);
    expect(totals()).toEqual({ unread: 2, mentions: 0 });
    socket.fire('chat:message', line(5, { groupId: GROUP }));
    socket.fire('chat:mention', { groupId: GROUP, messageId: id(5) });
    expect(totals()).toEqual({ unread: 3, mentions: 1 });
    // Opening the group and reading its newest line clears its counts.
    socket.answers.set('chat:history', () => ({
      ok: true,
      data: { messages: [line(5, { groupId: GROUP })], more: false },
    }));
    await client.open(GROUP);
    client.markRead(id(5));
    await settle();
    expect(totals()).toEqual({ unread: 2, mentions: 0 });
  });

  it('counts a line that comes while the chat list is loading, once', async () => {
    const socket = new FakeSocket();
    // The list as the server read it: line 4 was stored by then, line 5 not yet (a group
    // line is shown to its members before it is stored).
    socket.answers.set('chat:groups', () => ({
      ok: true,
      data: {
        groups: [
          {
            groupId: GROUP,
            name: 'G',
            unread: 1,
            mentions: 0,
            lastMessageAt: line(4).createdAt,
          },
        ],
      },
    }));
    const store = createChatStore();
    clientOn(socket, store);
    socket.hold = true;
    socket.fire('connect');
    socket.fire('chat:message', line(4));
    socket.fire('chat:message', line(5));
    socket.fire('chat:mention', { groupId: GROUP, messageId: id(5) });
    socket.release();
    await settle();
    expect(unreadTotals(store.getState().groups)).toEqual({ unread: 2, mentions: 1 });
  });
});
