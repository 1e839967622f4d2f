/** The contract's types, imported as types only (no zod at run time in first-paint code). */
export type { PublicUser } from '../../../../shared/api/accounts.ts';
export type { MeetingView } from '../../../../shared/api/directory.ts';
export type { Enquiry } from '../../../../shared/api/programme/enquiries.ts';
export type { Partner, PartnerSummary } from '../../../../shared/api/programme/partners.ts';
export type {
  Proposal,
  ProposalState,
  ProposalSummary,
} from '../../../../shared/api/programme/proposals.ts';
export type {
  Block,
  Publication,
  PublicationSummary,
} from '../../../../shared/api/programme/publications.ts';
export type {
  Tool,
  Worksheet,
  WorksheetSummary,
} from '../../../../shared/api/programme/worksheets.ts';

import type { Enquiry } from '../../../../shared/api/programme/enquiries.ts';
import type { Proposal } from '../../../../shared/api/programme/proposals.ts';

export type EnquiryKindValue = Enquiry['kind'];
export type EnquiryStatusValue = Enquiry['status'];
export type Recommendation = Proposal['reviews'][number]['recommendation'];
export type HistoryAction = Proposal['history'][number]['action'];
