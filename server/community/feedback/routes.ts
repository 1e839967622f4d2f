import { idParams, pageQuery } from '../../../shared/api/common.ts';
import {
  adminFeedbackPage,
  adminFeedbackResponse,
  createFeedbackBody,
  feedbackListQuery,
  feedbackResponse,
  myFeedbackPage,
  updateFeedbackBody,
} from '../../../shared/api/community.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import type { FeedbackService } from './service.ts';

const tag = 'feedback';

export function mountFeedbackRoutes(api: ApiRoutes, feedback: FeedbackService): void {
  api.post(
    '/feedback',
    {
      summary: 'Tell the organisation how Haven or the programme works for you',
      tag,
      auth: 'user',
      body: createFeedbackBody,
      response: feedbackResponse,
    },
    async ({ user, body }) => ({ feedback: await feedback.create(user, body) }),
  );

  api.get(
    '/feedback',
    {
      summary: 'All feedback, newest first (admins)',
      tag,
      auth: ['admin'],
      query: feedbackListQuery,
      response: adminFeedbackPage,
    },
    ({ query }) => feedback.list(query),
  );

  api.get(
    '/feedback/mine',
    {
      summary: 'My (non-anonymous) feedback with its status and response',
      tag,
      auth: 'user',
      query: pageQuery,
      response: myFeedbackPage,
    },
    ({ user, query }) => feedback.mine(user, query),
  );

  api.patch(
    '/feedback/:id',
    {
      summary: 'Set the status of feedback and answer it (admins)',
      tag,
      auth: ['admin'],
      params: idParams,
      body: updateFeedbackBody,
      response: adminFeedbackResponse,
    },
    async ({ params, body }) => ({ feedback: await feedback.update(params.id, body) }),
  );
}
