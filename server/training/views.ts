import type { CourseDraft, ItemInput, QuestionInput } from '../../shared/training/content.ts';
import type {
  CourseProgress,
  ItemProgress,
  LearnerItem,
  Submission,
} from '../../shared/training/learning.ts';
import type {
  CourseDoc,
  EnrolmentDoc,
  ItemDoc,
  OutlineDoc,
  ProgressDoc,
  SubmissionDoc,
} from './models.ts';

// Docs become what the API shows. The learner's views are built field by field from the
// stored content, so a quiz's `correct` and `explanation` cannot slip into them.

export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** Every kind's fields; each stored item holds those of its own kind. */
interface StoredContent {
  url: string;
  durationSeconds: number;
  transcript: string;
  /** Absent on videos saved before captions existed, and when the author gave none. */
  captionsVtt?: string;
  markdown: string;
  questions: QuestionInput[];
  passMark: number;
  attemptLimit: number | null;
  coolDownMinutes: number | null;
  prompt: string;
}

/** Where an item's kind-specific fields are stored, and its planned minutes. */
export function storedItemOf(
  input: ItemInput,
): Pick<ItemDoc, 'kind' | 'title' | 'minutes' | 'content'> {
  switch (input.kind) {
    case 'video':
      return {
        kind: 'video',
        title: input.title,
        minutes: Math.max(1, Math.ceil(input.durationSeconds / 60)),
        content: {
          url: input.url,
          durationSeconds: input.durationSeconds,
          transcript: input.transcript,
          ...(input.captionsVtt ? { captionsVtt: input.captionsVtt } : {}),
        },
      };
    case 'reading':
      return {
        kind: 'reading',
        title: input.title,
        minutes: input.minutes,
        content: { markdown: input.markdown },
      };
    case 'quiz':
      return {
        kind: 'quiz',
        title: input.title,
        minutes: input.minutes,
        content: {
          questions: input.questions,
          passMark: input.passMark,
          attemptLimit: input.attemptLimit,
          coolDownMinutes: input.coolDownMinutes,
        },
      };
    case 'exercise':
      return {
        kind: 'exercise',
        title: input.title,
        minutes: input.minutes,
        content: { prompt: input.prompt },
      };
  }
}

/** The stored item as its author wrote it (answers included): the authoring view only. */
export function authoredItemOf(doc: ItemDoc): ItemInput {
  const base = { key: doc.key, title: doc.title };
  const content = doc.content as unknown as StoredContent;
  switch (doc.kind) {
    case 'video':
      return {
        ...base,
        kind: 'video',
        url: content.url,
        durationSeconds: content.durationSeconds,
        transcript: content.transcript,
        ...(content.captionsVtt ? { captionsVtt: content.captionsVtt } : {}),
      };
    case 'reading':
      return { ...base, kind: 'reading', markdown: content.markdown, minutes: doc.minutes };
    case 'quiz':
      return {
        ...base,
        kind: 'quiz',
        questions: content.questions,
        passMark: content.passMark,
        attemptLimit: content.attemptLimit,
        coolDownMinutes: content.coolDownMinutes,
        minutes: doc.minutes,
      };
    default:
      return { ...base, kind: 'exercise', prompt: content.prompt, minutes: doc.minutes };
  }
}

export function draftOf(course: CourseDoc, items: ItemDoc[]): CourseDraft {
  const byKey = new Map(items.map((item) => [item.key, item]));
  return {
    title: course.title,
    description: course.description,
    language: course.language as CourseDraft['language'],
    track: course.track as CourseDraft['track'],
    prerequisites: course.prerequisites.map(String),
    plannedMinutes: course.plannedMinutes,
    modules: course.modules.map((module) => ({
      key: module.key,
      title: module.title,
      items: module.itemKeys.flatMap((key) => {
        const item = byKey.get(key);
        return item ? [authoredItemOf(item)] : [];
      }),
    })),
  };
}

/** A question as a learner sees it before answering: no `correct`, no `explanation`. */
export function learnerQuestionOf(question: QuestionInput) {
  return {
    id: question.id,
    prompt: question.prompt,
    kind: question.kind,
    options: question.options.map((option) => ({ id: option.id, text: option.text })),
  };
}

export function itemProgressOf(doc: ProgressDoc | undefined): ItemProgress {
  if (!doc) return { status: 'not-started', minutes: 0 };
  return {
    status: doc.status as ItemProgress['status'],
    minutes: Math.floor(doc.seconds / 6) / 10,
  };
}

export const outlineKeys = (outline: Pick<OutlineDoc, 'modules'>) =>
  outline.modules.flatMap((module) => module.itemKeys);

/** The caller's progress with a course: items of the version they take, by item key. */
export function courseProgressOf(
  outline: OutlineDoc,
  enrolment: EnrolmentDoc | undefined,
  progress: ProgressDoc[],
): CourseProgress {
  const keys = new Set(outlineKeys(outline));
  const mine = progress.filter((doc) => keys.has(doc.itemKey));
  const seconds = mine.reduce((sum, doc) => sum + doc.seconds, 0);
  return {
    version: enrolment?.version ?? null,
    minutesDone: Math.floor(seconds / 6) / 10,
    plannedMinutes: outline.plannedMinutes,
    completedItems: mine.filter((doc) => doc.status === 'completed').length,
    totalItems: keys.size,
    completed: Boolean(enrolment?.completedAt),
    completedAt: iso(enrolment?.completedAt),
  };
}

export function submissionOf(doc: SubmissionDoc): Submission {
  return {
    id: String(doc._id),
    version: doc.version,
    text: doc.text,
    status: doc.status as Submission['status'],
    feedback: doc.feedback,
    createdAt: doc.createdAt.toISOString(),
    reviewedAt: iso(doc.reviewedAt),
  };
}

/** The parts of an item every kind shares, for the learner. */
export function learnerItemBase(doc: ItemDoc, progress: ProgressDoc | undefined): LearnerItem {
  const content = doc.content as unknown as StoredContent;
  const item: LearnerItem = {
    id: String(doc._id),
    courseId: String(doc.courseId),
    version: doc.version,
    moduleKey: doc.moduleKey,
    key: doc.key,
    kind: doc.kind as LearnerItem['kind'],
    title: doc.title,
    minutes: doc.minutes,
    progress: itemProgressOf(progress),
  };
  if (doc.kind === 'video')
    item.video = {
      url: content.url,
      durationSeconds: content.durationSeconds,
      transcript: content.transcript,
      ...(content.captionsVtt ? { captionsVtt: content.captionsVtt } : {}),
    };
  if (doc.kind === 'reading') item.reading = { markdown: content.markdown };
  return item;
}
