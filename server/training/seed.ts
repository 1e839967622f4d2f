import type { Role } from '../../shared/api/accounts.ts';
import { courseCreateBody } from '../../shared/training/content.ts';
import type { SeedContext } from '../infra/seed-context.ts';
import { trainingModels } from './models.ts';
import { CHAMPION_EN } from './seed-data/champion-en.ts';
import { CHAMPION_ES } from './seed-data/champion-es.ts';
import { FACILITATOR_EN } from './seed-data/facilitator-en.ts';
import { FACILITATOR_ES } from './seed-data/facilitator-es.ts';
import { FOUNDATIONS_EN } from './seed-data/foundations-en.ts';
import { FOUNDATIONS_ES } from './seed-data/foundations-es.ts';
import { TrainingService } from './service.ts';

export const DEMO_COURSES = [
  FOUNDATIONS_EN,
  FOUNDATIONS_ES,
  FACILITATOR_EN,
  FACILITATOR_ES,
  CHAMPION_EN,
  CHAMPION_ES,
];

/**
 * Demo courses (one per track, in English and Spanish), written and published by the demo
 * trainer through the same schema and service as the API. The demo participant has started
 * the English foundations course and sent its exercise, so the trainer has a review waiting.
 */
export async function seedTraining(ctx: SeedContext): Promise<void> {
  const training = new TrainingService(trainingModels(ctx.connection));
  const author = {
    id: ctx.people.trainer,
    roles: ['participant', 'trainer'] as Role[],
    partnerId: null,
  };
  const ids: string[] = [];
  for (const input of DEMO_COURSES) {
    const { course } = await training.createCourse(author, courseCreateBody.parse(input));
    await training.updateCourse(author, course.id, { publish: true });
    ids.push(course.id);
  }

  const participant = {
    id: ctx.people.participant,
    roles: ['participant'] as Role[],
    partnerId: null,
  };
  const { course } = await training.courseDetail(participant, ids[0] as string);
  const items = course.modules.flatMap((module) => module.items);
  const byKey = (key: string) => items.find((item) => item.key === key)?.id as string;
  await training.complete(participant, byKey('welcome-video'));
  await training.complete(participant, byKey('four-points-reading'));
  await training.submit(
    participant,
    byKey('my-reasons'),
    'I want to stop letting evenings slide into drinking. It matters because my kids notice. This week I will go for a walk after work instead of going straight home.',
  );
}
