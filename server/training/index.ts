import type { FeatureContext } from '../infra/api/feature.ts';
import { CohortService, cohortModel } from './cohorts.ts';
import { trainingModels } from './models.ts';
import { ReviewService } from './reviews.ts';
import { mountCourseRoutes } from './routes-courses.ts';
import { mountItemRoutes } from './routes-items.ts';
import { mountReviewRoutes } from './routes-reviews.ts';
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
  const models = trainingModels(ctx.connection);
  const training = new TrainingService(models, options);
  const now = options.now ?? Date.now;
  const cohorts = new CohortService({
    Cohort: cohortModel(ctx.connection),
    models,
    users: ctx.users,
    now,
  });
  const reviews = new ReviewService({ models, training, cohorts, users: ctx.users, now });
  mountCourseRoutes(ctx.api, training);
  mountItemRoutes(ctx.api, training);
  mountReviewRoutes(ctx.api, reviews, cohorts);
  ctx.accountData.register('training', {
    export: (userId) => training.exportFor(userId),
    erase: (userId) => training.eraseFor(userId),
  });
  ctx.accountData.register('trainingReviews', {
    export: (userId) => reviews.exportFor(userId),
    // The reviewer becomes nobody: TrainingService.eraseFor clears `reviewerId`.
    erase: async () => {},
  });
  ctx.accountData.register('trainingCohorts', {
    export: (userId) => cohorts.exportFor(userId),
    erase: (userId) => cohorts.eraseFor(userId),
  });
  return training;
}
