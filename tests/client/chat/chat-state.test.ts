import { describe, expect, it } from 'vitest';
import {
  catchUpFrom,
  emptyLines,
  messageStored,
  messageUpdated,
  messageWithdrawn,
  newestId,
  olderPage,
  oldestId,
  pendingAdded,
  pendingDiscarded,
  refreshedPage,
  sendFailed,
  sendFailedLine,
  sendRetried,
  sortedSummaries,
  summaryMentioned,
  summaryMessage,
  summaryRead,
  unreadAfter,
} from '../../../client/src/features/chat/chat-state.ts';
import { newClientId, textParts } from '../../../client/src/features/chat/text.ts';
import {
  dayLabel,
  dayOf,
  timeline,
  typingNames,
  typingReceived,
  typingStopped,
} from '../../../client/src/features/chat/timeline.ts';
import { clientIdSchema } from '../../../shared/chat/schemas.ts';
import { ANA, GROUP, id, line, ME } from './fixtures.ts';

const start = () => emptyLines(GROUP, ME);
const ids = (lines: ReturnType<typeof start>) => lines.messages.map((m) => m.id);

describe('group lines', () => {
  it('keeps lines in id order without duplicates, whatever order they arrive in', () => {
    let lines = start();
    for (const n of [3, 1, 2, 3, 1]) lines = messageStored(lines, line(n));
    expect(ids(lines)).toEqual([id(1), id(2), id(3)]);
    expect(oldestId(lines)).toBe(id(1));
    expect(newestId(lines)).toBe(id(3));
  });

  it('catches up from a few seconds before the newest line, where another node’s can sort', () => {
    // 0x65a0b0c0 seconds, then the node's digits: the cursor keeps only the second, less 5.
    expect(catchUpFrom(`65a0b0c0${'f'.repeat(16)}`)).toBe(`65a0b0bb${'0'.repeat(16)}`);
    expect(catchUpFrom(`65a0b0c0${'f'.repeat(16)}`)).toMatch(/^[a-f0-9]{24}$/);
    expect(catchUpFrom(id(2))).toBe('0'.repeat(24));
  });

  it('ignores lines of another group', () => {
    const lines = start();
    expect(messageStored(lines, line(1, { groupId: 'd'.repeat(24) }))).toBe(lines);
  });

  it('replaces the optimistic line with the stored one, from the ack or the broadcast first', () => {
    const mine = line(5, { senderId: ME, senderName: 'Me', clientId: 'my-client-1' });
    let lines = pendingAdded(start(), {
      clientId: 'my-client-1',
      text: 'hello',
      replyTo: null,
      createdAt: 1,
    });
    expect(lines.pending).toHaveLength(1);
    // The broadcast wins the race; the ack that follows changes nothing.
    lines = messageStored(lines, mine);
    expect(lines.pending).toEqual([]);
    expect(ids(lines)).toEqual([id(5)]);
    expect(messageStored(lines, mine)).toBe(lines);
  });

  it("does not settle this member's pending line with someone else's clientId", () => {
    let lines = pendingAdded(start(), { clientId: 'same', text: 'x', replyTo: null, createdAt: 1 });
    lines = messageStored(lines, line(1, { clientId: 'same' }));
    expect(lines.pending).toHaveLength(1);
  });

  it('marks a failed send, retries it with the same clientId, and can discard it', () => {
    let lines = pendingAdded(start(), {
      clientId: 'try-1',
      text: 'x',
      replyTo: null,
      createdAt: 1,
    });
    lines = sendFailed(lines, 'try-1', 'UNAVAILABLE');
    expect(lines.pending[0]).toMatchObject({ status: 'failed', error: 'UNAVAILABLE' });
    lines = sendRetried(lines, 'try-1');
    expect(lines.pending[0]).toMatchObject({ clientId: 'try-1', status: 'sending', error: null });
    // Adding the same clientId again never makes two lines.
    expect(pendingAdded(lines, { clientId: 'try-1', text: 'x', replyTo: null, createdAt: 2 })).toBe(
      lines,
    );
    expect(pendingDiscarded(lines, 'try-1').pending).toEqual([]);
  });

  it('takes back a line shown while it was written, and gives its sender a Retry', () => {
    const pending = { clientId: 'shown-1', text: 'hello', replyTo: null, createdAt: 1 };
    const shown = line(5, { senderId: ME, senderName: 'Me', clientId: 'shown-1' });
    let lines = messageStored(pendingAdded(start(), pending), shown);
    expect(lines.pending).toEqual([]);
    lines = messageWithdrawn(lines, GROUP, id(5));
    expect(ids(lines)).toEqual([]);
    expect(messageWithdrawn(lines, 'f'.repeat(24), id(5))).toBe(lines);
    const [kept] = pendingAdded(start(), pending).pending;
    if (!kept) throw new Error('no pending line');
    lines = sendFailedLine(lines, kept, 'UNAVAILABLE');
    expect(lines.pending).toEqual([{ ...kept, status: 'failed', error: 'UNAVAILABLE' }]);
    // A stored copy still here means the line is in: no Retry for it.
    const stored = messageStored(start(), shown);
    expect(sendFailedLine(stored, kept, 'UNAVAILABLE')).toBe(stored);
  });

  it('keeps one line per sender and clientId: the copy stored under another id replaces it', () => {
    const shown = line(5, { senderId: ANA, clientId: 'resent' });
    const stored = line(7, { senderId: ANA, clientId: 'resent', text: 'the same line' });
    let lines = messageStored(messageStored(start(), line(6)), shown);
    lines = messageStored(lines, stored);
    expect(ids(lines)).toEqual([id(6), id(7)]);
    // Another member's line with the same clientId is another line.
    lines = messageStored(lines, line(8, { senderId: ME, clientId: 'resent' }));
    expect(ids(lines)).toEqual([id(6), id(7), id(8)]);
  });

  it('prepends older pages (newest first on the wire) and remembers whether more exist', () => {
    let lines = olderPage(start(), [line(30), line(29), line(28)], true);
    expect(ids(lines)).toEqual([id(28), id(29), id(30)]);
    expect(lines.hasOlder).toBe(true);
    lines = olderPage(lines, [line(27), line(26)], false);
    expect(ids(lines)).toEqual([id(26), id(27), id(28), id(29), id(30)]);
    expect(lines.hasOlder).toBe(false);
  });

  it('appends what was missed after a reconnect, overlapping lines only once, read again', () => {
    let lines = olderPage(start(), [line(2, { text: 'gone', deletedAt: 5 }), line(1)], false);
    lines = refreshedPage(lines, [line(1, { text: 'mended', editedAt: 9 }), line(2), line(3)]);
    expect(ids(lines)).toEqual([id(1), id(2), id(3)]);
    // The copy read again stands, unless it would revive a deleted line.
    expect(lines.messages.map((m) => m.text)).toEqual(['mended', 'gone', 'line 3']);
  });

  it('applies edits, deletions and reactions, and never revives a deleted line', () => {
    let lines = olderPage(start(), [line(1)], false);
    lines = messageUpdated(lines, line(1, { text: 'better', editedAt: 10 }));
    expect(lines.messages[0]?.text).toBe('better');
    const reacted = line(1, {
      text: 'better',
      editedAt: 10,
      reactions: [{ emoji: '👍', userIds: [ME] }],
    });
    lines = messageUpdated(lines, reacted);
    expect(lines.messages[0]?.reactions).toHaveLength(1);
    // An older copy (the original broadcast arriving late) does not undo the edit.
    lines = messageStored(lines, line(1));
    expect(lines.messages[0]?.text).toBe('better');
    lines = messageUpdated(lines, line(1, { text: null, deletedAt: 20, editedAt: 10 }));
    expect(lines.messages[0]?.text).toBeNull();
    lines = messageUpdated(lines, reacted);
    expect(lines.messages[0]?.deletedAt).toBe(20);
    // An update for a line not loaded is not shown out of place.
    expect(messageUpdated(lines, line(99))).toBe(lines);
  });

  it("counts unread lines after the read mark, not the member's own or deleted ones", () => {
    const lines = olderPage(
      start(),
      [line(4), line(3, { senderId: ME }), line(2, { deletedAt: 1, text: null }), line(1)],
      false,
    );
    expect(unreadAfter(lines, null)).toBe(2);
    expect(unreadAfter(lines, id(1))).toBe(1);
    expect(unreadAfter(lines, id(4))).toBe(0);
  });
});

