import { z } from 'zod';
import { idSchema, nameText, text } from '../api/common.ts';
import { havenVideoIdOf } from './videos.ts';

/**
 * The training platform's content as authors write it (docs/training.md): a course of
 * ordered modules, each of ordered items. Every module, item, question and option carries a
 * short stable `key`/`id` the author keeps across edits: learners' progress is stored by
 * item key, so a new version of a course keeps what a learner has completed.
 */
export const TRACKS = ['foundations', 'facilitator', 'champion'] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;

export const COURSE_LANGUAGES = ['en', 'es'] as const;
export const courseLanguageSchema = z.enum(COURSE_LANGUAGES);
export type CourseLanguage = z.infer<typeof courseLanguageSchema>;

export const COURSE_STATUSES = ['draft', 'published'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const ITEM_KINDS = ['video', 'reading', 'quiz', 'exercise'] as const;
export const itemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKindSchema>;

/** A key an author chooses (or the server generates): lower-case letters, digits and dashes. */
export const keySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes (max 40)');

export const QUESTION_KINDS = ['single', 'multiple'] as const;

export const optionInput = z.object({ id: keySchema, text: text(1, 500) }).strict();

export const questionInput = z
  .object({
    id: keySchema,
    prompt: text(1, 2000),
    kind: z.enum(QUESTION_KINDS),
    options: z.array(optionInput).min(2).max(10),
    /** The ids of the correct options: exactly one for `single`, one or more for `multiple`. */
    correct: z.array(keySchema).min(1).max(10),
    /** Shown with the result, only after an attempt is submitted. */
    explanation: text(1, 2000),
  })
  .strict()
  .superRefine((question, ctx) => {
    const ids = question.options.map((option) => option.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
    if (new Set(question.correct).size !== question.correct.length)
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'must not repeat an option' });
    if (question.correct.some((id) => !ids.includes(id)))
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'must name options of this question',
      });
    if (question.kind === 'single' && question.correct.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'a single-choice question has one correct option',
      });
  });
export type QuestionInput = z.infer<typeof questionInput>;

/** Markdown source. The client renders it with raw HTML switched off; it is stored as written. */
export const markdownSchema = z.string().min(1).max(20_000);

const itemBase = {
  key: keySchema.optional(),
  title: nameText(1, 160),
};

const httpsAddress = z.url({ protocol: /^https$/ });

/**
 * Where a video item's video is: an https address elsewhere, or Haven's own address of an
 * uploaded video, `/api/training/videos/<id>` (shared/training/videos.ts). The server also
 * checks, when the course is saved, that such an upload exists.
 */
export const videoUrlSchema = z
  .string()
  .max(2000)
  .refine((url) => havenVideoIdOf(url) !== null || httpsAddress.safeParse(url).success, {
    message: 'must be an https address or an uploaded video (/api/training/videos/<id>)',
  });

/** Captions as a WebVTT file's text; with the transcript this keeps a course's save under 100 kB. */
export const CAPTIONS_VTT_MAX = 40_000;

/**
 * A WebVTT file begins with "WEBVTT" (after an optional byte-order mark), then a space, a tab,
 * a line break or nothing. Cue text stays as written: browsers show it as text, never as HTML.
 */
export const isWebVtt = (text: string) => /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text);

export const captionsVttSchema = z
  .string()
  .max(CAPTIONS_VTT_MAX)
  .refine((text) => text === '' || isWebVtt(text), {
    message: 'must be a WebVTT file: its first line starts with WEBVTT',
  });

export const videoItemInput = z
  .object({
    ...itemBase,
    kind: z.literal('video'),
    /** An https address of the video, or an uploaded video's `/api/training/videos/<id>`. */
    url: videoUrlSchema,
    durationSeconds: z
      .int()
      .min(1)
      .max(6 * 60 * 60),
    /** Captions or a transcript as plain text, for people who cannot or prefer not to listen. */
    transcript: z.string().max(50_000).default(''),
    /** Optional WebVTT captions, shown on the video (the transcript stays below it). */
    captionsVtt: captionsVttSchema.optional(),
  })
  .strict();

