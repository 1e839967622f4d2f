import { z } from 'zod';
import { idSchema, pageOf, pageQuery, text } from '../common.ts';
import { personSchema } from './common.ts';

export const FEEDBACK_TOPICS = ['haven', 'programme', 'meetings', 'training', 'other'] as const;
export const FEEDBACK_STATUSES = ['new', 'under-review', 'planned', 'done', 'declined'] as const;
export const feedbackStatusSchema = z.enum(FEEDBACK_STATUSES);

export const createFeedbackBody = z
  .object({
    topic: z.enum(FEEDBACK_TOPICS),
    message: text(1, 4000),
    /** Anonymous feedback stores no member id at all: it cannot be traced back, even by admins. */
    anonymous: z.boolean().default(false),
  })
  .strict();
export type CreateFeedbackInput = z.infer<typeof createFeedbackBody>;

export const feedbackListQuery = pageQuery.extend({ status: feedbackStatusSchema.optional() });
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;

export const updateFeedbackBody = z
  .object({ status: feedbackStatusSchema, response: text(1, 4000).optional() })
  .strict();
export type UpdateFeedbackInput = z.infer<typeof updateFeedbackBody>;

export const feedbackSchema = z.object({
  id: idSchema,
  topic: z.enum(FEEDBACK_TOPICS),
  message: z.string(),
  anonymous: z.boolean(),
  status: feedbackStatusSchema,
  response: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  respondedAt: z.string().nullable(),
});
/** Admins see who gave non-anonymous feedback so they can follow up; `from` is null otherwise. */
export const adminFeedbackSchema = feedbackSchema.extend({ from: personSchema.nullable() });
export type Feedback = z.infer<typeof feedbackSchema>;
export type AdminFeedback = z.infer<typeof adminFeedbackSchema>;
export const feedbackResponse = z.object({ feedback: feedbackSchema });
export const adminFeedbackResponse = z.object({ feedback: adminFeedbackSchema });
export const adminFeedbackPage = pageOf(adminFeedbackSchema);
export const myFeedbackPage = pageOf(feedbackSchema);
