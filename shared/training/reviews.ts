import { z } from 'zod';
import { idSchema, nameText, pageQuery, text } from '../api/common.ts';
import { courseProgressSchema, SUBMISSION_STATUSES } from './learning.ts';

/** Reviews and cohorts (docs/training.md, "Reviews and cohorts"): what trainers read and send. */

export const reviewQueueQuery = pageQuery
  .extend({
    status: z.enum(SUBMISSION_STATUSES).default('submitted'),
    courseId: idSchema.optional(),
    cohortId: idSchema.optional(),
  })
  .strict();
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

/** An earlier version of the same answer, with what the trainer said about it. */
export const earlierVersionSchema = z.object({
  id: idSchema,
  version: z.int(),
  text: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  feedback: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});

export const reviewEntrySchema = z.object({
  id: idSchema,
  learner: z.object({ id: idSchema, displayName: z.string() }),
  course: z.object({ id: idSchema, title: z.string() }),
  item: z.object({ id: idSchema, title: z.string(), prompt: z.string() }),
  text: z.string(),
  version: z.int(),
  status: z.enum(SUBMISSION_STATUSES),
  feedback: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  earlierVersions: z.array(earlierVersionSchema),
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

export const REVIEW_DECISIONS = ['approved', 'changes-requested'] as const;
export const FEEDBACK_MAX = 4000;
export const reviewDecisionBody = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    feedback: text(0, FEEDBACK_MAX).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.decision === 'changes-requested' && !body.feedback)
      ctx.addIssue({
        code: 'custom',
        path: ['feedback'],
        message: 'say what to change when asking for changes',
      });
  });
export type ReviewDecision = z.infer<typeof reviewDecisionBody>;
export const reviewResponse = z.object({ review: reviewEntrySchema });

// Cohorts

const idList = z.array(idSchema).max(500);

export const cohortCreateBody = z
  .object({
    name: nameText(1, 100),
    partnerId: idSchema.nullable().optional(),
    memberIds: idList.default([]),
    trainerIds: idList.max(20).default([]),
  })
  .strict();
export type CohortCreate = z.infer<typeof cohortCreateBody>;

export const cohortPatchBody = z
  .object({
    name: nameText(1, 100).optional(),
    addMemberIds: idList.optional(),
    removeMemberIds: idList.optional(),
    addTrainerIds: idList.max(20).optional(),
    removeTrainerIds: idList.max(20).optional(),
  })
  .strict();
export type CohortPatch = z.infer<typeof cohortPatchBody>;

export const cohortListQuery = pageQuery
  .extend({ mine: z.enum(['1', 'true']).optional() })
  .strict();
export type CohortListQuery = z.infer<typeof cohortListQuery>;

export const cohortSchema = z.object({
  id: idSchema,
  name: z.string(),
  partnerId: idSchema.nullable(),
  /** Trainers and admins following the cohort; hidden from a learner asking `?mine=1`. */
  trainerIds: z.array(idSchema),
  memberIds: z.array(idSchema),
  createdAt: z.string(),
});
export type Cohort = z.infer<typeof cohortSchema>;
export const cohortResponse = z.object({ cohort: cohortSchema });

/** Written exercises of the version the member takes: how many, and how many approved. */
export const exerciseCountsSchema = z.object({
  approved: z.int().min(0),
  total: z.int().min(0),
});
export type ExerciseCounts = z.infer<typeof exerciseCountsSchema>;

export const memberCourseProgressSchema = courseProgressSchema.extend({
  courseId: idSchema,
  courseTitle: z.string(),
  exercises: exerciseCountsSchema,
});
export const cohortProgressSchema = z.object({
  cohort: z.object({ id: idSchema, name: z.string() }),
  members: z.array(
    z.object({
      id: idSchema,
      displayName: z.string(),
      courses: z.array(memberCourseProgressSchema),
    }),
  ),
});
export type CohortProgress = z.infer<typeof cohortProgressSchema>;
