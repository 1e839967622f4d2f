import { Types } from 'mongoose';
import type { Submission, SubmissionStatus } from '../../shared/training/learning.ts';
import { AppError } from '../infra/errors.ts';
import {
  isDuplicateKey,
  itemForAction,
  type Learner,
  notFound,
  type TrainingCore,
} from './access.ts';
import type { CourseDoc, ItemDoc, SubmissionDoc } from './models.ts';
import { completeItem, startItem } from './progress.ts';
import { submissionOf } from './views.ts';

/** A stored submission as other parts of Haven (the trainers' review queue) read it. */
export interface SubmissionRecord {
  id: string;
  userId: string;
  courseId: string;
  itemId: string;
  itemKey: string;
  version: number;
  text: string;
  status: SubmissionStatus;
  feedback: string | null;
  reviewerId: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

export const submissionRecordOf = (doc: SubmissionDoc): SubmissionRecord => ({
  id: String(doc._id),
  userId: String(doc.userId),
  courseId: String(doc.courseId),
  itemId: String(doc.itemId),
  itemKey: doc.itemKey,
  version: doc.version,
  text: doc.text,
  status: doc.status as SubmissionStatus,
  feedback: doc.feedback,
  reviewerId: doc.reviewerId ? String(doc.reviewerId) : null,
  createdAt: doc.createdAt,
  reviewedAt: doc.reviewedAt,
});

export async function submissionsOfItem(
  core: TrainingCore,
  userId: string,
  item: ItemDoc,
): Promise<SubmissionDoc[]> {
  return core.models.Submission.find({
    userId: new Types.ObjectId(userId),
    courseId: item.courseId,
    itemKey: item.key,
  })
    .sort({ version: 1 })
    .lean<SubmissionDoc[]>();
}

/** `POST /api/items/:id/submissions`: a new version of the learner's answer, waiting for review. */
export async function submitExercise(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
  text: string,
): Promise<Submission> {
  const { item, course } = await itemForAction(core, learner, itemId);
  if (item.kind !== 'exercise')
    throw new AppError('INVALID_TRANSITION', 'only a written exercise takes submissions');
  const previous = await submissionsOfItem(core, learner.id, item);
  if (previous.some((doc) => doc.status === 'approved'))
    throw new AppError('INVALID_TRANSITION', 'this exercise is already approved');
  await startItem(core, learner.id, course._id, item.key);
  try {
    const doc = await core.models.Submission.create({
      userId: learner.id,
      courseId: course._id,
      itemId: item._id,
      itemKey: item.key,
      version: (previous.at(-1)?.version ?? 0) + 1,
      text,
      status: 'submitted',
      feedback: null,
      reviewerId: null,
      createdAt: new Date(core.now()),
      reviewedAt: null,
    });
    return submissionOf(doc.toObject() as SubmissionDoc);
  } catch (error) {
    if (isDuplicateKey(error))
      throw new AppError('CONFLICT', 'another version was submitted at the same time');
    throw error;
  }
}

/** Filters for `submissionsFor`; every one optional. */
export interface SubmissionFilter {
  status?: SubmissionStatus;
  courseId?: string;
  userId?: string;
  itemKey?: string;
  /** At most this many, oldest first (default 100, at most 500). */
  limit?: number;
}

/** Stored submissions, oldest first: what a trainers' review queue is built on. */
export async function submissionsFor(
  core: TrainingCore,
  filter: SubmissionFilter = {},
): Promise<SubmissionRecord[]> {
  const query: Record<string, unknown> = {};
  if (filter.status) query.status = filter.status;
  if (filter.courseId) query.courseId = new Types.ObjectId(filter.courseId);
  if (filter.userId) query.userId = new Types.ObjectId(filter.userId);
  if (filter.itemKey) query.itemKey = filter.itemKey;
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
  const docs = await core.models.Submission.find(query)
    .sort({ createdAt: 1, _id: 1 })
    .limit(limit)
    .lean<SubmissionDoc[]>();
  return docs.map(submissionRecordOf);
}

/** An approved exercise completes the item for that learner (the review itself is elsewhere). */
export async function markExerciseApproved(
  core: TrainingCore,
  userId: string,
  itemId: string,
): Promise<void> {
  if (!Types.ObjectId.isValid(itemId)) throw notFound('item');
  const item = await core.models.Item.findById(itemId).lean<ItemDoc>();
  if (item?.kind !== 'exercise') throw notFound('item');
  const course = await core.models.Course.findById(item.courseId).lean<CourseDoc>();
  if (!course?.published) throw notFound('item');
  await completeItem(core, userId, course, item.key);
}
