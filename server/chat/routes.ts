import {
  chatReportListQuery,
  chatReportPage,
  chatReportResponse,
  chatReportScopeResponse,
  resolveChatReportBody,
} from '../../shared/api/chat-reports.ts';
import { idParams } from '../../shared/api/common.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { ChatReports } from './reports.ts';

const tag = 'chat';

/**
 * The queue of reported chat lines. Any signed-in member may ask; the service decides what
 * they see (site staff: every group; a group's moderators: their groups; others FORBIDDEN).
 * Reporting itself is the socket's `chat:report`.
 */
export function mountChatReportRoutes(api: ApiRoutes, reports: ChatReports): void {
  api.get(
    '/chat/reports/scope',
    {
      summary: 'Whose chat reports I see: every group’s (staff), the groups I moderate, or none',
      tag,
      auth: 'user',
      response: chatReportScopeResponse,
    },
    ({ user }) => reports.scope(user),
  );

  api.get(
    '/chat/reports',
    {
      summary: 'Reported chat lines to act on, oldest first (group moderators, site staff)',
      tag,
      auth: 'user',
      query: chatReportListQuery,
      response: chatReportPage,
    },
    ({ user, query }) => reports.list(user, query),
  );

  api.post(
    '/chat/reports/:id/resolve',
    {
      summary: 'Resolve a chat report: delete the line, mute or ban its sender, or dismiss',
      tag,
      auth: 'user',
      params: idParams,
      body: resolveChatReportBody,
      status: 200,
      response: chatReportResponse,
    },
    async ({ user, params, body }) => ({ report: await reports.resolve(user, params.id, body) }),
  );
}
