import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATE_WRITE_MS } from '../../../client/src/features/chat/newer-reads.ts';
import { openClient } from './fake-chat-socket.ts';
import { GROUP, id, line } from './fixtures.ts';

/**
 * A line is shown to the group while it is written: one shown just before this socket's rooms
 * were joined, and stored just after its read, is in neither. So a read made soon after
 * connecting is made again once such a line must be stored (LATE_WRITE_MS).
 */
describe('ChatClient soon after connecting', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] }));
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
      { groupId: GROUP, after: id(2), limit: 100 },
      { groupId: GROUP, after: id(2), limit: 100 },
    ]);
    expect(texts()).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    client.close();
  });
});
