import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchUpFrom } from '../../../client/src/features/chat/chat-state.ts';
import { LATE_WRITE_MS } from '../../../client/src/features/chat/newer-reads.ts';
import { clientOn, closeClients, FakeSocket, openClient } from './fake-chat-socket.ts';
import { GROUP, id, line } from './fixtures.ts';

afterEach(closeClients);

/**
 * A line is shown to the group while it is written: one shown just before this socket's rooms
 * were joined, and stored just after its read, is in neither. So a read made soon after
 * connecting is made again once such a line must be stored (LATE_WRITE_MS).
 */
describe('ChatClient soon after connecting', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  const page = (messages: ReturnType<typeof line>[]) => ({
    ok: true as const,
    data: { messages, more: false },
  });

  it('reads the open group again from its oldest line, and adds what was stored late', async () => {
    const { socket, client, texts } = await openClient([line(1), line(2)]);
    socket.answers.set('chat:history', (p) =>
      p.after === id(1) ? page([line(2), line(3)]) : page([]),
    );
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS - 1);
    expect(socket.of('chat:history')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.of('chat:history').slice(1)).toEqual([
      { groupId: GROUP, after: id(1), limit: 100 },
    ]);
    expect(texts()).toEqual(['line 1', 'line 2', 'line 3']);
    client.close();
  });

  it('reads an empty group’s newest page again', async () => {
    const { socket, client, texts } = await openClient([]);
    socket.answers.set('chat:history', () => page([line(1)]));
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS);
    expect(socket.of('chat:history')).toEqual([
      { groupId: GROUP, limit: 50 },
      { groupId: GROUP, limit: 100 },
    ]);
    expect(texts()).toEqual(['line 1']);
    client.close();
  });

  it('reads a group opened long after connecting once only', async () => {
    const { socket, client } = await openClient([line(1)]);
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS);
    await client.open(GROUP);
    const reads = socket.of('chat:history').length;
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS * 2);
    expect(socket.of('chat:history')).toHaveLength(reads);
    client.close();
  });

  it('catches up after a reconnect, then once more from the same line', async () => {
    const { socket, client, texts } = await openClient([line(1), line(2)]);
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS);
    socket.fire('disconnect', 'transport close');
    const reads = socket.of('chat:history').length;
    let late = false;
    socket.answers.set('chat:history', () => page(late ? [line(3), line(4)] : [line(3)]));
    socket.fire('connect');
    await vi.advanceTimersByTimeAsync(0);
    expect(texts()).toEqual(['line 1', 'line 2', 'line 3']);
    late = true;
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS);
    expect(socket.of('chat:history').slice(reads)).toEqual([
      { groupId: GROUP, after: catchUpFrom(id(2)), limit: 100 },
      { groupId: GROUP, after: catchUpFrom(id(2)), limit: 100 },
    ]);
    expect(texts()).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    client.close();
  });

  it('counts from the first answer after connecting, by when the rooms were surely joined', async () => {
    const socket = new FakeSocket();
    socket.answers.set('chat:history', () => page([line(1)]));
    const client = clientOn(socket);
    socket.fire('connect');
    socket.hold = true;
    const opening = client.open(GROUP);
    // The server took its time joining the socket's rooms; the read waited for them.
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS + 500);
    socket.hold = false;
    socket.release();
    await opening;
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS - 1);
    expect(socket.of('chat:history')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.of('chat:history')).toHaveLength(2);
    client.close();
  });

  it('reads again once after reconnects in a row, from the line furthest back', async () => {
    const { socket, client } = await openClient([line(1), line(2)]);
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(100);
      socket.fire('disconnect', 'transport close');
      socket.fire('connect');
      await vi.advanceTimersByTimeAsync(0);
    }
    const reads = socket.of('chat:history').length;
    expect(reads).toBe(4);
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS * 2);
    // The first page's oldest line is further back than the catch-ups' cursor.
    expect(socket.of('chat:history').slice(reads)).toEqual([
      { groupId: GROUP, after: catchUpFrom(id(2)), limit: 100 },
    ]);
    client.close();
  });

  it('reads nothing again once closed, or once another group is open', async () => {
    const closed = await openClient([line(1)]);
    closed.client.close();
    const moved = await openClient([line(1)]);
    moved.client.leave(GROUP);
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS);
    expect(closed.socket.of('chat:history')).toHaveLength(1);
    expect(moved.socket.of('chat:history')).toHaveLength(1);
  });

  it('stops paging at a page that does not move past where it began', async () => {
    const { socket, client } = await openClient([line(1), line(2)]);
    // A server answering "more" with the same lines, whatever is asked.
    socket.answers.set('chat:history', () => ({
      ok: true,
      data: { messages: [line(2), line(1)], more: true },
    }));
    await vi.advanceTimersByTimeAsync(LATE_WRITE_MS);
    expect(socket.of('chat:history')).toHaveLength(2);
    client.close();
  });
});
