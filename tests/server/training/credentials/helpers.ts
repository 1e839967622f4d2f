import { Types } from 'mongoose';
import type { TestHaven } from '../../../helpers/haven.ts';

/**
 * The course feature (another branch) reports completions through its own hook; until it
 * lands here, tests drive completion through the service method that hook calls, which
 * is the whole seam: `services.training.completions.courseCompleted`.
 */
export function completeCourse(
  haven: TestHaven,
  userId: string,
  course: Partial<{ courseId: string; courseTitle: string; track: string; language: string }> = {},
) {
  return haven.haven.services.training.completions.courseCompleted(userId, {
    courseId: new Types.ObjectId().toHexString(),
    courseTitle: 'Running a peer-led meeting',
    track: 'facilitator',
    language: 'en',
    ...course,
  });
}

export const credentialModelsOf = (haven: TestHaven) => haven.haven.services.training.models;
