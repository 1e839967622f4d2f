import { z } from 'zod';
import { idSchema } from '../api/common.ts';
import { defineClientEvents } from '../realtime/event-table.ts';
import { presenceSchema } from './schemas.ts';

/**
 * Contacts and private conversations, on the `/chat` namespace beside group chat.
 *
 * Two members who share a group or a meeting area (the city in their profiles) may ask to
 * become contacts; accepted contacts write to each other privately. A private conversation
 * is a chat of two: its id stands where a group's id stands in `chat:send`, `chat:history`,
 * `chat:read`, `chat:search` and `chat:typing`, and its lines are ordinary chat lines
 * (`kind: 'private'`) with the same guarantees (idempotent retries, history, unread, edit,
 * delete, reactions, reports). Its id is that of the pair's record, so the conversation
 * outlives a pause in the contact and comes back when the two are contacts again.
 */

/** How far a member stands from another, as this member sees it. */
export const CONTACT_STATUSES = [
  /** Accepted contacts: they write to each other. */
  'contact',
  /** They asked this member; this member may accept or decline. */
  'incoming',
  /** This member asked; waiting for the other. */
  'outgoing',
  /** This member blocked them: nothing from them arrives, nothing of this member shows. */
  'blocked',
  /** No longer contacts (either ended it, or the other deleted their account): history only. */
  'former',
] as const;

export const contactSchema = z.object({
  /** null: the other member deleted their account ("a deleted member"). */
  userId: idSchema.nullable(),
  name: z.string().nullable(),
  status: z.enum(CONTACT_STATUSES),
  /** Their private conversation (the lines exchanged while contacts stay readable). */
  conversationId: idSchema,
  /** Contacts only, and only what the other member lets contacts see. */
  presence: presenceSchema.nullable(),
  unread: z.number().int().min(0),
  lastMessageAt: z.number().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

const other = z.object({ userId: idSchema }).strict();
const answer = z.object({ contact: contactSchema });

export const contactClientEvents = defineClientEvents({
  /**
   * Asks another member to be contacts. Allowed when they share a group or a meeting area
   * and the other lets such members ask; a request they already made is accepted instead.
   * Refused alike (FORBIDDEN) whether the other blocked this member, takes no requests or
   * shares nothing, so a refusal does not tell which.
   */
  'contact:request': { payload: other, ack: answer, access: 'member', cost: 3 },
  /**
   * Accepts or declines a request (`contact` null then: nothing between them shows); a
   * declined member is not told (to them it looks still pending) and cannot ask again.
   */
  'contact:respond': {
    payload: z.object({ userId: idSchema, accept: z.boolean() }).strict(),
    ack: z.object({ contact: contactSchema.nullable() }),
    access: 'member',
  },
  /** Withdraws one's request, or ends a contact (the conversation stays readable). */
  'contact:remove': { payload: other, ack: answer, access: 'member' },
  /** Stops their requests and lines at once and hides this member's presence from them. */
  'contact:block': { payload: other, ack: answer, access: 'member' },
  'contact:unblock': { payload: other, ack: answer, access: 'member' },
  /** Everyone this member stands in some relation to, most recent conversation first. */
  'contact:list': {
    payload: z.object({}).strict().optional(),
    ack: z.object({ contacts: z.array(contactSchema) }),
    access: 'member',
  },
});

export const contactServerEvents = {
  /** Something between this member and `userId` changed (a request, an answer, a block). */
  'contact:changed': z.object({ userId: idSchema }),
};