describe('the chat list', () => {
  const groups = [
    {
      kind: 'group' as const,
      groupId: GROUP,
      name: 'Harbour',
      unread: 0,
      mentions: 0,
      lastMessageAt: 1,
      online: null,
    },
    {
      kind: 'group' as const,
      groupId: 'e'.repeat(24),
      name: 'Anchor',
      unread: 2,
      mentions: 1,
      lastMessageAt: null,
      online: null,
    },
  ];

  it('counts new lines in closed groups, not in the open one or from oneself', () => {
    expect(summaryMessage(groups, line(1), ME, null)[0]).toMatchObject({ unread: 1 });
    expect(summaryMessage(groups, line(1), ME, GROUP)[0]).toMatchObject({ unread: 0 });
    expect(summaryMessage(groups, line(1, { senderId: ME }), ME, null)[0]?.unread).toBe(0);
    expect(summaryMentioned(groups, GROUP)[0]?.mentions).toBe(1);
    expect(summaryRead(groups, 'e'.repeat(24))[1]).toMatchObject({ unread: 0, mentions: 0 });
  });

  it('sorts the most recent conversation first', () => {
    expect(sortedSummaries(groups, 'en').map((g) => g.name)).toEqual(['Harbour', 'Anchor']);
  });
});

describe('the timeline', () => {
  it('puts a day separator where the day changes in the member’s time zone', () => {
    // 21:30 and 22:30 UTC on 1 May: in New York (UTC-4) both on 1 May; in Madrid (UTC+2)
    // the second is past midnight, on 2 May.
    const late = Date.UTC(2030, 4, 1, 21, 30);
    const later = Date.UTC(2030, 4, 1, 22, 30);
    let lines = start();
    lines = messageStored(lines, line(1, { createdAt: late }));
    lines = messageStored(lines, line(2, { createdAt: later }));
    const kinds = (zone: string) => timeline(lines, zone).map((i) => i.kind);
    expect(kinds('America/New_York')).toEqual(['day', 'message', 'message']);
    expect(kinds('Europe/Madrid')).toEqual(['day', 'message', 'day', 'message']);
    expect(dayOf(later, 'Europe/Madrid')).toBe('2030-05-02');
  });

  it('shows pending lines after the stored ones', () => {
    let lines = messageStored(start(), line(1));
    lines = pendingAdded(lines, {
      clientId: 'p-1',
      text: 'x',
      replyTo: null,
      createdAt: line(1).createdAt,
    });
    expect(timeline(lines, 'UTC').map((i) => i.kind)).toEqual(['day', 'message', 'pending']);
  });

  it('names today and yesterday, and writes other days in the member’s language', () => {
    const now = Date.UTC(2030, 4, 2, 10);
    const yesterday = Date.UTC(2030, 4, 1, 10);
    expect(dayLabel('2030-05-02', now, now, 'UTC', 'en').relative).toBe('today');
    expect(dayLabel('2030-05-01', yesterday, now, 'UTC', 'en').relative).toBe('yesterday');
    const older = dayLabel('2030-04-20', Date.UTC(2030, 3, 20, 10), now, 'UTC', 'es');
    expect(older).toEqual({ relative: null, date: 'sábado, 20 de abril' });
  });
});

