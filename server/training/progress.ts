import { Types } from 'mongoose';
import type { Track } from '../../shared/training/content.ts';
import type { CourseProgress, ItemProgress } from '../../shared/training/learning.ts';
import { AppError } from '../infra/errors.ts';
import { enrol, isDuplicateKey, itemForAction, type Learner, type TrainingCore } from './access.ts';
import type {
  CourseDoc,
  EnrolmentDoc,
  ItemDoc,
  OutlineDoc,
  ProgressDoc,
  VersionDoc,
} from './models.ts';
import { courseProgressOf, itemProgressOf, outlineKeys } from './views.ts';

/**
 * Time counting (docs/training.md, "Time"): the client beats every 15-30 s while an item is
 * visible. A beat credits the time since the previous beat, at most BEAT_CAP_SECONDS; a gap
 * longer than BEAT_GAP_SECONDS means the tab was hidden or closed and credits nothing. An
 * item earns at most twice its planned time (at least ITEM_CAP_MIN_SECONDS).
 */
export const BEAT_CAP_SECONDS = 60;
export const BEAT_GAP_SECONDS = 120;
export const ITEM_CAP_MIN_SECONDS = 10 * 60;

export const itemCapSeconds = (item: Pick<ItemDoc, 'minutes'>) =>
  Math.max(2 * item.minutes * 60, ITEM_CAP_MIN_SECONDS);

/** Reading and video items also complete after this much credited time. */
const enoughSeconds = (item: ItemDoc) =>
  item.kind === 'video'
    ? Number((item.content as { durationSeconds: number }).durationSeconds)
    : item.minutes * 60;

/** The learner's progress record with an item key, created as `started` when missing. */
export async function startItem(
  core: TrainingCore,
  userId: string,
  courseId: Types.ObjectId,
  itemKey: string,
): Promise<ProgressDoc> {
  const filter = { userId: new Types.ObjectId(userId), courseId, itemKey };
  const insert = {
    status: 'started',
    seconds: 0,
    lastBeatAt: null,
    startedAt: new Date(core.now()),
    completedAt: null,
  };
  for (let tries = 0; tries < 2; tries++) {
    try {
      const doc = await core.models.Progress.findOneAndUpdate(
        filter,
        { $setOnInsert: insert },
        { upsert: true, returnDocument: 'after' },
      ).lean<ProgressDoc>();
      if (doc) return doc;
    } catch (error) {
      if (!isDuplicateKey(error) || tries > 0) throw error;
    }
  }
  throw new AppError('CONFLICT', 'could not record progress; try again');
}

/** The outline of the version an enrolment is on. */
export async function outlineOf(
  core: TrainingCore,
  course: CourseDoc,
  version: number,
): Promise<OutlineDoc> {
  if (version === course.version && course.published) return course.published;
  const doc = await core.models.Version.findOne({
    courseId: course._id,
    version,
  }).lean<VersionDoc>();
  if (!doc) throw new AppError('NOT_FOUND', 'no such course version');
  return doc;
}

export async function courseProgressFor(
  core: TrainingCore,
  userId: string,
  course: CourseDoc,
): Promise<CourseProgress> {
  const enrolment = await core.models.Enrolment.findOne({
    userId: new Types.ObjectId(userId),
    courseId: course._id,
  }).lean<EnrolmentDoc>();
  const outline = enrolment
    ? await outlineOf(core, course, enrolment.version)
    : (course.published ?? course);
  const progress = await core.models.Progress.find({
    userId: new Types.ObjectId(userId),
    courseId: course._id,
  }).lean<ProgressDoc[]>();
  return courseProgressOf(outline, enrolment ?? undefined, progress);
}

/**
 * Marks an item key complete (once) and, when that completes the version the learner takes,
 * marks the course complete (once) and tells TrainingEvents.
 */
export async function completeItem(
  core: TrainingCore,
  userId: string,
  course: CourseDoc,
  itemKey: string,
): Promise<ProgressDoc> {
  await startItem(core, userId, course._id, itemKey);
  const now = new Date(core.now());
  const filter = { userId: new Types.ObjectId(userId), courseId: course._id, itemKey };
  await core.models.Progress.updateOne(
    { ...filter, status: { $ne: 'completed' } },
    { $set: { status: 'completed', completedAt: now } },
  );
  const doc = await core.models.Progress.findOne(filter).lean<ProgressDoc>();
  if (!doc) throw new AppError('CONFLICT', 'could not record progress; try again');
  await completeCourseIfDone(core, userId, course);
  return doc;
}

