import { z } from 'zod';
import { idSchema } from '../api/common.ts';

/**
 * Anonymous feedback on leaving a live meeting: a rating (1-5) and what helped. Only counts
 * per occurrence are stored, never who gave which (server/meetings/live/attendance.ts).
 */
export const HELPED = [
  'listening',
  'sharing',
  'tools',
  'facilitation',
  'welcome',
  'safety',
] as const;
export type Helped = (typeof HELPED)[number];

export const meetingRatingSchema = z
  .object({
    meetingId: idSchema,
    rating: z.number().int().min(1).max(5),
    helped: z
      .array(z.enum(HELPED))
      .max(HELPED.length)
      .refine((list) => new Set(list).size === list.length, 'must not repeat')
      .default([]),
  })
  .strict();
export type MeetingRating = z.input<typeof meetingRatingSchema>;

/** One occurrence as its facilitators see it: numbers only. */
export const occurrenceFeedbackSchema = z.object({
  openedAt: z.string(),
  peakAdmitted: z.number(),
  totalAdmitted: z.number(),
  /** How many gave 1, 2, 3, 4 and 5. */
  ratings: z.array(z.number()).length(5),
  helped: z.record(z.enum(HELPED), z.number()),
});
export const meetingFeedbackResponse = z.object({
  occurrences: z.array(occurrenceFeedbackSchema),
});