describe('typing', () => {
  it('shows who is typing for a few seconds, once each, until their line arrives', () => {
    let typists = typingReceived([], { userId: ANA, name: 'Ana' }, 0);
    typists = typingReceived(typists, { userId: ANA, name: 'Ana' }, 1_000);
    typists = typingReceived(typists, { userId: ME, name: 'Ben' }, 2_000);
    expect(typingNames(typists, 3_000)).toEqual(['Ana', 'Ben']);
    expect(typingNames(typists, 6_500)).toEqual(['Ben']);
    expect(typingNames(typingStopped(typists, ME), 3_000)).toEqual(['Ana']);
  });
});

describe('text', () => {
  it('makes http and https links, and leaves every other scheme as text', () => {
    expect(textParts('see https://haven.example/a?b=1. and javascript:alert(1)')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://haven.example/a?b=1', href: 'https://haven.example/a?b=1' },
      { kind: 'text', text: '. and javascript:alert(1)' },
    ]);
    expect(textParts('<b>x</b> data:text/html,hi')).toEqual([
      { kind: 'text', text: '<b>x</b> data:text/html,hi' },
    ]);
    expect(textParts('(http://a.org/x_(y))')[1]).toMatchObject({ href: 'http://a.org/x_(y)' });
  });

  it('makes client ids the server accepts', () => {
    expect(clientIdSchema.safeParse(newClientId()).success).toBe(true);
    expect(newClientId(() => '1234-5678-abcd')).toBe('1234-5678-abcd');
  });
});
