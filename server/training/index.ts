import type { FeatureContext } from '../infra/api/feature.ts';
import { trainingModels } from './models.ts';
import { mountCourseRoutes } from './routes-courses.ts';
import { mountItemRoutes } from './routes-items.ts';
import { TrainingService } from './service.ts';

export { TrainingEvents } from './events.ts';
export { TrainingService } from './service.ts';

/**
 * The training platform (docs/training.md): courses, items, progress, quizzes and exercise
 * submissions. Returns the service so other parts of Haven can listen to `events` and build
 * on `submissionsFor` and `markExerciseApproved`.
 */
export function mountTraining(
  ctx: FeatureContext,
  options: { now?: (() => number) | undefined } = {},
): TrainingService {
  const training = new TrainingService(trainingModels(ctx.connection), options);
  mountCourseRoutes(ctx.api, training);
  mountItemRoutes(ctx.api, training);
  ctx.accountData.register('training', {
    export: (userId) => training.exportFor(userId),
    erase: (userId) => training.eraseFor(userId),
  });
  return training;
}