export async function completeCourseIfDone(
  core: TrainingCore,
  userId: string,
  course: CourseDoc,
): Promise<void> {
  const enrolment = await enrol(core, userId, course);
  if (enrolment.completedAt) return;
  const outline = await outlineOf(core, course, enrolment.version);
  const keys = outlineKeys(outline);
  const done = await core.models.Progress.countDocuments({
    userId: new Types.ObjectId(userId),
    courseId: course._id,
    itemKey: { $in: keys },
    status: 'completed',
  });
  if (keys.length === 0 || done < keys.length) return;
  // Only the request that flips completedAt announces it: completion is told once.
  const flipped = await core.models.Enrolment.findOneAndUpdate(
    { _id: enrolment._id, completedAt: null },
    { $set: { completedAt: new Date(core.now()) } },
  ).lean<EnrolmentDoc>();
  if (flipped)
    await core.events.safeEmit(
      'courseCompleted',
      userId,
      String(course._id),
      outline.track as Track,
    );
}

export interface ProgressAnswer {
  progress: ItemProgress;
  course: CourseProgress;
}

/** `POST /api/items/:id/heartbeat`: credits the time since the last beat, within the caps. */
export async function heartbeat(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
): Promise<ProgressAnswer> {
  const { item, course } = await itemForAction(core, learner, itemId);
  const current = await startItem(core, learner.id, course._id, item.key);
  const now = core.now();
  const last = current.lastBeatAt?.getTime() ?? null;
  const gapSeconds = last === null ? Number.POSITIVE_INFINITY : (now - last) / 1000;
  let credit =
    gapSeconds <= BEAT_GAP_SECONDS ? Math.min(Math.max(gapSeconds, 0), BEAT_CAP_SECONDS) : 0;
  credit = Math.max(0, Math.min(credit, itemCapSeconds(item) - current.seconds));
  // Conditional on the beat we read: of two beats racing (two tabs), one credits, one does not.
  const updated = await core.models.Progress.findOneAndUpdate(
    { _id: current._id, lastBeatAt: current.lastBeatAt },
    {
      $set: { lastBeatAt: new Date(Math.max(now, last ?? now)) },
      $inc: { seconds: Math.floor(credit) },
    },
    { returnDocument: 'after' },
  ).lean<ProgressDoc>();
  let doc = updated ?? current;
  if (
    (item.kind === 'reading' || item.kind === 'video') &&
    doc.status !== 'completed' &&
    doc.seconds >= enoughSeconds(item)
  )
    doc = await completeItem(core, learner.id, course, item.key);
  return {
    progress: itemProgressOf(doc),
    course: await courseProgressFor(core, learner.id, course),
  };
}

/** `POST /api/items/:id/complete`: a reading or video the learner marks done. */
export async function markDone(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
): Promise<ProgressAnswer> {
  const { item, course } = await itemForAction(core, learner, itemId);
  if (item.kind !== 'reading' && item.kind !== 'video')
    throw new AppError(
      'INVALID_TRANSITION',
      'a quiz completes when passed, an exercise when approved',
    );
  const doc = await completeItem(core, learner.id, course, item.key);
  return {
    progress: itemProgressOf(doc),
    course: await courseProgressFor(core, learner.id, course),
  };
}

/**
 * `POST /api/courses/:id/move-forward`: the learner leaves the version they started for the
 * latest one. Progress is kept by item key, so completed items stay completed.
 */
export async function moveForward(
  core: TrainingCore,
  learner: Learner,
  course: CourseDoc,
): Promise<void> {
  const enrolment = await enrol(core, learner.id, course);
  if (enrolment.version >= course.version)
    throw new AppError('INVALID_TRANSITION', 'you are already taking the latest version');
  await core.models.Enrolment.updateOne(
    { _id: enrolment._id },
    { $set: { version: course.version } },
  );
  await completeCourseIfDone(core, learner.id, course);
}
