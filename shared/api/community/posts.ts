import { z } from 'zod';
import { idSchema, nameText, pageOf, pageQuery, text } from '../common.ts';
import { webLinkSchema } from '../links.ts';
import { personSchema } from './common.ts';

export const POST_KINDS = ['idea', 'video', 'article'] as const;
export const postKindSchema = z.enum(POST_KINDS);
/** The 4-Point Program: 1 motivation, 2 urges, 3 thoughts/feelings/behaviours, 4 balance. */
export const pointSchema = z.number().int().min(1).max(4);
export const CONTENT_STATUSES = ['visible', 'hidden'] as const;
export const REPORT_REASONS = ['harmful', 'spam', 'off-topic', 'other'] as const;
export const REPORT_ACTIONS = ['hide', 'dismiss'] as const;

export const createPostBody = z
  .object({
    kind: postKindSchema,
    title: nameText(3, 140),
    body: text(1, 5000),
    url: webLinkSchema.optional(),
    point: pointSchema,
  })
  .strict()
  .superRefine((post, issue) => {
    if ((post.kind === 'video' || post.kind === 'article') && !post.url)
      issue.addIssue({ code: 'custom', path: ['url'], message: 'a video or article needs a link' });
  });
export type CreatePostInput = z.infer<typeof createPostBody>;

export const postListQuery = pageQuery.extend({
  point: z.coerce.number().pipe(pointSchema).optional(),
  kind: postKindSchema.optional(),
});
export type PostListQuery = z.infer<typeof postListQuery>;

export const createCommentBody = z.object({ body: text(1, 2000) }).strict();

export const reportBody = z
  .object({ reason: z.enum(REPORT_REASONS), note: text(1, 1000).optional() })
  .strict();
export type ReportInput = z.infer<typeof reportBody>;

export const reportListQuery = pageQuery.extend({
  status: z.enum(['open', 'resolved']).default('open'),
});
export const resolveReportBody = z.object({ action: z.enum(REPORT_ACTIONS) }).strict();

export const postSchema = z.object({
  id: idSchema,
  kind: postKindSchema,
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  point: pointSchema,
  author: personSchema.nullable(),
  createdAt: z.string(),
  commentCount: z.number().int(),
  /** `hidden` is only ever seen by the author and site staff. */
  status: z.enum(CONTENT_STATUSES),
  mine: z.boolean(),
});
export const commentSchema = z.object({
  id: idSchema,
  body: z.string(),
  author: personSchema.nullable(),
  createdAt: z.string(),
  status: z.enum(CONTENT_STATUSES),
  mine: z.boolean(),
});
export type Post = z.infer<typeof postSchema>;
export type Comment = z.infer<typeof commentSchema>;
export const postResponse = z.object({ post: postSchema });
export const postDetailResponse = z.object({ post: postSchema, comments: z.array(commentSchema) });
export const commentResponse = z.object({ comment: commentSchema });
export const postPage = pageOf(postSchema);

/**
 * What a moderator needs to judge a report: the reported words, their author, the reason
 * and how many others reported the same thing. Not who reported it: reporters are never
 * shown, so nobody can be singled out for speaking up.
 */
export const reportSchema = z.object({
  id: idSchema,
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  action: z.enum([...REPORT_ACTIONS, 'content-deleted']).nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  openReportsOnTarget: z.number().int(),
  target: z.object({
    type: z.enum(['post', 'comment']),
    postId: idSchema,
    commentId: idSchema.nullable(),
    /** null once the author deleted it. */
    title: z.string().nullable(),
    body: z.string().nullable(),
    author: personSchema.nullable(),
    status: z.enum([...CONTENT_STATUSES, 'deleted']),
  }),
});
export type Report = z.infer<typeof reportSchema>;
export const reportResponse = z.object({ report: reportSchema });
export const reportCreatedResponse = z.object({
  report: z.object({ id: idSchema, status: z.literal('open') }),
});
export const reportPage = pageOf(reportSchema);

/**
 * The moderation queue by reported item (issue 18): one entry per post or comment, with
 * every report of the view's status on it, newest first. Decisions cover all of an item's
 * open reports: `POST /api/posts/:id/moderation` (and `/comments/:commentId/moderation`);
 * `POST …/unhide` undoes a hide (the item's hide-resolved reports open again).
 */
export const reportedItemListQuery = reportListQuery;
export const itemReportSchema = reportSchema.pick({
  id: true,
  reason: true,
  note: true,
  status: true,
  action: true,
  createdAt: true,
  resolvedAt: true,
});
export const reportedItemSchema = z.object({
  target: reportSchema.shape.target,
  /** How many reports are listed (the open ones in the open view). */
  count: z.number().int().nonnegative(),
  reports: z.array(itemReportSchema),
});
export type ReportedItem = z.infer<typeof reportedItemSchema>;
export const reportedItemPage = pageOf(reportedItemSchema);
export const reportedItemResponse = z.object({ item: reportedItemSchema });
export const moderateItemBody = resolveReportBody;
/** `POST …/unhide` takes no fields. */
export const unhideBody = z.object({}).strict();
