import { Types } from 'mongoose';
import type { Page } from '../../shared/api/common.ts';
import type { CourseDraft } from '../../shared/training/content.ts';
import type {
  CourseDetail,
  CourseListQuery,
  CourseSummary,
  LearnerItem,
} from '../../shared/training/learning.ts';
import { findPageWith, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import {
  accessFor,
  isAuthor,
  itemForLearning,
  type Learner,
  notFound,
  type TrainingCore,
} from './access.ts';
import { submissionsOfItem } from './exercises.ts';
import type { CourseDoc, EnrolmentDoc, ItemDoc, OutlineDoc, ProgressDoc } from './models.ts';
import { outlineOf } from './progress.ts';
import { attemptState, attemptsOf, quizOf } from './quizzes.ts';
import {
  courseProgressOf,
  draftOf,
  iso,
  itemProgressOf,
  learnerItemBase,
  learnerQuestionOf,
  submissionOf,
} from './views.ts';

const OLDEST_FIRST: SortSpec = { field: '_id', kind: 'id', direction: 1 };

function summaryOf(
  course: CourseDoc,
  outline: OutlineDoc,
  enrolment: EnrolmentDoc | undefined,
  progress: ProgressDoc[],
): CourseSummary {
  return {
    id: String(course._id),
    title: outline.title,
    description: outline.description,
    language: outline.language as CourseSummary['language'],
    track: outline.track as CourseSummary['track'],
    prerequisites: outline.prerequisites.map(String),
    plannedMinutes: outline.plannedMinutes,
    status: course.status as CourseSummary['status'],
    version: course.version,
    progress: courseProgressOf(outline, enrolment, progress),
  };
}

/** The caller's enrolments and progress in these courses (their own only). */
async function recordsOf(core: TrainingCore, userId: string, courseIds: Types.ObjectId[]) {
  const filter = { userId: new Types.ObjectId(userId), courseId: { $in: courseIds } };
  const [enrolments, progress] = await Promise.all([
    core.models.Enrolment.find(filter).lean<EnrolmentDoc[]>(),
    core.models.Progress.find(filter).lean<ProgressDoc[]>(),
  ]);
  return {
    enrolmentOf: (id: Types.ObjectId) => enrolments.find((doc) => doc.courseId.equals(id)),
    progressOf: (id: Types.ObjectId) => progress.filter((doc) => doc.courseId.equals(id)),
  };
}

/** `GET /api/courses`: published courses (authors may ask for drafts too) with the caller's progress. */
export async function listCourses(
  core: TrainingCore,
  learner: Learner,
  query: CourseListQuery,
): Promise<Page<CourseSummary>> {
  const all = query.status === 'all';
  if (all && !isAuthor(learner))
    throw new AppError('FORBIDDEN', 'only trainers and admins see drafts');
  const filter: Record<string, unknown> = all ? {} : { status: 'published' };
  const prefix = all ? '' : 'published.';
  if (query.track) filter[`${prefix}track`] = query.track;
  if (query.language) filter[`${prefix}language`] = query.language;
  return findPageWith(core.models.Course, filter, OLDEST_FIRST, query, async (docs) => {
    const records = await recordsOf(
      core,
      learner.id,
      docs.map((doc) => doc._id),
    );
    const views: CourseSummary[] = [];
    for (const doc of docs) {
      const enrolment = records.enrolmentOf(doc._id);
      const outline = all
        ? doc
        : enrolment
          ? await outlineOf(core, doc, enrolment.version)
          : (doc.published as OutlineDoc);
      views.push(summaryOf(doc, outline, enrolment, records.progressOf(doc._id)));
    }
    return views;
  });
}

/**
 * `GET /api/courses/:id`: the outline of the version the caller takes (else the latest), each
 * item with the caller's progress. Authors also see a course never published (as its draft)
 * and, with `view=draft`, the draft with its answers for editing.
 */
export async function courseDetail(
  core: TrainingCore,
  learner: Learner,
  courseId: string,
  view: 'learner' | 'draft',
): Promise<{ course: CourseDetail; draft?: CourseDraft }> {
  const course = await core.models.Course.findById(courseId).lean<CourseDoc>();
  const author = isAuthor(learner);
  if (!course || (!course.published && !author)) throw notFound();
  if (view === 'draft' && !author)
    throw new AppError('FORBIDDEN', 'only trainers and admins see drafts');
  const records = await recordsOf(core, learner.id, [course._id]);
  const enrolment = records.enrolmentOf(course._id);
  const progress = records.progressOf(course._id);
  const showDraft = view === 'draft' || !course.published;
  const shownVersion = showDraft ? 0 : (enrolment?.version ?? course.version);
  const outline = showDraft ? course : await outlineOf(core, course, shownVersion);
  const items = await core.models.Item.find({ courseId: course._id, version: shownVersion }).lean<
    ItemDoc[]
  >();
  const byKey = new Map(items.map((item) => [item.key, item]));
  const progressByKey = new Map(progress.map((doc) => [doc.itemKey, doc]));
  const detail: CourseDetail = {
    ...summaryOf(course, outline, enrolment, progress),
    shownVersion,
    newerVersion: enrolment && enrolment.version < course.version ? course.version : null,
    hasUnpublishedChanges: author ? course.hasUnpublishedChanges : false,
    access: course.published
      ? await accessFor(core, learner, course.published)
      : { allowed: false, reason: 'unpublished', missingPrerequisites: [] },
    modules: outline.modules.map((module) => ({
      key: module.key,
      title: module.title,
      items: module.itemKeys.flatMap((key) => {
        const item = byKey.get(key);
        if (!item) return [];
        return [
          {
            id: String(item._id),
            key,
            kind: item.kind as ItemDoc['kind'] as never,
            title: item.title,
            minutes: item.minutes,
            progress: itemProgressOf(progressByKey.get(key)),
          },
        ];
      }),
    })),
  };
  return view === 'draft' ? { course: detail, draft: draftOf(course, items) } : { course: detail };
}

/** `GET /api/items/:id`: the item to learn from; a quiz without its answers or explanations. */
export async function learnerItem(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
): Promise<LearnerItem> {
  const { item } = await itemForLearning(core, learner, itemId);
  const progress = await core.models.Progress.findOne({
    userId: new Types.ObjectId(learner.id),
    courseId: item.courseId,
    itemKey: item.key,
  }).lean<ProgressDoc>();
  const view = learnerItemBase(item, progress ?? undefined);
  if (item.kind === 'quiz') {
    const quiz = quizOf(item);
    const attempts = await attemptsOf(core, learner.id, item);
    const state = attemptState(quiz, attempts, core.now());
    view.quiz = {
      questions: quiz.questions.map(learnerQuestionOf),
      passMark: quiz.passMark,
      attemptLimit: quiz.attemptLimit,
      coolDownMinutes: quiz.coolDownMinutes,
      attempts: attempts.map((attempt) => ({
        id: String(attempt._id),
        number: attempt.number,
        score: attempt.score,
        passed: attempt.passed,
        createdAt: iso(attempt.createdAt) as string,
      })),
      attemptsLeft: state.attemptsLeft,
      retryAt: state.retryAt,
    };
  }
  if (item.kind === 'exercise') {
    const submissions = await submissionsOfItem(core, learner.id, item);
    view.exercise = {
      prompt: String((item.content as { prompt: string }).prompt),
      submissions: submissions.map(submissionOf),
    };
  }
  return view;
}
