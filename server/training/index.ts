import type { FeatureContext } from '../infra/api/feature.ts';
import { CohortService, cohortModel } from './cohorts.ts';
import { trainingModels } from './models.ts';
import { ReviewService } from './reviews.ts';
import { mountCourseRoutes } from './routes-courses.ts';
import { mountItemRoutes } from './routes-items.ts';
import { mountReviewRoutes } from './routes-reviews.ts';
import { mountVideoRoutes } from './routes-videos.ts';
import { TrainingService } from './service.ts';
import { VideoStore } from './videos.ts';

export { TrainingEvents } from './events.ts';
export { TrainingService } from './service.ts';
export { VideoStore } from './videos.ts';

/**
 * The training platform (docs/training.md): courses, items, progress, quizzes and exercise
 * submissions. Returns the service so other parts of Haven can listen to `events` and build
 * on `submissionsFor` and `markExerciseApproved`.
 */
export function mountTraining(
  ctx: FeatureContext,
  options: {
    now?: (() => number) | undefined;
    /** Uploaded videos: the files live under `<dataDir>/training-videos/` (videos.ts). */
    videos: { dataDir: string; maxBytes?: number | undefined };
  },
): TrainingService {
  const models = trainingModels(ctx.connection);
  const now = options.now ?? Date.now;
  const videos = new VideoStore({ ...options.videos, Video: models.Video, now });
  const training = new TrainingService(models, { now, videos });
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
  mountVideoRoutes(ctx.api, videos);
  ctx.accountData.register('training', {
    export: (userId) => training.exportFor(userId),
    erase: (userId) => training.eraseFor(userId),
  });
  ctx.accountData.register('trainingReviews', {
    export: (userId) => reviews.exportFor(userId),
    // The reviewer becomes nobody: TrainingService.eraseFor clears `reviewerId`.
    erase: async () => {},
  });
  // The files stay with the courses that show them; the uploader becomes nobody.
  ctx.accountData.register('trainingVideos', {
    export: (userId) => videos.exportFor(userId),
    erase: (userId) => videos.eraseFor(userId),
  });
  ctx.accountData.register('trainingCohorts', {
    export: (userId) => cohorts.exportFor(userId),
    erase: (userId) => cohorts.eraseFor(userId),
  });
  return training;
}
