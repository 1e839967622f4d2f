import type { ChatMessage } from '../../../shared/chat/schemas.ts';

/** The chat's client tests' people, group and lines (ids as the server makes them). */
export const GROUP = 'a'.repeat(24);
export const ME = 'b'.repeat(24);
export const ANA = 'c'.repeat(24);
export const id = (n: number) => n.toString(16).padStart(24, '0');

/** Ana's line number `n`, a minute after the one before, from noon UTC on 1 May 2030. */
export function line(n: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: id(n),
    kind: 'group',
    groupId: GROUP,
    senderId: ANA,
    senderName: 'Ana',
    clientId: `client-${n}`,
    text: `line ${n}`,
    replyTo: null,
    mentions: [],
    reactions: [],
    createdAt: Date.UTC(2030, 4, 1, 12, 0) + n * 60_000,
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}
