import { z } from 'zod';
import { chatReportCreated, chatReportInput } from '../api/chat-reports.ts';
import { idSchema } from '../api/common.ts';
import {
  type ClientToServerEventsOf,
  defineClientEvents,
  defineServerEvents,
  type ServerToClientEventsOf,
} from '../realtime/event-table.ts';
import { contactClientEvents, contactServerEvents } from './contacts.ts';
import {
  CHAT_HISTORY_MAX,
  CHAT_MENTIONS_MAX,
  chatGroupSummarySchema,
  chatMemberSchema,
  chatMessageSchema,
  chatTextSchema,
  clientIdSchema,
  emojiSchema,
  presenceSchema,
} from './schemas.ts';

/**
 * The group chat's protocol on the `/chat` namespace, once: the server binds its handlers
 * from this table (each payload parsed with its schema before anything runs, so an
 * operator-shaped or oversized payload never reaches the database) and the client's emits
 * are typed from it. Whether the caller belongs to the group is checked in the service.
 */

/** A mute lasts at most 30 days; longer is a ban. */
const MUTE_MAX_MINUTES = 60 * 24 * 30;
const ok = z.object({});

export const chatClientEvents = defineClientEvents({
  /** Stores and delivers a line; a retry with the same clientId answers the stored one. */
  'chat:send': {
    payload: z
      .object({
        groupId: idSchema,
        clientId: clientIdSchema,
        text: chatTextSchema,
        replyTo: idSchema.optional(),
        mentions: z.array(idSchema).max(CHAT_MENTIONS_MAX).optional(),
      })
      .strict(),
    ack: chatMessageSchema,
    access: 'member',
    cost: 2,
  },
  /**
   * A page of history, newest first: `before` a message for scrolling up, or `after` one
   * for what was missed while disconnected (oldest first, then, so it can be appended).
   */
  'chat:history': {
    payload: z
      .object({
        groupId: idSchema,
        before: idSchema.optional(),
        after: idSchema.optional(),
        limit: z.number().int().min(1).max(CHAT_HISTORY_MAX).optional(),
      })
      .strict()
      .refine((p) => !(p.before && p.after), 'before or after, not both'),
    ack: z.object({ messages: z.array(chatMessageSchema), more: z.boolean() }),
    access: 'member',
  },
  'chat:edit': {
    payload: z.object({ messageId: idSchema, text: chatTextSchema }).strict(),
    ack: chatMessageSchema,
    access: 'member',
    cost: 2,
  },
  /** One's own line (or, for a moderator, anyone's): the text goes, a tombstone stays. */
  'chat:delete': {
    payload: z.object({ messageId: idSchema }).strict(),
    ack: chatMessageSchema,
    access: 'member',
  },
  'chat:react': {
    payload: z.object({ messageId: idSchema, emoji: emojiSchema, on: z.boolean() }).strict(),
    ack: chatMessageSchema,
    access: 'member',
  },
  /** The group's chat settings, for every member (their screens say when slow mode is on). */
  'chat:settings': {
    payload: z.object({ groupId: idSchema }).strict(),
    ack: z.object({ slowModeSeconds: z.number().int().min(0) }),
    access: 'member',
  },
  /** Moderators: at most one line per member every `seconds` (0 turns it off). */
  'chat:slowMode': {
    payload: z.object({ groupId: idSchema, seconds: z.number().int().min(0).max(3600) }).strict(),
    ack: ok,
    access: 'member',
  },
  /**
   * Moderators: keep a member from writing in the group for a while (`minutes`), or from
   * its chat altogether (`ban`, until lifted); `lift` ends either.
   */
  'chat:restrict': {
    payload: z
      .object({
        groupId: idSchema,
        userId: idSchema,
        action: z.enum(['mute', 'ban', 'lift']),
        minutes: z.number().int().min(1).max(MUTE_MAX_MINUTES).optional(),
      })
      .strict(),
    ack: ok,
    access: 'member',
  },
  /**
   * Reports someone else's line to the group's moderators and site staff (reasons as for
   * posts). One open report per member and line: a second answers the first.
   */
  'chat:report': {
    payload: chatReportInput,
    ack: chatReportCreated,
    access: 'member',
    cost: 2,
  },
  /** Words in a group's lines (case and accents ignored), newest first. */
  'chat:search': {
    payload: z
      .object({
        groupId: idSchema,
        q: z.string().trim().min(2).max(100),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    ack: z.object({ messages: z.array(chatMessageSchema) }),
    access: 'member',
    cost: 3,
  },
  /** Marks a group read up to a message (the unread count starts after it). */
  'chat:read': {
    payload: z.object({ groupId: idSchema, messageId: idSchema }).strict(),
    ack: ok,
    access: 'member',
  },
  /**
   * The member's chats (groups, then private conversations) with unread lines and mentions;
   * with `online`, how many of the others are online now (the chat list asks, the header not).
   */
  'chat:groups': {
    payload: z.object({ online: z.boolean().optional() }).strict().optional(),
    ack: z.object({ groups: z.array(chatGroupSummarySchema) }),
    access: 'member',
  },
  /** This tab is in use ('online') or in the background ('away'); sent when it changes. */
  'chat:presence': {
    payload: z.object({ state: z.enum(['online', 'away']) }).strict(),
    ack: ok,
    access: 'member',
    cost: 0.5,
  },
  /**
   * Who of a group's members is online, away or offline, with the names of those listed
   * (members of the group only): the chat's "who is here" and its @-mention picker.
   */
  'chat:who': {
    payload: z.object({ groupId: idSchema }).strict(),
    ack: z.object({ members: z.array(chatMemberSchema) }),
    access: 'member',
  },
  /** "…is typing": relayed to the group's other members, never stored. */
  'chat:typing': {
    payload: z.object({ groupId: idSchema }).strict(),
    ack: ok,
    access: 'member',
    cost: 0.5,
  },
  ...contactClientEvents,
});

export const chatServerEvents = defineServerEvents({
  /** A new line in one of the member's groups. */
  'chat:message': chatMessageSchema,
  /**
   * New lines of one group, oldest first, sent together because they were ready together
   * (server/chat/line-batches.ts): the same as a `chat:message` for each, in order.
   */
  'chat:messages': z.array(chatMessageSchema).min(2),
  /**
   * A line shown while it was being written could not be stored under that id: take it
   * back. Its sender's send fails (or, for a retry, answers the line that stands for it).
   */
  'chat:withdrawn': z.object({ groupId: idSchema, messageId: idSchema }),
  /** A line changed: edited, deleted (text null) or reacted to. */
  'chat:updated': chatMessageSchema,
  /** Someone mentioned this member. */
  'chat:mention': z.object({ groupId: idSchema, messageId: idSchema }),
  'chat:typing': z.object({ groupId: idSchema, userId: idSchema, name: z.string() }),
  /** A member sharing a group with this one came online, went away or offline. */
  'chat:presence': presenceSchema,
  /** A moderator changed the group's chat settings. */
  'chat:settings': z.object({ groupId: idSchema, slowModeSeconds: z.number().int().min(0) }),
  ...contactServerEvents,
});

export type ChatClientEvents = typeof chatClientEvents;
export type ChatClientToServer = ClientToServerEventsOf<ChatClientEvents>;
export type ChatServerToClient = ServerToClientEventsOf<typeof chatServerEvents>;
