import { idParams, pageOf } from '../../shared/api/common.ts';
import {
  enquiryCreateBody,
  enquiryPatchBody,
  enquiryQuery,
  enquiryReceivedSchema,
  enquiryResponse,
  enquirySchema,
} from '../../shared/api/programme/enquiries.ts';
import {
  partnerCreateBody,
  partnerPatchBody,
  partnerQuery,
  partnerResponse,
  partnerSummarySchema,
  staffBody,
  staffParams,
} from '../../shared/api/programme/partners.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import type { EnquiryService } from './enquiries.ts';
import type { PartnerService } from './partners.ts';

/** Partner organisations (public pages, admin edits) and the collaboration form. */
export function mountPartnerRoutes(
  api: ApiRoutes,
  deps: {
    partners: PartnerService;
    enquiries: EnquiryService;
    enquiryLimit: Limiter;
    closeMemberSockets: (userId: string) => void;
  },
): void {
  const { partners, enquiries } = deps;

  api.get(
    '/partners',
    {
      summary: 'Partner organisations (treatment providers running meetings in their services)',
      tag: 'programme',
      auth: 'public',
      query: partnerQuery,
      response: pageOf(partnerSummarySchema),
    },
    ({ query }) => partners.list(query),
  );

  api.get(
    '/partners/:id',
    {
      summary: 'A partner organisation with its staff',
      tag: 'programme',
      auth: 'public',
      params: idParams,
      response: partnerResponse,
    },
    async ({ params }) => ({ partner: await partners.get(params.id) }),
  );

  api.post(
    '/partners',
    {
      summary: 'Add a partner organisation',
      tag: 'programme',
      auth: ['admin'],
      body: partnerCreateBody,
      response: partnerResponse,
    },
    async ({ body }) => ({ partner: await partners.create(body) }),
  );

  api.patch(
    '/partners/:id',
    {
      summary: 'Edit a partner organisation',
      tag: 'programme',
      auth: ['admin'],
      params: idParams,
      body: partnerPatchBody,
      response: partnerResponse,
    },
    async ({ params, body }) => ({ partner: await partners.update(params.id, body) }),
  );

  api.post(
    '/partners/:id/staff',
    {
      summary: 'Link a member to a partner as its staff',
      tag: 'programme',
      auth: ['admin'],
      params: idParams,
      body: staffBody,
      response: partnerResponse,
      status: 200,
    },
    async ({ params, body }) => {
      const partner = await partners.addStaff(params.id, body.userId);
      // Open sockets carry the organisation they were opened with, as they carry roles.
      deps.closeMemberSockets(body.userId);
      return { partner };
    },
  );

  api.delete(
    '/partners/:id/staff/:userId',
    {
      summary: 'Unlink a staff member from a partner',
      tag: 'programme',
      auth: ['admin'],
      params: staffParams,
      response: partnerResponse,
    },
    async ({ params }) => {
      const partner = await partners.removeStaff(params.id, params.userId);
      deps.closeMemberSockets(params.userId);
      return { partner };
    },
  );

  api.post(
    '/enquiries',
    {
      summary: 'Get in touch to collaborate (no account needed)',
      tag: 'programme',
      auth: 'public',
      body: enquiryCreateBody,
      response: enquiryReceivedSchema,
    },
    async ({ body, req }) => {
      await deps.enquiryLimit.consume(req.ip ?? 'unknown');
      await enquiries.create(body);
      return { received: true as const };
    },
  );

  api.get(
    '/enquiries',
    {
      summary: 'Collaboration enquiries (admins)',
      tag: 'programme',
      auth: ['admin'],
      query: enquiryQuery,
      response: pageOf(enquirySchema),
    },
    ({ query }) => enquiries.list(query),
  );

  api.patch(
    '/enquiries/:id',
    {
      summary: 'Answer or close an enquiry (records who answered and when)',
      tag: 'programme',
      auth: ['admin'],
      params: idParams,
      body: enquiryPatchBody,
      response: enquiryResponse,
    },
    async ({ user, params, body }) => ({
      enquiry: await enquiries.update(params.id, user.id, body),
    }),
  );
}
