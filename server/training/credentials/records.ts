import type { z } from 'zod';
import { idSchema } from '../../../shared/api/common.ts';
import type {
  CourseCompletion,
  Track,
  TrainingSettings,
  trainingRecordResponse,
} from '../../../shared/training/credentials.ts';
import { AppError } from '../../infra/errors.ts';
import type { CompletedCourse, CredentialModels, TrainingRecordDoc } from './models.ts';

const DUPLICATE_KEY = 11000;

/**
 * Whether the courses completed so far make up `track`. The facilitator track is the
 * organisation's to define (settings.facilitatorCourseIds); left empty, and for the other
 * tracks, one completed course of the track completes it. The course feature reports a
 * course complete only when every item is, written exercises approved included.
 */
export function trackComplete(
  track: Track,
  courses: Pick<CompletedCourse, 'courseId' | 'track'>[],
  settings: Pick<TrainingSettings, 'facilitatorCourseIds'>,
): boolean {
  const required = track === 'facilitator' ? settings.facilitatorCourseIds : [];
  if (required.length > 0) {
    const done = new Set(courses.map((course) => course.courseId));
    return required.every((id) => done.has(id));
  }
  return courses.some((course) => course.track === track);
}

function checkedId(userId: string): string {
  if (!idSchema.safeParse(userId).success) throw new AppError('INVALID_INPUT', 'not a member id');
  return userId;
}

/**
 * Per member: the courses completed and the tracks they make up, with dates. Hosting and
 * the facilitator grant read `facilitatorTrainingComplete`; nothing here is shown to anyone
 * but the member (a learner's training is nobody else's business by default).
 */
export class TrainingRecords {
  readonly #models: CredentialModels;

  constructor(models: CredentialModels) {
    this.#models = models;
  }

  /** The member's record exists afterwards; two first completions at once both succeed. */
  async #ensure(userId: string): Promise<void> {
    try {
      await this.#models.TrainingRecord.updateOne(
        { _id: userId },
        { $setOnInsert: { courses: [], tracks: [] } },
        { upsert: true },
      );
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /**
   * Notes a completed course (once per course; a retake keeps the first date) and returns
   * the tracks this completion newly completes, given the organisation's settings.
   */
  async courseCompleted(
    userId: string,
    course: CourseCompletion,
    settings: Pick<TrainingSettings, 'facilitatorCourseIds'>,
    at: Date,
  ): Promise<Track[]> {
    checkedId(userId);
    await this.#ensure(userId);
    await this.#models.TrainingRecord.updateOne(
      { _id: userId, 'courses.courseId': { $ne: course.courseId } },
      { $push: { courses: { ...course, completedAt: at } } },
    );
    const record = await this.#models.TrainingRecord.findById(userId).lean<TrainingRecordDoc>();
    const held = new Set(record?.tracks.map((entry) => entry.track));
    const newly: Track[] = [];
    for (const track of ['foundations', 'facilitator', 'champion'] as const) {
      if (held.has(track) || !trackComplete(track, record?.courses ?? [], settings)) continue;
      if (await this.#addTrack(userId, track, at)) newly.push(track);
    }
    return newly;
  }

  /** True when this call added the track (a concurrent completion may have beaten it). */
  async #addTrack(userId: string, track: Track, at: Date): Promise<boolean> {
    const result = await this.#models.TrainingRecord.updateOne(
      { _id: userId, 'tracks.track': { $ne: track } },
      { $push: { tracks: { track, completedAt: at } } },
    );
    return result.matchedCount === 1;
  }

  /**
   * Records a whole track as complete without its courses: for the demo seed and the test
   * helper, whose facilitators stand for people trained before Haven kept records.
   */
  async markTrackComplete(userId: string, track: Track, at = new Date()): Promise<void> {
    checkedId(userId);
    await this.#ensure(userId);
    await this.#addTrack(userId, track, at);
  }

  async facilitatorTrainingComplete(userId: string): Promise<boolean> {
    if (!idSchema.safeParse(userId).success) return false;
    return Boolean(
      await this.#models.TrainingRecord.exists({ _id: userId, 'tracks.track': 'facilitator' }),
    );
  }

  /** Those among `ids` whose facilitator training is complete, in one query. */
  async trainedAmong(ids: string[]): Promise<Set<string>> {
    const valid = [...new Set(ids)].filter((id) => idSchema.safeParse(id).success);
    if (valid.length === 0) return new Set();
    const found = await this.#models.TrainingRecord.find(
      { _id: { $in: valid }, 'tracks.track': 'facilitator' },
      { _id: 1 },
    ).lean();
    return new Set(found.map((record) => String(record._id)));
  }

  async mine(userId: string): Promise<z.infer<typeof trainingRecordResponse>['record']> {
    const record = await this.#models.TrainingRecord.findById(userId).lean<TrainingRecordDoc>();
    const tracks = record?.tracks ?? [];
    return {
      courses: (record?.courses ?? []).map((course) => ({
        courseId: course.courseId,
        courseTitle: course.courseTitle,
        track: course.track,
        completedAt: course.completedAt.toISOString(),
      })),
      tracks: tracks.map((entry) => ({
        track: entry.track,
        completedAt: entry.completedAt.toISOString(),
      })),
      facilitatorTrainingComplete: tracks.some((entry) => entry.track === 'facilitator'),
    };
  }

  async exportFor(userId: string) {
    const record = await this.mine(userId);
    return { courses: record.courses, tracks: record.tracks };
  }

  async eraseFor(userId: string): Promise<void> {
    await this.#models.TrainingRecord.deleteOne({ _id: userId });
  }
}
