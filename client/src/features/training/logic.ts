import type { Track } from '../../../../shared/training/content.ts';
import type {
  CourseDetail,
  CourseSummary,
  ItemProgress,
  LearnerItem,
} from '../../../../shared/training/learning.ts';
import { havenVideoIdOf } from '../../../../shared/training/videos.ts';

/** Pure rules of the learner's pages, kept out of the components so they can be tested. */

export const TRACK_ORDER: readonly Track[] = ['foundations', 'facilitator', 'champion'];

/** The facilitator track asks for about 20 hours (issue 17). */
export const FACILITATOR_TARGET_MINUTES = 20 * 60;

/** Minutes as hours with at most one decimal (90 → 1.5). */
export function hoursOf(minutes: number): number {
  return Math.round((Math.max(0, minutes) / 60) * 10) / 10;
}

/** Whole percent done, between 0 and 100. */
export function percentOf(done: number, planned: number): number {
  if (planned <= 0) return done > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, Math.round((done / planned) * 100)));
}

/** What a progress line says: hours done of planned, and the percent for the bar. */
export function progressFigures(minutesDone: number, plannedMinutes: number) {
  return {
    done: hoursOf(minutesDone),
    planned: hoursOf(plannedMinutes),
    percent: percentOf(minutesDone, plannedMinutes),
  };
}

/**
 * Courses grouped by track in the track order; within a track, courses in the member's
 * language first, then the others, each by title.
 */
export function coursesByTrack(
  courses: readonly CourseSummary[],
  language: string,
): Array<{ track: Track; courses: CourseSummary[] }> {
  const mine = (course: CourseSummary) => (course.language === language ? 0 : 1);
  return TRACK_ORDER.map((track) => ({
    track,
    courses: courses
      .filter((course) => course.track === track)
      .sort((a, b) => mine(a) - mine(b) || a.title.localeCompare(b.title)),
  })).filter((group) => group.courses.length > 0);
}

/** Minutes credited across the facilitator track's courses, toward its 20 hours. */
export function facilitatorMinutes(courses: readonly CourseSummary[]): number {
  return courses
    .filter((course) => course.track === 'facilitator')
    .reduce((sum, course) => sum + course.progress.minutesDone, 0);
}

export type ItemState = 'notStarted' | 'inProgress' | 'done';

export function itemState(progress: ItemProgress): ItemState {
  if (progress.status === 'completed') return 'done';
  if (progress.status === 'started') return 'inProgress';
  return 'notStarted';
}

type OutlineItem = CourseDetail['modules'][number]['items'][number];

export function flatItems(course: CourseDetail): OutlineItem[] {
  return course.modules.flatMap((module) => module.items);
}

/** Where to resume: the first item not completed (null when every item is done). */
export function resumeItem(course: CourseDetail): OutlineItem | null {
  return flatItems(course).find((item) => item.progress.status !== 'completed') ?? null;
}

/** The items before and after one, found by id, else by its stable key (another version). */
export function neighbours(
  course: CourseDetail,
  item: { id: string; key: string },
): { previous: OutlineItem | null; next: OutlineItem | null } {
  const items = flatItems(course);
  let at = items.findIndex((candidate) => candidate.id === item.id);
  if (at < 0) at = items.findIndex((candidate) => candidate.key === item.key);
  if (at < 0) return { previous: null, next: null };
  return { previous: items[at - 1] ?? null, next: items[at + 1] ?? null };
}

export type Answers = Record<string, string[]>;
type Question = NonNullable<LearnerItem['quiz']>['questions'][number];

/** A choice made: single choice replaces the answer, multiple choice toggles the option. */
export function chooseOption(
  answers: Answers,
  question: Pick<Question, 'id' | 'kind'>,
  optionId: string,
  checked: boolean,
): Answers {
  if (question.kind === 'single') return { ...answers, [question.id]: checked ? [optionId] : [] };
  const before = (answers[question.id] ?? []).filter((id) => id !== optionId);
  return { ...answers, [question.id]: checked ? [...before, optionId] : before };
}

/**
 * The attempt's body: every question of the quiz, in the quiz's option order (an unanswered
 * question is sent empty and graded wrong), and nothing the quiz does not ask.
 */
export function attemptAnswers(
  questions: readonly Pick<Question, 'id' | 'options'>[],
  answers: Answers,
): { answers: Answers } {
  const out: Answers = {};
  for (const question of questions) {
    const chosen = new Set(answers[question.id] ?? []);
    out[question.id] = question.options.map((o) => o.id).filter((id) => chosen.has(id));
  }
  return { answers: out };
}

/** How many questions have no answer yet. */
export function unanswered(questions: readonly Pick<Question, 'id'>[], answers: Answers): number {
  return questions.filter((question) => (answers[question.id] ?? []).length === 0).length;
}

/** Whole minutes until `retryAt` (rounded up), or 0 when it has passed or there is none. */
export function minutesUntil(retryAt: string | null, now: number): number {
  if (!retryAt) return 0;
  const ms = Date.parse(retryAt) - now;
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

/**
 * A video address that names a file a <video> can play (a video uploaded to Haven, served
 * from this origin, or an address ending in a video file's extension); anything else is
 * linked to.
 */
const VIDEO_FILE = /\.(mp4|webm|ogv|ogg|m4v|mov)$/i;
export function isVideoFile(url: string): boolean {
  if (havenVideoIdOf(url)) return true;
  try {
    return VIDEO_FILE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Readings and videos are marked done by hand; quizzes pass, exercises are approved. */
export function canMarkDone(item: Pick<LearnerItem, 'kind' | 'progress'>): boolean {
  const kind: string = item.kind;
  return (kind === 'reading' || kind === 'video') && item.progress.status !== 'completed';
}
