import { idParams } from '../../../shared/api/common.ts';
import {
  createEventBody,
  eventListQuery,
  eventPage,
  eventResponse,
  rsvpBody,
  updateEventBody,
} from '../../../shared/api/community.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import { eventCalendar } from './calendar.ts';
import type { EventService } from './service.ts';

const tag = 'events';

export function mountEventRoutes(
  api: ApiRoutes,
  events: EventService,
  publicUrl: string | undefined,
): void {
  api.get(
    '/events',
    {
      summary: 'Upcoming events (filters: from/to, country, groupId; cursor pages)',
      tag,
      auth: 'user',
      query: eventListQuery,
      response: eventPage,
    },
    ({ user, query }) => events.list(user, query),
  );

  api.post(
    '/events',
    {
      summary: 'Organise an event (any member)',
      tag,
      auth: 'user',
      body: createEventBody,
      response: eventResponse,
    },
    async ({ user, body }) => ({ event: await events.create(user, body) }),
  );

  api.get(
    '/events/:id',
    {
      summary: 'An event with places left; its organiser also sees who is going',
      tag,
      auth: 'user',
      params: idParams,
      badParams: 'NOT_FOUND',
      response: eventResponse,
    },
    async ({ user, params }) => ({ event: await events.get(user, params.id) }),
  );

  api.get(
    '/events/:id/calendar.ics',
    {
      summary: 'The event as an iCalendar file (the same visibility as reading the event)',
      tag,
      auth: 'user',
      params: idParams,
      badParams: 'NOT_FOUND',
      produces: 'text/calendar',
    },
    async ({ user, params, req, res }) => {
      const event = await events.get(user, params.id);
      // PUBLIC_URL when configured: a Host header is the client's to choose.
      const origin = publicUrl ?? `${req.protocol}://${req.get('host')}`;
      res
        .status(200)
        .set('Content-Type', 'text/calendar; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="haven-event-${params.id}.ics"`)
        .send(eventCalendar(event, origin));
    },
  );

  api.patch(
    '/events/:id',
    {
      summary: 'Edit or cancel an event (organiser, moderators, admins)',
      tag,
      auth: 'user',
      params: idParams,
      body: updateEventBody,
      response: eventResponse,
    },
    async ({ user, params, body }) => ({ event: await events.update(user, params.id, body) }),
  );

  api.post(
    '/events/:id/rsvp',
    {
      summary: 'Say whether I am going (CAPACITY_FULL when no place is left)',
      tag,
      auth: 'user',
      params: idParams,
      body: rsvpBody,
      response: eventResponse,
      status: 200,
    },
    async ({ user, params, body }) => ({
      event: await events.rsvp(user, params.id, body.going),
    }),
  );
}
