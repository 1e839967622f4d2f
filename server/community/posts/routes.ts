import { idParams } from '../../../shared/api/common.ts';
import {
  commentResponse,
  createCommentBody,
  createPostBody,
  idAndCommentParams,
  postDetailResponse,
  postListQuery,
  postPage,
  postResponse,
  reportBody,
  reportCreatedResponse,
  reportListQuery,
  reportPage,
  reportResponse,
  resolveReportBody,
} from '../../../shared/api/community.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import type { ReportService } from './reports.ts';
import type { PostService } from './service.ts';

const tag = 'posts';
const MODERATION = ['moderator', 'admin'] as const;

export function mountPostRoutes(api: ApiRoutes, posts: PostService, reports: ReportService): void {
  api.get(
    '/posts',
    {
      summary: 'Ideas, videos and articles, newest first (filters: point, kind)',
      tag,
      auth: 'user',
      query: postListQuery,
      response: postPage,
    },
    ({ user, query }) => posts.list(user, query),
  );

  api.post(
    '/posts',
    {
      summary: 'Share an idea, a video or an article, tagged with a point of the programme',
      tag,
      auth: 'user',
      body: createPostBody,
      response: postResponse,
    },
    async ({ user, body }) => ({ post: await posts.create(user, body) }),
  );

  api.get(
    '/posts/:id',
    {
      summary: 'A post with its comments',
      tag,
      auth: 'user',
      params: idParams,
      badParams: 'NOT_FOUND',
      response: postDetailResponse,
    },
    ({ user, params }) => posts.get(user, params.id),
  );

  api.delete(
    '/posts/:id',
    { summary: 'Delete my post', tag, auth: 'user', params: idParams, status: 204 },
    async ({ user, params }) => {
      await posts.delete(user, params.id);
    },
  );

  api.post(
    '/posts/:id/comments',
    {
      summary: 'Comment on a post',
      tag,
      auth: 'user',
      params: idParams,
      body: createCommentBody,
      response: commentResponse,
    },
    async ({ user, params, body }) => ({
      comment: await posts.comment(user, params.id, body.body),
    }),
  );

  api.delete(
    '/posts/:id/comments/:commentId',
    { summary: 'Delete my comment', tag, auth: 'user', params: idAndCommentParams, status: 204 },
    async ({ user, params }) => {
      await posts.deleteComment(user, params.id, params.commentId);
    },
  );

  api.post(
    '/posts/:id/report',
    {
      summary: 'Report a post to the moderators',
      tag,
      auth: 'user',
      params: idParams,
      body: reportBody,
      response: reportCreatedResponse,
    },
    async ({ user, params, body }) => ({
      report: await posts.report(user, params.id, null, body),
    }),
  );

  api.post(
    '/posts/:id/comments/:commentId/report',
    {
      summary: 'Report a comment to the moderators',
      tag,
      auth: 'user',
      params: idAndCommentParams,
      body: reportBody,
      response: reportCreatedResponse,
    },
    async ({ user, params, body }) => ({
      report: await posts.report(user, params.id, params.commentId, body),
    }),
  );

  api.get(
    '/reports',
    {
      summary: 'Reports to act on (moderators, admins)',
      tag,
      auth: MODERATION,
      query: reportListQuery,
      response: reportPage,
    },
    ({ query }) => reports.list(query),
  );

  api.patch(
    '/reports/:id',
    {
      summary: 'Resolve a report: hide the content or dismiss (moderators, admins)',
      tag,
      auth: MODERATION,
      params: idParams,
      body: resolveReportBody,
      response: reportResponse,
    },
    async ({ user, params, body }) => ({
      report: await reports.resolve(user, params.id, body.action),
    }),
  );
}
