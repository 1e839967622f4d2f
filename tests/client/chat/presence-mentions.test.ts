import { describe, expect, it } from 'vitest';
import { unreadTotals } from '../../../client/src/features/chat/chat-state.ts';
import {
  insertMention,
  mentionCandidates,
  mentionQuery,
  mentionsIn,
  typedMentions,
} from '../../../client/src/features/chat/mentions.ts';
import {
  namedFromLines,
  presenceCounts,
  presenceReceived,
  sortedMembers,
} from '../../../client/src/features/chat/presence.ts';
import { mentionParts } from '../../../client/src/features/chat/text.ts';
import type { ChatGroupSummary, ChatMember } from '../../../shared/chat/schemas.ts';

const ANA = 'a'.repeat(24);
const BEN = 'b'.repeat(24);
const CLEO = 'c'.repeat(24);
const HIDDEN = 'd'.repeat(24);

const members: ChatMember[] = [
  { userId: ANA, name: 'Ana', state: 'online', lastSeen: null },
  { userId: BEN, name: 'Ben', state: 'away', lastSeen: null },
  { userId: CLEO, name: 'Álvaro Cleo', state: 'offline', lastSeen: 1_900_000_000_000 },
  { userId: HIDDEN, name: null, state: 'online', lastSeen: null },
];

describe('who is here', () => {
  it('applies a live change to a member of the open group, and ignores others', () => {
    const next = presenceReceived(members, { userId: BEN, state: 'offline', lastSeen: 5 });
    expect(next.find((m) => m.userId === BEN)).toEqual({
      userId: BEN,
      name: 'Ben',
      state: 'offline',
      lastSeen: 5,
    });
    const stranger = { userId: 'e'.repeat(24), state: 'online' as const, lastSeen: null };
    expect(presenceReceived(members, stranger)).toBe(members);
  });

  it('drops a stale "last seen" when the member comes back', () => {
    const back = presenceReceived(members, { userId: CLEO, state: 'online', lastSeen: null });
    expect(back.find((m) => m.userId === CLEO)?.lastSeen).toBeNull();
  });

  it('counts everyone, named or not, by state', () => {
    expect(presenceCounts(members)).toEqual({ online: 2, away: 1, offline: 1 });
  });

  it('lists the named members online first, then away, then offline, by name', () => {
    const more = [
      ...members,
      { userId: 'f'.repeat(24), name: 'Zoe', state: 'online' as const, lastSeen: null },
    ];
    expect(sortedMembers(more, 'en').map((m) => m.name)).toEqual([
      'Ana',
      'Zoe',
      'Ben',
      'Álvaro Cleo',
    ]);
  });

  it('names a member from their own lines: their name is on them anyway', () => {
    const named = namedFromLines(members, [
      { senderId: HIDDEN, senderName: 'Dana' },
      { senderId: null, senderName: null },
    ]);
    expect(named.find((m) => m.userId === HIDDEN)?.name).toBe('Dana');
    expect(namedFromLines(members, [{ senderId: ANA, senderName: 'Ana' }])).toBe(members);
  });
});

describe('the header badge', () => {
  const summary = (unread: number, mentions: number): ChatGroupSummary => ({
    kind: 'group',
    groupId: ANA,
    name: 'G',
    unread,
    mentions,
    lastMessageAt: null,
    online: null,
  });

  it('adds up new lines and mentions over every group', () => {
    expect(unreadTotals([summary(2, 0), summary(3, 1)])).toEqual({ unread: 5, mentions: 1 });
    expect(unreadTotals(null)).toEqual({ unread: 0, mentions: 0 });
  });
});

describe('the mention picker', () => {
  it('finds the "@" being typed before the caret, after a space or at the start', () => {
    expect(mentionQuery('hi @be', 6)).toEqual({ start: 3, query: 'be' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('hi @Álv', 7)).toEqual({ start: 3, query: 'Álv' });
    // Not an address, not after the word ended, not beyond the caret.
    expect(mentionQuery('mail ana@example', 16)).toBeNull();
    expect(mentionQuery('hi @ben and', 11)).toBeNull();
    expect(mentionQuery('hi @ben', 3)).toBeNull();
  });

  it('offers the named members whose name (or a word of it) starts with the query', () => {
    const names = (query: string) =>
      mentionCandidates(members, query, ANA, 'en').map((m) => m.name);
    expect(names('b')).toEqual(['Ben']);
    // Accents and case are folded; any word of the name counts.
    expect(names('alv')).toEqual(['Álvaro Cleo']);
    expect(names('cle')).toEqual(['Álvaro Cleo']);
    // Everyone named but oneself, by name.
    expect(names('')).toEqual(['Álvaro Cleo', 'Ben']);
    expect(names('x')).toEqual([]);
  });

  it('puts "@Name " where the query was (one space after it) and the caret after that', () => {
    expect(insertMention('hi @be there', { start: 3, query: 'be' }, 'Ben')).toEqual({
      text: 'hi @Ben there',
      caret: 8,
    });
    expect(insertMention('@', { start: 0, query: '' }, 'Álvaro Cleo')).toEqual({
      text: '@Álvaro Cleo ',
      caret: 13,
    });
  });

  it('sends the picked members still named in the text, once each', () => {
    const picked = [
      { userId: BEN, name: 'Ben' },
      { userId: CLEO, name: 'Álvaro Cleo' },
      { userId: BEN, name: 'Ben' },
    ];
    expect(mentionsIn('@Ben and @Ben again', picked)).toEqual([BEN]);
    expect(mentionsIn('no one', picked)).toEqual([]);
  });

  it('takes a name typed out in full as a mention, unless two members share it', () => {
    const member = (userId: string, name: string | null): ChatMember => ({
      userId,
      name,
      state: 'online',
      lastSeen: null,
    });
    const members = [
      member(ANA, 'Ana'),
      member(BEN, 'Ben'),
      member(CLEO, 'Ben'),
      member(HIDDEN, null),
    ];
    expect(typedMentions(members, ANA)).toEqual([]);
    const others = [member(ANA, 'Ana'), member(BEN, 'Ben'), member(CLEO, 'Álvaro Cleo')];
    expect(mentionsIn('@Álvaro Cleo, @Ana!', typedMentions(others, ANA))).toEqual([CLEO]);
    // A match goes to the longest name: "@Ben Álvaro" is Ben Álvaro, not also Ben.
    const both = [member(BEN, 'Ben'), member(CLEO, 'Ben Álvaro')];
    expect(mentionsIn('hi @Ben Álvaro', typedMentions(both, ANA))).toEqual([CLEO]);
  });

  it('marks the mentions in a line by the names of those mentioned', () => {
    expect(mentionParts('hi @Ben and @Álvaro Cleo!', ['Ben', 'Álvaro Cleo'])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@Ben' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@Álvaro Cleo' },
      { kind: 'text', text: '!' },
    ]);
    expect(mentionParts('mail @Bent', ['Ben'])).toEqual([{ kind: 'text', text: 'mail @Bent' }]);
    expect(mentionParts('plain', [])).toEqual([{ kind: 'text', text: 'plain' }]);
  });
});
