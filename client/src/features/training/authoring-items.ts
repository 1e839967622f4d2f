import type { z } from 'zod';
import {
  type ItemInput,
  type ItemKind,
  itemInput,
  type QuestionInput,
} from '../../../../shared/training/content.ts';
import { gradeQuiz } from '../../../../shared/training/grading.ts';
import type {
  AttemptBody,
  GradedAttempt,
  LearnerItem,
} from '../../../../shared/training/learning.ts';
import { nextKey } from './authoring.ts';

/**
 * An item as its editor form holds it: numbers as typed, every kind's fields (only the
 * item's own kind is sent). `itemFromForm` checks it with the shared schema, the one the
 * server checks with, so the form names the fields to fix before anything is sent.
 */
export interface QuestionForm {
  id: string;
  prompt: string;
  kind: 'single' | 'multiple';
  options: Array<{ id: string; text: string }>;
  correct: string[];
  explanation: string;
}

export interface ItemForm {
  key: string | undefined;
  kind: ItemKind;
  title: string;
  minutes: string;
  url: string;
  durationMinutes: string;
  durationSeconds: string;
  transcript: string;
  /** WebVTT captions as typed; blank means none. */
  captionsVtt: string;
  markdown: string;
  prompt: string;
  questions: QuestionForm[];
  passMark: string;
  attemptLimit: string;
  coolDownMinutes: string;
}

/** A new question: two empty options, ids the quiz does not use yet. */
export function blankQuestion(taken: readonly QuestionForm[]): QuestionForm {
  return {
    id: nextKey(
      'q',
      taken.map((q) => q.id),
    ),
    prompt: '',
    kind: 'single',
    options: [
      { id: 'o1', text: '' },
      { id: 'o2', text: '' },
    ],
    correct: [],
    explanation: '',
  };
}

export function blankItemForm(kind: ItemKind): ItemForm {
  return {
    key: undefined,
    kind,
    title: '',
    minutes: '10',
    url: '',
    durationMinutes: '',
    durationSeconds: '0',
    transcript: '',
    captionsVtt: '',
    markdown: '',
    prompt: '',
    questions: kind === 'quiz' ? [blankQuestion([])] : [],
    passMark: '80',
    attemptLimit: '',
    coolDownMinutes: '',
  };
}

const text = (n: number | null) => (n === null ? '' : String(n));

/** The stored item in its form, to edit. */
export function itemForm(item: ItemInput): ItemForm {
  const form = { ...blankItemForm(item.kind), key: item.key, title: item.title };
  switch (item.kind) {
    case 'video':
      return {
        ...form,
        url: item.url,
        durationMinutes: String(Math.floor(item.durationSeconds / 60)),
        durationSeconds: String(item.durationSeconds % 60),
        transcript: item.transcript,
        captionsVtt: item.captionsVtt ?? '',
      };
    case 'reading':
      return { ...form, markdown: item.markdown, minutes: String(item.minutes) };
    case 'exercise':
      return { ...form, prompt: item.prompt, minutes: String(item.minutes) };
    case 'quiz':
      return {
        ...form,
        minutes: String(item.minutes),
        questions: item.questions.map((q) => ({
          ...q,
          options: q.options.map((o) => ({ ...o })),
          correct: [...q.correct],
        })),
        passMark: String(item.passMark),
        attemptLimit: text(item.attemptLimit),
        coolDownMinutes: text(item.coolDownMinutes),
      };
  }
}

/** A whole number as typed; blank is undefined (required: "fill this in"), else NaN if not whole. */
function whole(typed: string): number | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
const orNull = (typed: string) => (typed.trim() === '' ? null : whole(typed));

/** What the form would send, before the schema's check. */
function candidate(form: ItemForm): Record<string, unknown> {
  const base = {
    ...(form.key ? { key: form.key } : {}),
    kind: form.kind,
    title: form.title.trim(),
  };
  switch (form.kind) {
    case 'video': {
      const minutes = whole(form.durationMinutes);
      const seconds = whole(form.durationSeconds) ?? 0;
      return {
        ...base,
        url: form.url.trim(),
        durationSeconds: minutes === undefined ? undefined : minutes * 60 + seconds,
        transcript: form.transcript,
        // Sent exactly as typed (cue text is shown as text); a blank box sends none.
        ...(form.captionsVtt.trim() ? { captionsVtt: form.captionsVtt } : {}),
      };
    }
    case 'reading':
      return { ...base, markdown: form.markdown, minutes: whole(form.minutes) };
    case 'exercise':
      return { ...base, prompt: form.prompt.trim(), minutes: whole(form.minutes) };
    case 'quiz':
      return {
        ...base,
        minutes: whole(form.minutes),
        passMark: whole(form.passMark),
        attemptLimit: orNull(form.attemptLimit),
        coolDownMinutes: orNull(form.coolDownMinutes),
        questions: form.questions.map((q) => ({
          id: q.id,
          prompt: q.prompt.trim(),
          kind: q.kind,
          options: q.options.map((o) => ({ id: o.id, text: o.text.trim() })),
          // Kept in the options' order, and only options that still exist.
          correct: q.options.map((o) => o.id).filter((id) => q.correct.includes(id)),
          explanation: q.explanation.trim(),
        })),
      };
  }
}

