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
import type { EventService } from './service.ts';

const tag = 'events';

export function mountEventRoutes(api: ApiRoutes, events: EventService): void {
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
      response: eventResponse,
    },
    async ({ user, params }) => ({ event: await events.get(user, params.id) }),
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
