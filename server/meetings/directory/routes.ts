import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/api/common.ts';
import {
  createMeetingBody,
  joinMeetingBody,
  joinMeetingResponse,
  listMeetingsQuery,
  meetingResponse,
  meetingSchema,
  meetingsOccurrencesQuery,
  meetingsOccurrencesResponse,
  occurrencesQuery,
  occurrencesResponse,
  updateMeetingBody,
} from '../../../shared/api/directory.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import type { DirectoryService } from './service.ts';

const TAG = 'directory';
const viewerQuery = z.strictObject({ tz: listMeetingsQuery.shape.tz });

/**
 * Routes only parse and hand over; who may do what is decided in the service, so the coarse
 * gate here is just "signed in" for anything that changes a meeting.
 */
export function mountDirectoryRoutes(
  api: ApiRoutes,
  service: DirectoryService,
  publicUrl: string | undefined,
): void {
  api.get(
    '/meetings',
    {
      summary: 'Find meetings, soonest first, with each one’s next occurrence',
      tag: TAG,
      auth: 'public',
      query: listMeetingsQuery,
      response: pageOf(meetingSchema),
    },
    ({ query, user }) => service.list(query, user),
  );

  // Before '/meetings/:id', which would take "occurrences" for an id.
  api.get(
    '/meetings/occurrences',
    {
      summary: 'Occurrences of several meetings (at most 100) in one window (at most 31 days)',
      tag: TAG,
      auth: 'public',
      query: meetingsOccurrencesQuery,
      response: meetingsOccurrencesResponse,
    },
    ({ query, user }) => service.occurrencesOfMany(query, user),
  );

  api.post(
    '/meetings',
    {
      summary: 'Create a meeting (facilitators, admins, partner staff for their partner)',
      tag: TAG,
      auth: 'user',
      body: createMeetingBody,
      response: meetingResponse,
    },
    async ({ body, user }) => ({ meeting: await service.create(user, body) }),
  );

  api.get(
    '/meetings/:id',
    {
      summary: 'One meeting',
      tag: TAG,
      auth: 'public',
      params: idParams,
      query: viewerQuery,
      response: meetingResponse,
    },
    async ({ params, query, user }) => ({
      meeting: await service.get(params.id, query.tz, user),
    }),
  );

  api.patch(
    '/meetings/:id',
    {
      summary: 'Change a meeting you run',
      tag: TAG,
      auth: 'user',
      params: idParams,
      body: updateMeetingBody,
      response: meetingResponse,
    },
    async ({ params, body, user }) => ({
      meeting: await service.update(user, params.id, body),
    }),
  );

  api.delete(
    '/meetings/:id',
    { summary: 'Remove a meeting you run', tag: TAG, auth: 'user', params: idParams, status: 204 },
    async ({ params, user }) => {
      await service.remove(user, params.id);
    },
  );

  api.get(
    '/meetings/:id/occurrences',
    {
      summary: 'Occurrences in a window (at most 92 days), in UTC and in the viewer’s zone',
      tag: TAG,
      auth: 'public',
      params: idParams,
      query: occurrencesQuery,
      response: occurrencesResponse,
    },
    ({ params, query, user }) => service.occurrences(params.id, query, user),
  );

  api.get(
    '/meetings/:id/calendar.ics',
    {
      summary: 'The meeting as an iCalendar file',
      tag: TAG,
      auth: 'public',
      params: idParams,
      produces: 'text/calendar',
    },
    async ({ params, req, res }) => {
      // PUBLIC_URL when configured: a Host header is the client's to choose.
      const body = await service.calendar(
        params.id,
        publicUrl ?? `${req.protocol}://${req.get('host')}`,
      );
      res
        .status(200)
        .set('Content-Type', 'text/calendar; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="haven-meeting-${params.id}.ics"`)
        .send(body);
    },
  );

  api.post(
    '/meetings/:id/join',
    {
      summary: 'Where to join an online or hybrid meeting (nothing about you is recorded)',
      tag: TAG,
      auth: 'user',
      params: idParams,
      body: joinMeetingBody,
      response: joinMeetingResponse,
      status: 200,
    },
    ({ params, body, user }) => service.join(user, params.id, body),
  );
}