/** What is wrong with a field, worded by `training.authoring.problem.<key>`. */
export type ItemProblem =
  | 'required'
  | 'tooLong'
  | 'tooSmall'
  | 'tooBig'
  | 'tooFew'
  | 'tooMany'
  | 'whole'
  | 'https'
  | 'webVtt'
  | 'correctOne'
  | 'correctSome'
  | 'invalid';

/** A field path in the form ("questions.0.options.1.text") → its problem. */
export type ItemProblems = Record<string, ItemProblem>;

function problemOf(issue: z.core.$ZodIssue, form: ItemForm): ItemProblem {
  const last = issue.path.at(-1);
  if (last === 'url') return 'https';
  if (last === 'captionsVtt' && issue.code === 'custom') return 'webVtt';
  if (last === 'correct') {
    const question = form.questions[Number(issue.path[1])];
    return question?.kind === 'single' ? 'correctOne' : 'correctSome';
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return 'required';
      return issue.origin === 'array' ? 'tooFew' : 'tooSmall';
    case 'too_big':
      if (issue.origin === 'string') return 'tooLong';
      return issue.origin === 'array' ? 'tooMany' : 'tooBig';
    case 'invalid_type': {
      // Numbers are typed as text: blank is "fill this in", anything else "a whole number".
      const typed = form[fieldOf(issue.path) as keyof ItemForm];
      return typeof typed === 'string' && typed.trim() !== '' ? 'whole' : 'required';
    }
    default:
      return 'invalid';
  }
}

/** Where the form shows a schema path: a video's seconds are typed as minutes and seconds. */
const fieldOf = (path: readonly PropertyKey[]) =>
  path.join('.').replace(/^durationSeconds$/, 'durationMinutes') || 'title';

export function itemFromForm(
  form: ItemForm,
): { ok: true; item: ItemInput } | { ok: false; problems: ItemProblems } {
  const parsed = itemInput.safeParse(candidate(form));
  if (parsed.success) return { ok: true, item: parsed.data };
  const problems: ItemProblems = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    problems[field] ??= problemOf(issue, form);
  }
  return { ok: false, problems };
}

/** The item as a learner would get it from `GET /api/items/:id`, made from the draft. */
export function previewItem(item: ItemInput, courseId: string, moduleKey: string): LearnerItem {
  const key = item.key ?? 'new';
  const base: LearnerItem = {
    id: key,
    courseId,
    version: 0,
    moduleKey,
    key,
    kind: item.kind,
    title: item.title,
    minutes:
      item.kind === 'video' ? Math.max(1, Math.ceil(item.durationSeconds / 60)) : item.minutes,
    progress: { status: 'not-started', minutes: 0 },
  };
  switch (item.kind) {
    case 'video':
      return {
        ...base,
        video: {
          url: item.url,
          durationSeconds: item.durationSeconds,
          transcript: item.transcript,
          ...(item.captionsVtt ? { captionsVtt: item.captionsVtt } : {}),
        },
      };
    case 'reading':
      return { ...base, reading: { markdown: item.markdown } };
    case 'exercise':
      return { ...base, exercise: { prompt: item.prompt, submissions: [] } };
    case 'quiz':
      return {
        ...base,
        quiz: {
          questions: item.questions.map((q) => ({
            id: q.id,
            prompt: q.prompt,
            kind: q.kind,
            options: q.options.map((o) => ({ id: o.id, text: o.text })),
          })),
          passMark: item.passMark,
          attemptLimit: item.attemptLimit,
          coolDownMinutes: item.coolDownMinutes,
          attempts: [],
          attemptsLeft: item.attemptLimit,
          retryAt: null,
        },
      };
  }
}

/**
 * A preview's attempt, graded here with the server's own rule and nothing stored. The author
 * sees the right answers at once; attempts and cool-downs are not counted in a preview.
 */
export function previewAttempt(
  quiz: { questions: QuestionInput[]; passMark: number },
  body: AttemptBody,
): GradedAttempt {
  const chosen = new Map(Object.entries(body.answers).map(([id, picked]) => [id, new Set(picked)]));
  const { results, score, passed } = gradeQuiz(quiz, chosen);
  return {
    id: 'preview',
    number: 1,
    score,
    passed,
    createdAt: new Date(0).toISOString(),
    results: results.map(({ question, correct }) => ({
      questionId: question.id,
      correct,
      explanation: question.explanation,
      correctOptionIds: question.correct,
    })),
    attemptsLeft: null,
    retryAt: null,
  };
}
