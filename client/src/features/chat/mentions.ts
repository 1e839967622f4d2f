import { namesMentioned } from '../../../../shared/chat/mention-names.ts';
import type { ChatMember } from '../../../../shared/chat/schemas.ts';

/**
 * The composer's @-mentions: the "@" being typed, the members it may mean, putting the
 * picked name in the text, and which picked members are still named when it is sent.
 */

export interface MentionQuery {
  /** Where the "@" is in the text. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/** An "@" at the start or after a space, then letters (a name's first word) up to the caret. */
const TYPING_MENTION = /(?:^|\s)@([\p{L}\p{M}\p{N}_.'-]{0,30})$/u;

export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const match = TYPING_MENTION.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Case and accents folded, so "alv" finds "Álvaro". */
export const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export const MENTION_CHOICES_MAX = 8;

/** Named members but oneself whose name, or a word of it, starts with the query; by name. */
export function mentionCandidates(
  members: ChatMember[],
  query: string,
  selfId: string,
  locale: string,
): Array<{ userId: string; name: string }> {
  const wanted = fold(query);
  return members
    .filter(
      (m): m is ChatMember & { name: string } =>
        m.name !== null &&
        m.userId !== selfId &&
        fold(m.name)
          .split(/\s+/)
          .some((word) => word.startsWith(wanted)),
    )
    .map(({ userId, name }) => ({ userId, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .slice(0, MENTION_CHOICES_MAX);
}

/** Replaces "@query" with "@Name " (one space, whatever follows) and puts the caret after. */
export function insertMention(
  text: string,
  at: MentionQuery,
  name: string,
): { text: string; caret: number } {
  const before = text.slice(0, at.start);
  const after = text.slice(at.start + 1 + at.query.length);
  const inserted = /^\s/.test(after) ? `@${name}` : `@${name} `;
  const caret = before.length + inserted.length + (/^\s/.test(after) ? 1 : 0);
  return { text: before + inserted + after, caret };
}

/**
 * The members whose "@Name" is in the text (a picked one edited out: not mentioned), once
 * each; a match goes to the longest name ("@Ana García" is not also Ana).
 */
export function mentionsIn(
  text: string,
  named: ReadonlyArray<{ userId: string; name: string }>,
): string[] {
  const found = namesMentioned(
    text,
    named.map((n) => n.name),
  );
  return [...new Set(named.filter(({ name }) => found.has(name)).map((n) => n.userId))];
}

/**
 * The named members but oneself a typed-out "@Name" mentions, as picking them would: each
 * whose name no other member shares (two Sams are told apart only by picking one).
 */
export function typedMentions(
  members: ChatMember[],
  selfId: string,
): Array<{ userId: string; name: string }> {
  const named = members.filter(
    (m): m is ChatMember & { name: string } => m.name !== null && m.userId !== selfId,
  );
  const count = new Map<string, number>();
  for (const { name } of named) count.set(fold(name), (count.get(fold(name)) ?? 0) + 1);
  return named
    .filter(({ name }) => count.get(fold(name)) === 1)
    .map(({ userId, name }) => ({ userId, name }));
}
