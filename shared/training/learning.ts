import { z } from 'zod';
import { idSchema, pageQuery, text } from '../api/common.ts';
import {
  COURSE_STATUSES,
  courseDraftSchema,
  courseLanguageSchema,
  ITEM_KINDS,
  keySchema,
  QUESTION_KINDS,
  trackSchema,
} from './content.ts';

/** How far the caller is with one item; nobody else's progress is ever shown. */
export const ITEM_STATUSES = ['not-started', 'started', 'completed'] as const;
export const itemProgressSchema = z.object({
  status: z.enum(ITEM_STATUSES),
  /** Minutes credited from heartbeats while the item was open and visible. */
  minutes: z.number(),
});
export type ItemProgress = z.infer<typeof itemProgressSchema>;

export const courseProgressSchema = z.object({
  /** The version of the course the caller is taking (null: not started). */
  version: z.int().nullable(),
  minutesDone: z.number(),
  plannedMinutes: z.int(),
  completedItems: z.int(),
  totalItems: z.int(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
});
export type CourseProgress = z.infer<typeof courseProgressSchema>;

/** Why the caller may not take a course's items yet (the outline stays readable). */
export const ACCESS_REASONS = ['track', 'prerequisites', 'unpublished'] as const;
export const accessSchema = z.object({
  allowed: z.boolean(),
  reason: z.enum(ACCESS_REASONS).nullable(),
  /** Prerequisite course ids the caller has not completed yet. */
  missingPrerequisites: z.array(idSchema),
});
export type Access = z.infer<typeof accessSchema>;

export const courseSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  language: courseLanguageSchema,
  track: trackSchema,
  prerequisites: z.array(idSchema),
  plannedMinutes: z.int(),
  status: z.enum(COURSE_STATUSES),
  /** The latest published version (0: never published). */
  version: z.int(),
  progress: courseProgressSchema,
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;

export const itemOutlineSchema = z.object({
  id: idSchema,
  key: keySchema,
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  minutes: z.int(),
  progress: itemProgressSchema,
});
export const moduleOutlineSchema = z.object({
  key: keySchema,
  title: z.string(),
  items: z.array(itemOutlineSchema),
});
export const courseDetailSchema = courseSummarySchema.extend({
  /** The version this outline shows: the caller's own, the latest, or 0 for a draft. */
  shownVersion: z.int(),
  /** A newer version than the caller's exists; `POST /api/courses/:id/move-forward` takes it. */
  newerVersion: z.int().nullable(),
  hasUnpublishedChanges: z.boolean(),
  access: accessSchema,
  modules: z.array(moduleOutlineSchema),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

export const courseListQuery = pageQuery.extend({
  track: trackSchema.optional(),
  language: courseLanguageSchema.optional(),
  /** 'all' (trainers and admins): drafts too. */
  status: z.enum(['published', 'all']).default('published'),
});
export type CourseListQuery = z.infer<typeof courseListQuery>;

export const courseDetailQuery = z
  .object({ view: z.enum(['learner', 'draft']).default('learner') })
  .strict();

/** What a learner gets of a quiz: questions and options, never which are correct. */
export const learnerQuestionSchema = z.object({
  id: keySchema,
  prompt: z.string(),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(z.object({ id: keySchema, text: z.string() })),
});

export const attemptResultSchema = z.object({
  questionId: keySchema,
  correct: z.boolean(),
  explanation: z.string(),
  /** Shown once the quiz is passed or no attempt is left, so it cannot be copied into a retry. */
  correctOptionIds: z.array(keySchema).nullable(),
});
export const attemptSchema = z.object({
  id: idSchema,
  number: z.int(),
  score: z.int(),
  passed: z.boolean(),
  createdAt: z.string(),
});
export const gradedAttemptSchema = attemptSchema.extend({
  results: z.array(attemptResultSchema),
  attemptsLeft: z.int().nullable(),
  /** When the next attempt may start (cool-down), or null. */
  retryAt: z.string().nullable(),
});
export type GradedAttempt = z.infer<typeof gradedAttemptSchema>;

export const SUBMISSION_STATUSES = ['submitted', 'approved', 'changes-requested'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const submissionSchema = z.object({
  id: idSchema,
  version: z.int(),
  text: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  feedback: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const learnerItemSchema = z.object({
  id: idSchema,
  courseId: idSchema,
  version: z.int(),
  moduleKey: keySchema,
  key: keySchema,
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  minutes: z.int(),
  progress: itemProgressSchema,
  video: z
    .object({
      url: z.string(),
      durationSeconds: z.int(),
      transcript: z.string(),
      /** WebVTT captions, when the author gave them. */
      captionsVtt: z.string().optional(),
    })
    .optional(),
  /** Markdown source: the client renders it with raw HTML switched off. */
  reading: z.object({ markdown: z.string() }).optional(),
  quiz: z
    .object({
      questions: z.array(learnerQuestionSchema),
      passMark: z.int(),
      attemptLimit: z.int().nullable(),
      coolDownMinutes: z.int().nullable(),
      attempts: z.array(attemptSchema),
      attemptsLeft: z.int().nullable(),
      retryAt: z.string().nullable(),
    })
    .optional(),
  exercise: z.object({ prompt: z.string(), submissions: z.array(submissionSchema) }).optional(),
});
export type LearnerItem = z.infer<typeof learnerItemSchema>;

/** `POST /api/items/:id/attempts`: the chosen option ids per question id. */
export const attemptBody = z
  .object({ answers: z.record(keySchema, z.array(keySchema).max(10)) })
  .strict();
export type AttemptBody = z.infer<typeof attemptBody>;

/** `POST /api/items/:id/heartbeat`: nothing; the server keeps the time. */
export const heartbeatBody = z.object({}).strict();
export const completeBody = z.object({}).strict();
export const submissionBody = z.object({ text: text(1, 20_000) }).strict();

/** `draft` only with `view=draft` (trainers and admins): the draft with its answers. */
export const courseResponse = z.object({
  course: courseDetailSchema,
  draft: courseDraftSchema.optional(),
});
export const itemResponse = z.object({ item: learnerItemSchema });
export const attemptResponse = z.object({ attempt: gradedAttemptSchema });
export const progressResponse = z.object({
  progress: itemProgressSchema,
  course: courseProgressSchema,
});
export const submissionResponse = z.object({ submission: submissionSchema });

/** Trainers and admins: the outline plus the draft with its answers, for editing. */
export const authoringResponse = z.object({
  course: courseDetailSchema,
  draft: courseDraftSchema,
});
