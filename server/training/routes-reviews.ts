import { idParams, pageOf } from '../../shared/api/common.ts';
import {
  cohortCreateBody,
  cohortListQuery,
  cohortPatchBody,
  cohortProgressSchema,
  cohortResponse,
  cohortSchema,
  reviewDecisionBody,
  reviewEntrySchema,
  reviewQueueQuery,
  reviewResponse,
} from '../../shared/training/reviews.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { CohortService } from './cohorts.ts';
import type { ReviewService } from './reviews.ts';

const AUTHORS = ['trainer', 'admin'] as const;

/** The trainers' review queue and cohorts (docs/training.md, "Reviews and cohorts"). */
export function mountReviewRoutes(
  api: ApiRoutes,
  reviews: ReviewService,
  cohorts: CohortService,
): void {
  api.get(
    '/reviews',
    {
      summary: 'Written exercises to review, oldest first (trainers and admins)',
      tag: 'training',
      auth: AUTHORS,
      query: reviewQueueQuery,
      response: pageOf(reviewEntrySchema),
    },
    ({ user, query }) => reviews.queue(user, query),
  );

  api.post(
    '/reviews/:id',
    {
      summary: 'Approve an answer, or ask for changes with feedback (trainers and admins)',
      tag: 'training',
      auth: AUTHORS,
      params: idParams,
      body: reviewDecisionBody,
      response: reviewResponse,
      status: 200,
    },
    async ({ user, params, body }) => ({ review: await reviews.decide(user, params.id, body) }),
  );

  api.get(
    '/cohorts',
    {
      summary: 'Cohorts I follow (trainers, admins, staff leads); ?mine=1: cohorts I am in',
      tag: 'training',
      auth: 'user',
      query: cohortListQuery,
      response: pageOf(cohortSchema),
    },
    ({ user, query }) => cohorts.list(user, query),
  );

  api.post(
    '/cohorts',
    {
      summary: 'Create a cohort of learners to follow (trainers and admins)',
      tag: 'training',
      auth: AUTHORS,
      body: cohortCreateBody,
      response: cohortResponse,
    },
    async ({ user, body }) => ({ cohort: await cohorts.create(user, body) }),
  );

  api.patch(
    '/cohorts/:id',
    {
      summary:
        "Rename a cohort, add or remove members and trainers (the cohort's trainers, admins)",
      tag: 'training',
      auth: AUTHORS,
      params: idParams,
      body: cohortPatchBody,
      response: cohortResponse,
    },
    async ({ user, params, body }) => ({ cohort: await cohorts.update(user, params.id, body) }),
  );

  api.get(
    '/cohorts/:id/progress',
    {
      summary: "Each member's progress per course (the cohort's trainers, admins, its staff lead)",
      tag: 'training',
      auth: 'user',
      params: idParams,
      response: cohortProgressSchema,
    },
    ({ user, params }) => cohorts.progress(user, params.id),
  );
}
