import { idParams } from '../../shared/api/common.ts';
import {
  attemptBody,
  attemptResponse,
  completeBody,
  heartbeatBody,
  itemResponse,
  progressResponse,
  submissionBody,
  submissionResponse,
} from '../../shared/training/learning.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { TrainingService } from './service.ts';

/** Learning one item: read it, count time, mark it done, answer a quiz, submit an exercise. */
export function mountItemRoutes(api: ApiRoutes, training: TrainingService): void {
  api.get(
    '/items/:id',
    {
      summary: 'An item to learn from (a quiz never carries its answers)',
      tag: 'training',
      auth: 'user',
      params: idParams,
      response: itemResponse,
    },
    async ({ user, params }) => ({ item: await training.item(user, params.id) }),
  );

  api.post(
    '/items/:id/heartbeat',
    {
      summary: 'The item is open and visible: count the time since the last beat (capped)',
      tag: 'training',
      auth: 'user',
      params: idParams,
      body: heartbeatBody,
      response: progressResponse,
      status: 200,
    },
    ({ user, params }) => training.heartbeat(user, params.id),
  );

  api.post(
    '/items/:id/complete',
    {
      summary: 'Mark a reading or video done',
      tag: 'training',
      auth: 'user',
      params: idParams,
      body: completeBody,
      response: progressResponse,
      status: 200,
    },
    ({ user, params }) => training.complete(user, params.id),
  );

  api.post(
    '/items/:id/attempts',
    {
      summary: 'Answer a quiz: graded on the server, with explanations',
      tag: 'training',
      auth: 'user',
      params: idParams,
      body: attemptBody,
      response: attemptResponse,
    },
    async ({ user, params, body }) => ({
      attempt: await training.attempt(user, params.id, body.answers),
    }),
  );

  api.post(
    '/items/:id/submissions',
    {
      summary:
        "Submit a written exercise's answer (a new version each time) for a trainer's review",
      tag: 'training',
      auth: 'user',
      params: idParams,
      body: submissionBody,
      response: submissionResponse,
    },
    async ({ user, params, body }) => ({
      submission: await training.submit(user, params.id, body.text),
    }),
  );
}
