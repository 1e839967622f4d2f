import { Types } from 'mongoose';
import type { ItemKind } from '../../shared/training/content.ts';
import type {
  CourseProgressReport,
  ItemProgressCounts,
  LearnerCounts,
  VersionProgress,
} from '../../shared/training/course-progress.ts';
import { notFound } from './access.ts';
import type {
  AttemptDoc,
  CourseDoc,
  EnrolmentDoc,
  ItemDoc,
  ProgressDoc,
  SubmissionDoc,
  TrainingModels,
  VersionDoc,
} from './models.ts';

type Enrolment = Pick<EnrolmentDoc, 'userId' | 'version' | 'completedAt'>;
type Progress = Pick<ProgressDoc, 'userId' | 'itemKey' | 'status' | 'seconds'>;

const minutesOf = (seconds: number) => Math.floor(seconds / 6) / 10;
const pairKey = (userId: Types.ObjectId, itemKey: string) => `${userId} ${itemKey}`;

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function learnerCounts(enrolments: Enrolment[]): LearnerCounts {
  const completed = enrolments.filter((it) => it.completedAt).length;
  return { started: enrolments.length, inProgress: enrolments.length - completed, completed };
}

/** Which (learner, item key) pairs have a state: completed, attempted, passed, approved, waiting. */
interface Facts {
  seconds: Map<string, number>;
  completed: Set<string>;
  attempted: Set<string>;
  passed: Set<string>;
  approved: Set<string>;
  waiting: Set<string>;
}

function factsOf(
  progress: Progress[],
  attempts: Pick<AttemptDoc, 'userId' | 'itemKey' | 'passed'>[],
  submissions: Pick<SubmissionDoc, 'userId' | 'itemKey' | 'status'>[],
): Facts {
  const facts: Facts = {
    seconds: new Map(),
    completed: new Set(),
    attempted: new Set(),
    passed: new Set(),
    approved: new Set(),
    waiting: new Set(),
  };
  for (const doc of progress) {
    const key = pairKey(doc.userId, doc.itemKey);
    facts.seconds.set(key, doc.seconds);
    if (doc.status === 'completed') facts.completed.add(key);
  }
  for (const doc of attempts) {
    const key = pairKey(doc.userId, doc.itemKey);
    facts.attempted.add(key);
    if (doc.passed) facts.passed.add(key);
  }
  for (const doc of submissions) {
    const key = pairKey(doc.userId, doc.itemKey);
    if (doc.status === 'approved') facts.approved.add(key);
    if (doc.status === 'submitted') facts.waiting.add(key);
  }
  return facts;
}

function itemCounts(
  item: Pick<ItemDoc, 'key' | 'kind' | 'title'>,
  moduleTitle: string,
  learners: Enrolment[],
  facts: Facts,
): ItemProgressCounts {
  const count = (set: Set<string>) =>
    learners.filter((it) => set.has(pairKey(it.userId, item.key))).length;
  const counts: ItemProgressCounts = {
    key: item.key,
    title: item.title,
    kind: item.kind as ItemKind,
    moduleTitle,
    completed: count(facts.completed),
  };
  if (item.kind === 'quiz') {
    const attempted = count(facts.attempted);
    const passed = count(facts.passed);
    counts.quiz = {
      attempted,
      passed,
      passRate: attempted ? Math.round((passed / attempted) * 1000) / 10 : null,
    };
  }
  if (item.kind === 'exercise') {
    const approved = count(facts.approved);
    // Once approved no new answer is taken, so "waiting" never counts an approved learner.
    counts.exercise = { approved, waiting: count(facts.waiting) };
  }
  return counts;
}

/**
 * `GET /api/courses/:id/progress` (trainers and admins): aggregate numbers only, never a
 * learner's id or name (docs/training.md, "Progress per course"). Seven queries whatever the
 * number of learners: the course, then its versions, enrolments, progress, attempts,
 * answers and published items at once, joined here by learner and item key (progress is
 * kept by key, so each learner counts against the items of the version they take).
 */
export async function courseProgressReport(
  models: TrainingModels,
  courseId: string,
): Promise<CourseProgressReport> {
  const id = new Types.ObjectId(courseId);
  const course = await models.Course.findById(id, {
    title: 1,
    language: 1,
    version: 1,
    published: 1,
  }).lean<Pick<CourseDoc, '_id' | 'title' | 'language' | 'version' | 'published'>>();
  if (!course) throw notFound();
  const byCourse = { courseId: id };
  const [versions, enrolments, progress, attempts, submissions, items] = await Promise.all([
    models.Version.find(byCourse, { version: 1, modules: 1 }).lean<
      Pick<VersionDoc, 'version' | 'modules'>[]
    >(),
    models.Enrolment.find(byCourse, { userId: 1, version: 1, completedAt: 1 }).lean<Enrolment[]>(),
    models.Progress.find(byCourse, { userId: 1, itemKey: 1, status: 1, seconds: 1 }).lean<
      Progress[]
    >(),
    models.Attempt.find(byCourse, { userId: 1, itemKey: 1, passed: 1 }).lean<
      Pick<AttemptDoc, 'userId' | 'itemKey' | 'passed'>[]
    >(),
    models.Submission.find(
      { ...byCourse, status: { $in: ['submitted', 'approved'] } },
      { userId: 1, itemKey: 1, status: 1 },
    ).lean<Pick<SubmissionDoc, 'userId' | 'itemKey' | 'status'>[]>(),
    models.Item.find(
      { ...byCourse, version: { $gt: 0 } },
      { version: 1, key: 1, kind: 1, title: 1 },
    ).lean<Pick<ItemDoc, 'version' | 'key' | 'kind' | 'title'>[]>(),
  ]);
  const facts = factsOf(progress, attempts, submissions);
  const itemOf = new Map(items.map((it) => [`${it.version} ${it.key}`, it]));
  // Each learner has one enrolment per course, so each is counted once.
  const allSeconds: number[] = [];
  const shown: VersionProgress[] = [];
  for (const outline of [...versions].sort((a, b) => b.version - a.version)) {
    const learners = enrolments.filter((it) => it.version === outline.version);
    if (!learners.length) continue;
    const keys = outline.modules.flatMap((module) => module.itemKeys);
    const seconds = learners.map((learner) =>
      keys.reduce((sum, key) => sum + (facts.seconds.get(pairKey(learner.userId, key)) ?? 0), 0),
    );
    allSeconds.push(...seconds);
    shown.push({
      version: outline.version,
      learners: learnerCounts(learners),
      minutes: {
        total: minutesOf(seconds.reduce((a, b) => a + b, 0)),
        medianPerLearner: minutesOf(median(seconds)),
      },
      items: outline.modules.flatMap((module) =>
        module.itemKeys.flatMap((key) => {
          const item = itemOf.get(`${outline.version} ${key}`);
          return item ? [itemCounts(item, module.title, learners, facts)] : [];
        }),
      ),
    });
  }
  return {
    course: {
      id: String(course._id),
      title: course.published?.title ?? course.title,
      language: (course.published?.language ?? course.language) as 'en' | 'es',
      latestVersion: course.version,
    },
    learners: learnerCounts(enrolments),
    minutes: {
      total: minutesOf(allSeconds.reduce((a, b) => a + b, 0)),
      medianPerLearner: minutesOf(median(allSeconds)),
    },
    versions: shown,
  };
}
