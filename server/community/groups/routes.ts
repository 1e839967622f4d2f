import { idParams } from '../../../shared/api/common.ts';
import {
  addModeratorBody,
  createGroupBody,
  groupDetailResponse,
  groupListQuery,
  groupPage,
  groupResponse,
  idAndUserParams,
} from '../../../shared/api/community.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import type { GroupService } from './service.ts';

const tag = 'groups';
/** Facilitators run meetings and know their area; moderators and admins act for the community. */
const GROUP_CREATORS = ['facilitator', 'moderator', 'admin'] as const;

export function mountGroupRoutes(api: ApiRoutes, groups: GroupService): void {
  api.get(
    '/groups',
    {
      summary: 'Local-area and topic groups (filters, cursor pages)',
      tag,
      auth: 'user',
      query: groupListQuery,
      response: groupPage,
    },
    ({ user, query }) => groups.list(user, query),
  );

  api.post(
    '/groups',
    {
      summary: 'Create a group (facilitators, moderators, admins)',
      tag,
      auth: GROUP_CREATORS,
      body: createGroupBody,
      response: groupResponse,
    },
    async ({ user, body }) => ({ group: await groups.create(user, body) }),
  );

  api.get(
    '/groups/:id',
    {
      summary: 'A group, with the members who chose to be listed',
      tag,
      auth: 'user',
      params: idParams,
      badParams: 'NOT_FOUND',
      response: groupDetailResponse,
    },
    ({ user, params }) => groups.get(user, params.id),
  );

  api.post(
    '/groups/:id/join',
    {
      summary: 'Join a group',
      tag,
      auth: 'user',
      params: idParams,
      response: groupResponse,
      status: 200,
    },
    async ({ user, params }) => ({ group: await groups.join(user, params.id) }),
  );

  api.post(
    '/groups/:id/leave',
    {
      summary: 'Leave a group (the last moderator appoints another first)',
      tag,
      auth: 'user',
      params: idParams,
      response: groupResponse,
      status: 200,
    },
    async ({ user, params }) => ({ group: await groups.leave(user, params.id) }),
  );

  api.post(
    '/groups/:id/moderators',
    {
      summary: 'Appoint a group moderator (group moderators, site staff)',
      tag,
      auth: 'user',
      params: idParams,
      body: addModeratorBody,
      response: groupResponse,
      status: 200,
    },
    async ({ user, params, body }) => ({
      group: await groups.addModerator(user, params.id, body.userId),
    }),
  );

  api.delete(
    '/groups/:id/moderators/:userId',
    {
      summary: 'Remove a group moderator (never the last one)',
      tag,
      auth: 'user',
      params: idAndUserParams,
      response: groupResponse,
    },
    async ({ user, params }) => ({
      group: await groups.removeModerator(user, params.id, params.userId),
    }),
  );
}
