import { Types } from 'mongoose';
import type { Page } from '../../shared/api/common.ts';
import type { SubmissionStatus } from '../../shared/training/learning.ts';
import type {
  ReviewDecision,
  ReviewEntry,
  ReviewQueueQuery,
} from '../../shared/training/reviews.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { findPageWith, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import type { Learner } from './access.ts';
import type { CohortService } from './cohorts.ts';
import type { CourseDoc, ItemDoc, SubmissionDoc, TrainingModels } from './models.ts';
import type { TrainingService } from './service.ts';
import { iso } from './views.ts';

const OLDEST_FIRST: SortSpec = { field: 'createdAt', kind: 'date', direction: 1 };

/**
 * The trainers' review queue (docs/training.md, "Reviews and cohorts"): written exercises
 * waiting for a decision, and the decision itself. Only the latest version of an answer is
 * decided, once; approval completes the item through `TrainingService.markExerciseApproved`.
 */
export class ReviewService {
  readonly #models: TrainingModels;
  readonly #training: TrainingService;
  readonly #cohorts: CohortService;
  readonly #users: UserDirectory;
  readonly #now: () => number;

  constructor(deps: {
    models: TrainingModels;
    training: TrainingService;
    cohorts: CohortService;
    users: UserDirectory;
    now: () => number;
  }) {
    this.#models = deps.models;
    this.#training = deps.training;
    this.#cohorts = deps.cohorts;
    this.#users = deps.users;
    this.#now = deps.now;
  }

  /** `GET /api/reviews`: oldest first, filtered by status, course and cohort. */
  async queue(reviewer: Learner, query: ReviewQueueQuery): Promise<Page<ReviewEntry>> {
    const filter: Record<string, unknown> = { status: query.status };
    if (query.courseId) filter.courseId = new Types.ObjectId(query.courseId);
    if (query.cohortId) {
      const memberIds = await this.#cohorts.memberIdsFor(reviewer, query.cohortId);
      filter.userId = { $in: memberIds.map((id) => new Types.ObjectId(id)) };
    }
    return findPageWith(this.#models.Submission, filter, OLDEST_FIRST, query, (docs) =>
      this.#entries(docs as SubmissionDoc[]),
    );
  }

  /** `POST /api/reviews/:id`: approve, or ask for changes with feedback. */
  async decide(
    reviewer: Learner,
    submissionId: string,
    body: ReviewDecision,
  ): Promise<ReviewEntry> {
    const { Submission } = this.#models;
    const doc = await Submission.findById(submissionId).lean<SubmissionDoc>();
    if (!doc) throw new AppError('NOT_FOUND', 'no such submission');
    if (String(doc.userId) === reviewer.id)
      throw new AppError('FORBIDDEN', 'another trainer reviews your own answers');
    const latest = await Submission.findOne(
      { userId: doc.userId, courseId: doc.courseId, itemKey: doc.itemKey },
      { _id: 1 },
    )
      .sort({ version: -1 })
      .lean<Pick<SubmissionDoc, '_id'>>();
    if (!latest?._id.equals(doc._id))
      throw new AppError('INVALID_TRANSITION', 'a newer version of this answer was submitted');
    // Conditional on still waiting: two trainers deciding at once decide once.
    const updated = await Submission.findOneAndUpdate(
      { _id: doc._id, status: 'submitted' },
      {
        $set: {
          status: body.decision,
          feedback: body.feedback ? body.feedback : null,
          reviewerId: new Types.ObjectId(reviewer.id),
          reviewedAt: new Date(this.#now()),
        },
      },
      { returnDocument: 'after' },
    ).lean<SubmissionDoc>();
    if (!updated) throw new AppError('INVALID_TRANSITION', 'this answer was already reviewed');
    if (body.decision === 'approved')
      try {
        await this.#training.markExerciseApproved(String(doc.userId), String(doc.itemId));
      } catch (error) {
        // Not half done: the answer waits again, so the trainer's retry completes the item.
        await Submission.updateOne(
          { _id: doc._id, status: 'approved', reviewedAt: updated.reviewedAt },
          { $set: { status: 'submitted', feedback: null, reviewerId: null, reviewedAt: null } },
        );
        throw error;
      }
    const [entry] = await this.#entries([updated]);
    if (!entry) throw new AppError('NOT_FOUND', 'no such submission');
    return entry;
  }

  /** Reviews the member made, for "download my data" (the learners' answers are theirs). */
  async exportFor(userId: string) {
    const docs = await this.#models.Submission.find({ reviewerId: new Types.ObjectId(userId) })
      .sort({ reviewedAt: 1 })
      .lean<SubmissionDoc[]>();
    return docs.map((doc) => ({
      submissionId: String(doc._id),
      courseId: String(doc.courseId),
      itemKey: doc.itemKey,
      version: doc.version,
      decision: doc.status as SubmissionStatus,
      feedback: doc.feedback,
      reviewedAt: iso(doc.reviewedAt),
    }));
  }

  async #entries(docs: SubmissionDoc[]): Promise<ReviewEntry[]> {
    if (!docs.length) return [];
    const { Item, Course, Submission } = this.#models;
    const [items, courses, people, history] = await Promise.all([
      Item.find({ _id: { $in: docs.map((doc) => doc.itemId) } }).lean<ItemDoc[]>(),
      Course.find(
        { _id: { $in: docs.map((doc) => doc.courseId) } },
        { title: 1, 'published.title': 1 },
      ).lean<CourseDoc[]>(),
      this.#users.publicUsers(docs.map((doc) => String(doc.userId))),
      Submission.find({
        $or: docs.map((doc) => ({
          userId: doc.userId,
          courseId: doc.courseId,
          itemKey: doc.itemKey,
          version: { $lt: doc.version },
        })),
      })
        .sort({ version: 1 })
        .lean<SubmissionDoc[]>(),
    ]);
    return docs.map((doc) => {
      const item = items.find((it) => it._id.equals(doc.itemId));
      const course = courses.find((it) => it._id.equals(doc.courseId));
      const earlier = history.filter(
        (it) =>
          it.userId.equals(doc.userId) &&
          it.courseId.equals(doc.courseId) &&
          it.itemKey === doc.itemKey &&
          it.version < doc.version,
      );
      return {
        id: String(doc._id),
        learner: {
          id: String(doc.userId),
          displayName: people.get(String(doc.userId))?.displayName ?? 'a member',
        },
        course: {
          id: String(doc.courseId),
          title: course?.published?.title ?? course?.title ?? '',
        },
        item: {
          id: String(doc.itemId),
          title: item?.title ?? '',
          prompt: String((item?.content as { prompt?: string } | undefined)?.prompt ?? ''),
        },
        text: doc.text,
        version: doc.version,
        status: doc.status as SubmissionStatus,
        feedback: doc.feedback,
        createdAt: doc.createdAt.toISOString(),
        reviewedAt: iso(doc.reviewedAt),
        earlierVersions: earlier.map((it) => ({
          id: String(it._id),
          version: it.version,
          text: it.text,
          status: it.status as SubmissionStatus,
          feedback: it.feedback,
          createdAt: it.createdAt.toISOString(),
          reviewedAt: iso(it.reviewedAt),
        })),
      };
    });
  }
}
