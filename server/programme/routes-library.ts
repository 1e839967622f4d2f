import { idParams, pageOf } from '../../shared/api/common.ts';
import {
  publicationQuery,
  publicationResponse,
  publicationSummarySchema,
  slugParams,
} from '../../shared/api/programme/publications.ts';
import {
  worksheetCreateBody,
  worksheetPatchBody,
  worksheetQuery,
  worksheetResponse,
  worksheetSummarySchema,
} from '../../shared/api/programme/worksheets.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { PublicationService } from './publications.ts';
import type { WorksheetService } from './worksheets.ts';

/** The public library and each member's private worksheets. */
export function mountLibraryRoutes(
  api: ApiRoutes,
  services: { publications: PublicationService; worksheets: WorksheetService },
): void {
  const { publications, worksheets } = services;

  api.get(
    '/publications',
    {
      summary: 'The library: publications by point of the 4-Point Program, language and kind',
      tag: 'programme',
      auth: 'public',
      query: publicationQuery,
      response: pageOf(publicationSummarySchema),
    },
    ({ query }) => publications.list(query),
  );

  api.get(
    '/publications/:slug',
    {
      summary: 'One publication, as safe structured blocks (no HTML)',
      tag: 'programme',
      auth: 'public',
      params: slugParams,
      response: publicationResponse,
    },
    async ({ params }) => ({ publication: await publications.get(params.slug) }),
  );

  // Worksheets: every route passes the signed-in member's id, and the service scopes every
  // query to it; there is deliberately no role that reaches someone else's worksheet.
  api.get(
    '/worksheets',
    {
      summary: 'My worksheets (mine only)',
      tag: 'programme',
      auth: 'user',
      query: worksheetQuery,
      response: pageOf(worksheetSummarySchema),
    },
    ({ user, query }) => worksheets.list(user.id, query),
  );

  api.post(
    '/worksheets',
    {
      summary: 'Start a worksheet for one of the programme tools',
      tag: 'programme',
      auth: 'user',
      body: worksheetCreateBody,
      response: worksheetResponse,
    },
    async ({ user, body }) => ({ worksheet: await worksheets.create(user.id, body) }),
  );

  api.get(
    '/worksheets/:id',
    {
      summary: 'One of my worksheets',
      tag: 'programme',
      auth: 'user',
      params: idParams,
      response: worksheetResponse,
    },
    async ({ user, params }) => ({ worksheet: await worksheets.get(user.id, params.id) }),
  );

  api.patch(
    '/worksheets/:id',
    {
      summary: 'Update the title or answers of one of my worksheets',
      tag: 'programme',
      auth: 'user',
      params: idParams,
      body: worksheetPatchBody,
      response: worksheetResponse,
    },
    async ({ user, params, body }) => ({
      worksheet: await worksheets.update(user.id, params.id, body),
    }),
  );

  api.delete(
    '/worksheets/:id',
    {
      summary: 'Delete one of my worksheets',
      tag: 'programme',
      auth: 'user',
      params: idParams,
      status: 204,
    },
    async ({ user, params }) => {
      await worksheets.remove(user.id, params.id);
    },
  );
}
