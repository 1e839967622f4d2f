import type { Types } from 'mongoose';
import type { ExerciseCounts } from '../../shared/training/reviews.ts';
import type { EnrolmentDoc, ItemDoc, OutlineDoc, SubmissionDoc, TrainingModels } from './models.ts';
import { outlineKeys } from './views.ts';

/** Counts for one member's enrolment, given the outline of the version they take. */
export type ExerciseCounter = (
  enrolment: EnrolmentDoc,
  outline: Pick<OutlineDoc, 'modules'>,
) => ExerciseCounts;

const versionKey = (courseId: Types.ObjectId, version: number) => `${courseId} ${version}`;
const approvalKey = (userId: Types.ObjectId, courseId: Types.ObjectId, itemKey: string) =>
  `${userId} ${courseId} ${itemKey}`;

/**
 * Written exercises per member and course for a cohort's progress, in two queries whatever
 * the number of members: the exercise items of the versions the enrolments are on, and every
 * approved answer of these members. Answers are stored by the item's stable key, so an
 * approval counts in whichever version the member takes as long as that version still has
 * an exercise with that key.
 */
export async function exerciseCounter(
  models: Pick<TrainingModels, 'Item' | 'Submission'>,
  userIds: Types.ObjectId[],
  enrolments: EnrolmentDoc[],
): Promise<ExerciseCounter> {
  const versions = new Map(
    enrolments.map((it) => [
      versionKey(it.courseId, it.version),
      { courseId: it.courseId, version: it.version },
    ]),
  );
  const [items, approved] = await Promise.all([
    versions.size
      ? models.Item.find(
          { kind: 'exercise', $or: [...versions.values()] },
          { courseId: 1, version: 1, key: 1 },
        ).lean<Pick<ItemDoc, 'courseId' | 'version' | 'key'>[]>()
      : [],
    userIds.length
      ? models.Submission.find(
          { userId: { $in: userIds }, status: 'approved' },
          { userId: 1, courseId: 1, itemKey: 1 },
        ).lean<Pick<SubmissionDoc, 'userId' | 'courseId' | 'itemKey'>[]>()
      : [],
  ]);
  const exerciseKeys = new Map<string, Set<string>>();
  for (const item of items) {
    const key = versionKey(item.courseId, item.version);
    exerciseKeys.set(key, (exerciseKeys.get(key) ?? new Set()).add(item.key));
  }
  const approvals = new Set(approved.map((it) => approvalKey(it.userId, it.courseId, it.itemKey)));
  return (enrolment, outline) => {
    const exercises = exerciseKeys.get(versionKey(enrolment.courseId, enrolment.version));
    // The outline names the version's items; a key it does not name is not part of it.
    const keys = [...new Set(outlineKeys(outline))].filter((key) => exercises?.has(key));
    return {
      approved: keys.filter((key) =>
        approvals.has(approvalKey(enrolment.userId, enrolment.courseId, key)),
      ).length,
      total: keys.length,
    };
  };
}
