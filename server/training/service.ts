import { Types } from 'mongoose';
import type { CourseCreate, CoursePatch, Track } from '../../shared/training/content.ts';
import type { CourseListQuery } from '../../shared/training/learning.ts';
import type { Learner, TrainingCore } from './access.ts';
import { notFound } from './access.ts';
import { createCourse, updateCourse } from './authoring.ts';
import { courseProgressReport } from './course-progress.ts';
import { courseDetail, learnerItem, listCourses } from './courses.ts';
import { TrainingEvents } from './events.ts';
import {
  markExerciseApproved,
  type SubmissionFilter,
  submissionRecordOf,
  submissionsFor,
  submitExercise,
} from './exercises.ts';
import type { CourseDoc, TrainingModels } from './models.ts';
import { heartbeat, markDone, moveForward } from './progress.ts';
import { submitAttempt } from './quizzes.ts';
import type { VideoStore } from './videos.ts';

/**
 * The training platform's one entry point (docs/training.md): what routes call, and what
 * other parts of Haven use (`events`, `submissionsFor`, `markExerciseApproved`). The rules
 * live in the modules it calls; this class only holds the shared core.
 */
export class TrainingService {
  readonly #core: TrainingCore;
  /** Uploaded videos, when this service serves them (mountTraining; not the seed). */
  readonly videos: VideoStore | undefined;

  constructor(
    models: TrainingModels,
    options: { now?: (() => number) | undefined; videos?: VideoStore | undefined } = {},
  ) {
    this.#core = { models, now: options.now ?? Date.now, events: new TrainingEvents() };
    this.videos = options.videos;
  }

  /** `courseCompleted` fires once per learner and course. */
  get events(): TrainingEvents {
    return this.#core.events;
  }

  listCourses(learner: Learner, query: CourseListQuery) {
    return listCourses(this.#core, learner, query);
  }
  courseDetail(learner: Learner, courseId: string, view: 'learner' | 'draft' = 'learner') {
    return courseDetail(this.#core, learner, courseId, view);
  }
  /** Aggregate progress of a course's learners, naming none (trainers and admins). */
  courseProgress(courseId: string) {
    return courseProgressReport(this.#core.models, courseId);
  }
  /** What a certificate prints of a course; null: no such course. */
  async courseFacts(
    courseId: string,
  ): Promise<{ courseId: string; courseTitle: string; track: Track; language: string } | null> {
    const course = await this.#core.models.Course.findById(courseId, {
      title: 1,
      track: 1,
      language: 1,
    }).lean<Pick<CourseDoc, 'title' | 'track' | 'language'>>();
    return course
      ? {
          courseId,
          courseTitle: course.title,
          track: course.track as Track,
          language: course.language,
        }
      : null;
  }

  async createCourse(author: Learner, input: CourseCreate) {
    const id = await createCourse(this.#core, author.id, input);
    return this.courseDetail(author, id, 'draft');
  }
  async updateCourse(author: Learner, courseId: string, patch: CoursePatch) {
    await updateCourse(this.#core, author.id, courseId, patch);
    return this.courseDetail(author, courseId, 'draft');
  }
  async moveForward(learner: Learner, courseId: string) {
    const course = await this.#core.models.Course.findById(courseId).lean<CourseDoc>();
    if (!course?.published) throw notFound();
    await moveForward(this.#core, learner, course);
    return this.courseDetail(learner, courseId);
  }

  item(learner: Learner, itemId: string) {
    return learnerItem(this.#core, learner, itemId);
  }
  heartbeat(learner: Learner, itemId: string) {
    return heartbeat(this.#core, learner, itemId);
  }
  complete(learner: Learner, itemId: string) {
    return markDone(this.#core, learner, itemId);
  }
  attempt(learner: Learner, itemId: string, answers: Record<string, string[]>) {
    return submitAttempt(this.#core, learner, itemId, answers);
  }
  submit(learner: Learner, itemId: string, text: string) {
    return submitExercise(this.#core, learner, itemId, text);
  }

  /** Exercise submissions, oldest first, for the trainers' review queue. */
  submissionsFor(filter: SubmissionFilter = {}) {
    return submissionsFor(this.#core, filter);
  }
  /** A trainer approved the learner's exercise: the item completes (and maybe the course). */
  markExerciseApproved(userId: string, itemId: string) {
    return markExerciseApproved(this.#core, userId, itemId);
  }

  /** "Download my data": the member's learning records in full. */
  async exportFor(userId: string) {
    const { Enrolment, Progress, Attempt, Submission } = this.#core.models;
    const filter = { userId: new Types.ObjectId(userId) };
    const plain = { _id: 0, userId: 0, __v: 0 } as const;
    const [enrolments, progress, attempts, submissions] = await Promise.all([
      Enrolment.find(filter, plain).sort({ startedAt: 1 }).lean(),
      Progress.find(filter, plain).sort({ startedAt: 1 }).lean(),
      Attempt.find(filter, plain).sort({ createdAt: 1 }).lean(),
      Submission.find(filter).sort({ createdAt: 1 }).lean(),
    ]);
    return {
      enrolments,
      progress,
      attempts,
      submissions: submissions.map((doc) => {
        const { userId: _, reviewerId: __, ...record } = submissionRecordOf(doc);
        return record;
      }),
    };
  }

  /** Account deletion: the learner's records go; as a reviewer or author they become nobody. */
  async eraseFor(userId: string): Promise<void> {
    const { Enrolment, Progress, Attempt, Submission, Course, Version } = this.#core.models;
    const id = new Types.ObjectId(userId);
    await Promise.all([
      Enrolment.deleteMany({ userId: id }),
      Progress.deleteMany({ userId: id }),
      Attempt.deleteMany({ userId: id }),
      Submission.deleteMany({ userId: id }),
    ]);
    await Submission.updateMany({ reviewerId: id }, { $set: { reviewerId: null } });
    await Course.updateMany({ createdBy: id }, { $set: { createdBy: null } });
    await Version.updateMany({ publishedBy: id }, { $set: { publishedBy: null } });
  }
}
