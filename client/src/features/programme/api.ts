import type { z } from 'zod';
import { type Page, pageOf } from '../../../../shared/api/common.ts';
import { meetingSchema } from '../../../../shared/api/directory.ts';
import {
  type EnquiryQuery,
  enquiryCreateBody,
  enquiryPatchBody,
  enquiryReceivedSchema,
  enquiryResponse,
  enquirySchema,
} from '../../../../shared/api/programme/enquiries.ts';
import {
  partnerResponse,
  partnerSummarySchema,
} from '../../../../shared/api/programme/partners.ts';
import {
  decisionBody,
  type ProposalState,
  proposalCreateBody,
  proposalResponse,
  proposalSummarySchema,
  reviewBody,
} from '../../../../shared/api/programme/proposals.ts';
import {
  type PublicationQuery,
  publicationResponse,
  publicationSummarySchema,
} from '../../../../shared/api/programme/publications.ts';
import {
  type Tool,
  toolContentSchemas,
  type WorksheetCreate,
  type WorksheetPatch,
  worksheetResponse,
  worksheetSummarySchema,
} from '../../../../shared/api/programme/worksheets.ts';
import { type ApiClient, api } from '../../api/client.ts';
import type { Problem } from '../../forms/validation.ts';
import { queryString } from './paths.ts';
import { problemsOf } from './problems.ts';
import { worksheetForm } from './tools/model.ts';

/**
 * The programme's API calls, typed and checked with the shared schemas. Loaded with
 * `import()` (see data.ts) so zod and the schemas stay out of the first-paint bundle.
 */

/** The request bodies a form sends, checked in the browser with the server's own schemas. */
const BODIES = {
  proposal: proposalCreateBody,
  review: reviewBody,
  decision: decisionBody,
  enquiry: enquiryCreateBody,
  enquiryAnswer: enquiryPatchBody,
} as const;
export type BodyKind = keyof typeof BODIES;
export type Body<K extends BodyKind> = z.output<(typeof BODIES)[K]>;

export type Checked<T> =
  | { ok: true; data: T; problems: Record<string, never> }
  | { ok: false; problems: Record<string, Problem> };

function checkWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, problems: {} };
  return { ok: false, problems: problemsOf(parsed.error.issues, input, prefix) };
}

const encode = encodeURIComponent;

export function programmeApi(client: ApiClient = api) {
  return {
    check: <K extends BodyKind>(kind: K, input: unknown): Checked<Body<K>> =>
      checkWith(BODIES[kind], input) as Checked<Body<K>>,
    /** A worksheet's answers, reported as the API names them ("content.entries.0.when"). */
    checkContent: (tool: Tool, content: unknown) =>
      checkWith(toolContentSchemas[tool], content, 'content.'),
    worksheetForm,

    publications: (query: Partial<PublicationQuery>) =>
      client.get(`/api/publications${queryString(query)}`, pageOf(publicationSummarySchema)),
    publication: async (slug: string) =>
      (await client.get(`/api/publications/${encode(slug)}`, publicationResponse)).publication,

    worksheets: (cursor?: string) =>
      client.get(
        `/api/worksheets${queryString({ cursor, limit: 50 })}`,
        pageOf(worksheetSummarySchema),
      ),
    worksheet: async (id: string) =>
      (await client.get(`/api/worksheets/${encode(id)}`, worksheetResponse)).worksheet,
    /** A worksheet is created on its first save, with what the member wrote. */
    createWorksheet: async (body: WorksheetCreate) =>
      (await client.post('/api/worksheets', body, worksheetResponse)).worksheet,
    saveWorksheet: async (id: string, patch: WorksheetPatch) =>
      (await client.patch(`/api/worksheets/${encode(id)}`, patch, worksheetResponse)).worksheet,
    deleteWorksheet: (id: string) => client.delete(`/api/worksheets/${encode(id)}`),

    proposals: (query: { state?: ProposalState; point?: number; cursor?: string }) =>
      client.get(
        `/api/proposals${queryString({ ...query, limit: 30 })}`,
        pageOf(proposalSummarySchema),
      ),
    proposal: async (id: string) =>
      (await client.get(`/api/proposals/${encode(id)}`, proposalResponse)).proposal,
    propose: async (body: Body<'proposal'>) =>
      (await client.post('/api/proposals', body, proposalResponse)).proposal,
    review: async (id: string, body: Body<'review'>) =>
      (await client.post(`/api/proposals/${encode(id)}/reviews`, body, proposalResponse)).proposal,
    decide: async (id: string, body: Body<'decision'>) =>
      (await client.post(`/api/proposals/${encode(id)}/decision`, body, proposalResponse)).proposal,
    withdraw: async (id: string) =>
      (await client.post(`/api/proposals/${encode(id)}/withdraw`, {}, proposalResponse)).proposal,

    partners: (cursor?: string) =>
      client.get(
        `/api/partners${queryString({ cursor, limit: 50 })}`,
        pageOf(partnerSummarySchema),
      ),
    partner: async (id: string) =>
      (await client.get(`/api/partners/${encode(id)}`, partnerResponse)).partner,
    /** Meetings from the directory: a partner's own (`partnerId`) or those in a city. */
    meetings: (query: { partnerId?: string; city?: string }) =>
      client.get(`/api/meetings${queryString({ ...query, limit: 50 })}`, pageOf(meetingSchema)),

    sendEnquiry: (body: Body<'enquiry'>) =>
      client.post('/api/enquiries', body, enquiryReceivedSchema),
    enquiries: (query: Partial<EnquiryQuery>) =>
      client.get(`/api/enquiries${queryString({ ...query, limit: 30 })}`, pageOf(enquirySchema)),
    answerEnquiry: async (id: string, body: Body<'enquiryAnswer'>) =>
      (await client.patch(`/api/enquiries/${encode(id)}`, body, enquiryResponse)).enquiry,
  };
}

export type ProgrammeApi = ReturnType<typeof programmeApi>;
export type { Page };

export const programme = programmeApi();
