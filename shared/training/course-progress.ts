import { z } from 'zod';
import { idSchema } from '../api/common.ts';
import { courseLanguageSchema, itemKindSchema } from './content.ts';

/**
 * `GET /api/courses/:id/progress` (trainers and admins): how a course is going, in numbers
 * only. No learner is named or identified: a learner's progress is visible to nobody else by
 * default, and cohorts are where trainers follow named people (docs/training.md).
 */

/** Learners by state: `started` is everyone enrolled; the other two split it. */
export const learnerCountsSchema = z.object({
  started: z.int().min(0),
  inProgress: z.int().min(0),
  completed: z.int().min(0),
});
export type LearnerCounts = z.infer<typeof learnerCountsSchema>;

/** Minutes credited to the course's items (one decimal), in total and the median per learner. */
export const minutesSummarySchema = z.object({
  total: z.number().min(0),
  medianPerLearner: z.number().min(0),
});

export const itemProgressCountsSchema = z.object({
  key: z.string(),
  title: z.string(),
  kind: itemKindSchema,
  moduleTitle: z.string(),
  /** Learners on this version who completed the item. */
  completed: z.int().min(0),
  /** Quizzes: learners who made an attempt, and who passed; `passRate` is percent or null. */
  quiz: z
    .object({
      attempted: z.int().min(0),
      passed: z.int().min(0),
      passRate: z.number().min(0).max(100).nullable(),
    })
    .optional(),
  /** Written exercises: learners whose answer is approved, and whose answer waits for review. */
  exercise: z.object({ approved: z.int().min(0), waiting: z.int().min(0) }).optional(),
});
export type ItemProgressCounts = z.infer<typeof itemProgressCountsSchema>;

export const versionProgressSchema = z.object({
  version: z.int().min(1),
  learners: learnerCountsSchema,
  minutes: minutesSummarySchema,
  items: z.array(itemProgressCountsSchema),
});
export type VersionProgress = z.infer<typeof versionProgressSchema>;

export const courseProgressReportSchema = z.object({
  course: z.object({
    id: idSchema,
    title: z.string(),
    language: courseLanguageSchema,
    /** The latest published version; 0 when never published. */
    latestVersion: z.int().min(0),
  }),
  learners: learnerCountsSchema,
  minutes: minutesSummarySchema,
  /** Newest first; only versions someone takes. */
  versions: z.array(versionProgressSchema),
});
export type CourseProgressReport = z.infer<typeof courseProgressReportSchema>;
