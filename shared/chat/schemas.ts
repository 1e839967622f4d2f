import { z } from 'zod';
import { idSchema } from '../api/common.ts';
import { staffBadgeSchema } from '../api/community/common.ts';

/**
 * Group chat as it travels between server and client (namespace `/chat`). Messages are
 * stored (MongoDB) and belong to one group; only its members read or write them. Text is
 * plain text, always: the client renders it as text and makes links clickable itself.
 */

export const CHAT_TEXT_MAX = 2000;
export const CHAT_HISTORY_MAX = 100;
export const CHAT_MENTIONS_MAX = 20;

/** Plain text: trimmed, 1-2000 characters, no control characters but newlines and tabs. */
export const chatTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(CHAT_TEXT_MAX)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  .refine((text) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text), 'no control characters');

/**
 * Made by the sending client, once per message, and sent again with every retry: with the
 * group and the sender it makes a retried send find the message already stored.
 */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a client id');

/** A reaction is one emoji (one grapheme, a few code points at most), never free text. */
export const emojiSchema = z
  .string()
  .min(1)
  .max(16)
  .refine((value) => /^\p{Extended_Pictographic}/u.test(value), 'must be an emoji')
  .refine((value) => [...new Intl.Segmenter().segment(value)].length === 1, 'one emoji');

export const chatReactionSchema = z.object({ emoji: z.string(), userIds: z.array(idSchema) });

export const chatReplySchema = z.object({
  id: idSchema,
  /** null once the replied-to member deleted their account. */
  senderName: z.string().nullable(),
  /** The start of the replied-to text; null once it was deleted. */
  excerpt: z.string().nullable(),
});

export const chatMessageSchema = z.object({
  id: idSchema,
  /** A group line, or a line of a private conversation between two contacts (contacts.ts). */
  kind: z.enum(['group', 'private']),
  /** The group's id, or for a private line its conversation's (a chat of two). */
  groupId: idSchema,
  /** null: the sender deleted their account ("a deleted member"). */
  senderId: idSchema.nullable(),
  senderName: z.string().nullable(),
  /** The sender is site staff: shown beside their name (shared/api/community/common.ts). */
  senderStaff: staffBadgeSchema.optional(),
  clientId: z.string(),
  /** null: deleted by its sender or a moderator (a tombstone keeps its place). */
  text: z.string().nullable(),
  replyTo: chatReplySchema.nullable(),
  /** Members mentioned (@name); each is told. */
  mentions: z.array(idSchema),
  reactions: z.array(chatReactionSchema),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  deletedAt: z.number().nullable(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * A chat in the member's list (a group, or a private conversation): unread lines and
 * mentions since their last read.
 */
export const chatGroupSummarySchema = z.object({
  /** A group, or a private conversation with a contact (its id in `groupId`). */
  kind: z.enum(['group', 'private']),
  groupId: idSchema,
  /** The group's name, or the other member's; null: they deleted their account. */
  name: z.string().nullable(),
  unread: z.number().int().min(0),
  mentions: z.number().int().min(0),
  lastMessageAt: z.number().nullable(),
  /** Others online now; null when not asked for, or presence is unavailable (no Redis). */
  online: z.number().int().min(0).nullable(),
});
export type ChatGroupSummary = z.infer<typeof chatGroupSummarySchema>;

/** A member's presence as others see it; last seen only for those who turned it on. */
export const presenceSchema = z.object({
  userId: idSchema,
  state: z.enum(['online', 'away', 'offline']),
  lastSeen: z.number().nullable(),
});
export type MemberPresence = z.infer<typeof presenceSchema>;

/**
 * A group's member as `chat:who` answers: their presence, and their name when they show in
 * the group's member lists (or moderate it, or ask themselves); null keeps a member who
 * chose not to be listed unnamed (their lines still carry their name).
 */
export const chatMemberSchema = presenceSchema.extend({ name: z.string().nullable() });
export type ChatMember = z.infer<typeof chatMemberSchema>;
