import { idParams, pageOf } from '../../shared/api/common.ts';
import {
  decisionBody,
  proposalCreateBody,
  proposalQuery,
  proposalResponse,
  proposalSummarySchema,
  reviewBody,
} from '../../shared/api/programme/proposals.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { ProposalService } from './proposals.ts';

/**
 * Tool proposals. `auth` is the coarse gate (advisors review, admins decide for the board);
 * who may move which state, and when, is decided in ProposalService.
 */
export function mountProposalRoutes(api: ApiRoutes, proposals: ProposalService): void {
  api.get(
    '/proposals',
    {
      summary: 'The proposals board (signed-in members)',
      tag: 'programme',
      auth: 'user',
      query: proposalQuery,
      response: pageOf(proposalSummarySchema),
    },
    ({ query }) => proposals.list(query),
  );

  api.post(
    '/proposals',
    {
      summary: 'Propose a new tool, with its evidence',
      tag: 'programme',
      auth: 'user',
      body: proposalCreateBody,
      response: proposalResponse,
    },
    async ({ user, body }) => ({ proposal: await proposals.create(user.id, body) }),
  );

  api.get(
    '/proposals/:id',
    {
      summary: 'A proposal with its reviews, decision and history',
      tag: 'programme',
      auth: 'user',
      params: idParams,
      response: proposalResponse,
    },
    async ({ params }) => ({ proposal: await proposals.get(params.id) }),
  );

  api.post(
    '/proposals/:id/reviews',
    {
      summary: 'Review a proposal as an advisor (a second call updates my review)',
      tag: 'programme',
      auth: ['advisor'],
      params: idParams,
      body: reviewBody,
      response: proposalResponse,
      status: 200,
    },
    async ({ user, params, body }) => ({
      proposal: await proposals.review(params.id, user.id, body),
    }),
  );

  api.post(
    '/proposals/:id/decision',
    {
      summary: 'Approve or decline a reviewed proposal, for the board',
      tag: 'programme',
      auth: ['admin'],
      params: idParams,
      body: decisionBody,
      response: proposalResponse,
      status: 200,
    },
    async ({ user, params, body }) => ({
      proposal: await proposals.decide(params.id, user.id, body),
    }),
  );

  api.post(
    '/proposals/:id/withdraw',
    {
      summary: 'Withdraw my proposal before it is decided',
      tag: 'programme',
      auth: 'user',
      params: idParams,
      response: proposalResponse,
      status: 200,
    },
    async ({ user, params }) => ({ proposal: await proposals.withdraw(params.id, user.id) }),
  );
}
