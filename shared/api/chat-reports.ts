import { z } from 'zod';
import { idSchema, pageOf, pageQuery, text } from './common.ts';
import { REPORT_REASONS } from './community/posts.ts';

/**
 * Reports of group-chat lines (docs/chat.md): a member reports a line over the `/chat`
 * socket (`chat:report`); the group's moderators and site staff work the queue over REST.
 * The reasons are the ones posts and comments are reported for.
 */

export const CHAT_REPORT_ACTIONS = ['delete', 'dismiss', 'mute', 'ban'] as const;
export type ChatReportAction = (typeof CHAT_REPORT_ACTIONS)[number];
/** A mute from the queue lasts at most 30 days (as chat:restrict); longer is a ban. */
export const CHAT_REPORT_MUTE_MAX_MINUTES = 60 * 24 * 30;
export const CHAT_REPORT_NOTE_MAX = 500;

/** What a member sends with `chat:report`. */
export const chatReportInput = z
  .object({
    messageId: idSchema,
    reason: z.enum(REPORT_REASONS),
    note: text(1, CHAT_REPORT_NOTE_MAX).optional(),
  })
  .strict();
export type ChatReportInput = z.infer<typeof chatReportInput>;
export const chatReportCreated = z.object({ id: idSchema, status: z.literal('open') });

export const chatReportListQuery = pageQuery.extend({
  status: z.enum(['open', 'resolved']).default('open'),
});

export const resolveChatReportBody = z
  .object({
    action: z.enum(CHAT_REPORT_ACTIONS),
    minutes: z.number().int().min(1).max(CHAT_REPORT_MUTE_MAX_MINUTES).optional(),
  })
  .strict()
  .refine((body) => body.action === 'mute' || body.minutes === undefined, {
    path: ['minutes'],
    message: 'only a mute lasts minutes',
  })
  .refine((body) => body.action !== 'mute' || body.minutes !== undefined, {
    path: ['minutes'],
    message: 'say for how many minutes',
  });
export type ResolveChatReportInput = z.infer<typeof resolveChatReportBody>;

/** One report's own words on a queue entry: never who made it. */
export const chatLineReportSchema = z.object({
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type ChatLineReport = z.infer<typeof chatLineReportSchema>;

/**
 * One entry of the queue: the line is looked up now (the report keeps no copy of its
 * text), so a line deleted since shows as deleted. Never who reported it. The open view
 * has one entry per reported line (issue 18): its oldest open report, with every open
 * report on the line in `reports`; resolving it acts once for the line. The resolved view
 * is per report.
 */
export const chatReportSchema = z.object({
  id: idSchema,
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  action: z.enum(CHAT_REPORT_ACTIONS).nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** Open reports on the same line, this one included. */
  openReportsOnLine: z.number().int(),
  /** An open entry: every open report on the line, newest first; a resolved one: itself. */
  reports: z.array(chatLineReportSchema),
  line: z.object({
    id: idSchema,
    /** A private line (between contacts) goes to site staff only, and can only be deleted. */
    kind: z.enum(['group', 'private']),
    groupId: idSchema,
    /** null once the group is gone, and for a private line. */
    groupName: z.string().nullable(),
    /** null: a deleted member (or the line itself is gone). */
    senderId: idSchema.nullable(),
    senderName: z.string().nullable(),
    /** null: deleted by its sender or a moderator. */
    text: z.string().nullable(),
    createdAt: z.string().nullable(),
    deleted: z.boolean(),
  }),
});
export type ChatReport = z.infer<typeof chatReportSchema>;
export const chatReportPage = pageOf(chatReportSchema);
export const chatReportResponse = z.object({ report: chatReportSchema });

/** Whose chat reports the caller sees: every group's (site staff) or those they moderate. */
export const chatReportScopeResponse = z.object({
  all: z.boolean(),
  groups: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type ChatReportScope = z.infer<typeof chatReportScopeResponse>;
