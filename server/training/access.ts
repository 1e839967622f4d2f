import { Types } from 'mongoose';
import type { Track } from '../../shared/training/content.ts';
import type { Access } from '../../shared/training/learning.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { TrainingEvents } from './events.ts';
import type { CourseDoc, EnrolmentDoc, ItemDoc, TrainingModels } from './models.ts';

/** The member acting, as the training services see it: plain data, no request. */
export type Learner = Pick<RequestUser, 'id' | 'roles' | 'partnerId'>;

/** What every training service shares: the models, the clock (tests move it) and the events. */
export interface TrainingCore {
  models: TrainingModels;
  now: () => number;
  events: TrainingEvents;
}

/** Trainers and admins author courses, see drafts, and take any course without gates. */
export const isAuthor = (learner: Pick<Learner, 'roles'>) =>
  learner.roles.includes('trainer') || learner.roles.includes('admin');

/**
 * The champion track is for professionals: members holding the `champion` role and partner
 * organisations' staff (recognised by their partner link). docs/training.md, "Tracks".
 */
export const isProfessional = (learner: Learner) =>
  learner.roles.includes('champion') || learner.partnerId !== null;

export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

export const notFound = (what = 'course') => new AppError('NOT_FOUND', `no such ${what}`);

/** Whether `learner` may take the items of a course with this track and prerequisites. */
export async function accessFor(
  core: TrainingCore,
  learner: Learner,
  course: { track: string; prerequisites: Types.ObjectId[] },
): Promise<Access> {
  if (isAuthor(learner)) return { allowed: true, reason: null, missingPrerequisites: [] };
  const userId = new Types.ObjectId(learner.id);
  const track = course.track as Track;
  if (track === 'champion' && !isProfessional(learner))
    return { allowed: false, reason: 'track', missingPrerequisites: [] };
  if (track === 'facilitator') {
    const foundations = await core.models.Enrolment.exists({
      userId,
      track: 'foundations',
      completedAt: { $ne: null },
    });
    if (!foundations) return { allowed: false, reason: 'track', missingPrerequisites: [] };
  }
  if (course.prerequisites.length) {
    const done = await core.models.Enrolment.find(
      { userId, courseId: { $in: course.prerequisites }, completedAt: { $ne: null } },
      { courseId: 1 },
    ).lean<Array<Pick<EnrolmentDoc, 'courseId'>>>();
    const completed = new Set(done.map((doc) => String(doc.courseId)));
    const missing = course.prerequisites.map(String).filter((id) => !completed.has(id));
    if (missing.length)
      return { allowed: false, reason: 'prerequisites', missingPrerequisites: missing };
  }
  return { allowed: true, reason: null, missingPrerequisites: [] };
}

export function refusal(access: Access): AppError {
  if (access.reason === 'prerequisites')
    return new AppError('FORBIDDEN', 'complete the prerequisite courses first', {
      prerequisites: access.missingPrerequisites,
    });
  return new AppError('FORBIDDEN', 'this course belongs to a track you cannot take yet', {
    track: ['the facilitator track needs foundations; the champion track is for professionals'],
  });
}

export interface ItemContext {
  item: ItemDoc;
  course: CourseDoc;
}

/** An item and its course, as the caller may see them for learning (else NOT_FOUND/FORBIDDEN). */
export async function itemForLearning(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
): Promise<ItemContext> {
  const item = await core.models.Item.findById(itemId).lean<ItemDoc>();
  if (!item) throw notFound('item');
  const course = await core.models.Course.findById(item.courseId).lean<CourseDoc>();
  if (!course) throw notFound('item');
  // Drafts (version 0) are previewed by their authors only; to anyone else they do not exist.
  if (item.version === 0 || !course.published) {
    if (!isAuthor(learner)) throw notFound('item');
    return { item, course };
  }
  const access = await accessFor(core, learner, course.published);
  if (!access.allowed) throw refusal(access);
  return { item, course };
}

/**
 * An item the caller is about to act on (time, completion, attempt, submission): a published
 * item of the version they take. Their first action enrols them in the latest version.
 */
export async function itemForAction(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
): Promise<ItemContext & { enrolment: EnrolmentDoc }> {
  const { item, course } = await itemForLearning(core, learner, itemId);
  if (item.version === 0 || !course.published)
    throw new AppError('INVALID_TRANSITION', 'a draft can be previewed, not taken');
  const enrolment = await enrol(core, learner.id, course);
  if (enrolment.version !== item.version)
    throw new AppError('INVALID_TRANSITION', 'this item belongs to another version of the course', {
      version: [`you are taking version ${enrolment.version}`],
    });
  return { item, course, enrolment };
}

/** The learner's enrolment in a published course, created at the latest version if missing. */
export async function enrol(
  core: TrainingCore,
  userId: string,
  course: CourseDoc,
): Promise<EnrolmentDoc> {
  const filter = { userId: new Types.ObjectId(userId), courseId: course._id };
  const insert = {
    track: course.published?.track ?? course.track,
    version: course.version,
    startedAt: new Date(core.now()),
    completedAt: null,
  };
  for (let tries = 0; tries < 2; tries++) {
    try {
      const doc = await core.models.Enrolment.findOneAndUpdate(
        filter,
        { $setOnInsert: insert },
        { upsert: true, returnDocument: 'after' },
      ).lean<EnrolmentDoc>();
      if (doc) return doc;
    } catch (error) {
      // Two first actions at once: the other one created it.
      if (!isDuplicateKey(error) || tries > 0) throw error;
    }
  }
  throw new AppError('CONFLICT', 'could not start the course; try again');
}