export const readingItemInput = z
  .object({
    ...itemBase,
    kind: z.literal('reading'),
    markdown: markdownSchema,
    minutes: z.int().min(1).max(600),
  })
  .strict();

export const quizItemInput = z
  .object({
    ...itemBase,
    kind: z.literal('quiz'),
    questions: z.array(questionInput).min(1).max(50),
    /** Percent of questions answered correctly needed to pass. */
    passMark: z.int().min(1).max(100),
    /** Attempts a learner has at this quiz (null: as many as they like). */
    attemptLimit: z.int().min(1).max(50).nullable().default(null),
    /** Minutes a learner waits between attempts (null: no wait). */
    coolDownMinutes: z
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .nullable()
      .default(null),
    minutes: z.int().min(1).max(600),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((question) => question.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
  });

export const exerciseItemInput = z
  .object({
    ...itemBase,
    kind: z.literal('exercise'),
    prompt: text(1, 5000),
    minutes: z.int().min(1).max(600),
  })
  .strict();

export const itemInput = z.discriminatedUnion('kind', [
  videoItemInput,
  readingItemInput,
  quizItemInput,
  exerciseItemInput,
]);
export type ItemInput = z.infer<typeof itemInput>;

export const moduleInput = z
  .object({
    key: keySchema.optional(),
    title: nameText(1, 160),
    items: z.array(itemInput).max(50),
  })
  .strict();
export type ModuleInput = z.infer<typeof moduleInput>;

/** Keys must be unique within a course, among modules and among items. */
function uniqueKeys(modules: ModuleInput[], ctx: z.RefinementCtx) {
  const moduleKeys = modules.flatMap((module) => (module.key ? [module.key] : []));
  if (new Set(moduleKeys).size !== moduleKeys.length)
    ctx.addIssue({ code: 'custom', path: ['modules'], message: 'module keys must be unique' });
  const itemKeys = modules.flatMap((module) =>
    module.items.flatMap((item) => (item.key ? [item.key] : [])),
  );
  if (new Set(itemKeys).size !== itemKeys.length)
    ctx.addIssue({
      code: 'custom',
      path: ['modules'],
      message: 'item keys must be unique in a course',
    });
}

const modulesInput = z.array(moduleInput).max(30);

const courseFields = {
  title: nameText(1, 160),
  description: text(0, 4000),
  language: courseLanguageSchema,
  track: trackSchema,
  /** Courses a learner must complete before taking this one's items. */
  prerequisites: z.array(idSchema).max(20),
  /** What the course takes, in minutes, as the author plans it (shown as hours planned). */
  plannedMinutes: z
    .int()
    .min(1)
    .max(100 * 60),
};

/** `POST /api/courses` (trainers, admins): a new course, always a draft first. */
export const courseCreateBody = z
  .object({
    ...courseFields,
    prerequisites: courseFields.prerequisites.default([]),
    modules: modulesInput.default([]),
  })
  .strict()
  .superRefine((course, ctx) => uniqueKeys(course.modules, ctx));
export type CourseCreate = z.infer<typeof courseCreateBody>;

/**
 * `PATCH /api/courses/:id` (trainers, admins): any fields; `modules` replaces the whole
 * ordered structure (that is how modules and items are reordered, added and removed);
 * `publish: true` publishes the draft as the next version.
 */
export const coursePatchBody = z
  .object({
    ...courseFields,
    modules: modulesInput,
    publish: z.literal(true),
  })
  .partial()
  .strict()
  .superRefine((course, ctx) => {
    if (course.modules) uniqueKeys(course.modules, ctx);
  });
export type CoursePatch = z.infer<typeof coursePatchBody>;

/** The draft as its authors edit it, answers included: only trainers and admins see this. */
export const courseDraftSchema = z.object({
  ...courseFields,
  modules: z.array(moduleInput),
});
export type CourseDraft = z.infer<typeof courseDraftSchema>;
