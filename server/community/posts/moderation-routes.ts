import { idParams } from '../../../shared/api/common.ts';
import {
  idAndCommentParams,
  moderateItemBody,
  reportedItemListQuery,
  reportedItemPage,
  reportedItemResponse,
  unhideBody,
} from '../../../shared/api/community.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import type { ItemKey, ReportedItems } from './reported-items.ts';

const tag = 'posts';
const MODERATION = ['moderator', 'admin'] as const;

/**
 * The moderation queue by reported item (issue 18): a decision covers all of an item's
 * open reports, and a hide can be undone. The single-report routes (routes.ts) stay.
 */
export function mountModerationRoutes(api: ApiRoutes, items: ReportedItems): void {
  api.get(
    '/reports/items',
    {
      summary: 'Reported posts and comments, one entry per item (moderators, admins)',
      tag,
      auth: MODERATION,
      query: reportedItemListQuery,
      response: reportedItemPage,
    },
    ({ query }) => items.list(query),
  );

  mountDecisions(api, items, '/posts/:id', idParams, (p) => ({
    postId: p.id,
    commentId: null,
  }));
  mountDecisions(api, items, '/posts/:id/comments/:commentId', idAndCommentParams, (p) => ({
    postId: p.id,
    commentId: p.commentId ?? null,
  }));
}

function mountDecisions(
  api: ApiRoutes,
  items: ReportedItems,
  path: string,
  params: typeof idParams | typeof idAndCommentParams,
  keyOf: (params: { id: string; commentId?: string }) => ItemKey,
): void {
  api.post(
    `${path}/moderation`,
    {
      summary: 'Hide or dismiss: resolves every open report on it (moderators, admins)',
      tag,
      auth: MODERATION,
      params,
      body: moderateItemBody,
      response: reportedItemResponse,
      status: 200,
    },
    async ({ user, params, body }) => ({
      item: await items.decide(user, keyOf(params), body.action),
    }),
  );
  api.post(
    `${path}/unhide`,
    {
      summary: 'Undo a hide: it shows again and its reports reopen (moderators, admins)',
      tag,
      auth: MODERATION,
      params,
      body: unhideBody,
      response: reportedItemResponse,
      status: 200,
    },
    async ({ user, params }) => ({ item: await items.unhide(user, keyOf(params)) }),
  );
}
