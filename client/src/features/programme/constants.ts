import type {
  EnquiryKindValue,
  EnquiryStatusValue,
  ProposalState,
  PublicationSummary,
  Recommendation,
  Tool,
} from './types.ts';

/**
 * The contract's enumerations, repeated here without zod so first-paint pages can list them
 * (importing the shared schema modules would pull zod in). `satisfies` keeps each a subset of
 * the shared type; tests/client/programme/constants.test.ts checks they are the whole set.
 */
export const PUBLICATION_LANGUAGES = [
  'en',
  'es',
] as const satisfies readonly PublicationSummary['language'][];
export const PUBLICATION_KINDS = [
  'article',
  'handbook',
  'worksheet',
] as const satisfies readonly PublicationSummary['kind'][];
export const TOOLS = [
  'cost-benefit-analysis',
  'change-plan',
  'urge-log',
  'abc',
] as const satisfies readonly Tool[];
export const TOOL_POINTS: Record<Tool, 1 | 2 | 3 | 4> = {
  'cost-benefit-analysis': 1,
  'change-plan': 1,
  'urge-log': 2,
  abc: 3,
};
export const PROPOSAL_STATES = [
  'submitted',
  'under-review',
  'approved',
  'declined',
  'withdrawn',
] as const satisfies readonly ProposalState[];
export const FINAL_STATES: readonly ProposalState[] = ['approved', 'declined', 'withdrawn'];
export const RECOMMENDATIONS = [
  'recommend',
  'do-not-recommend',
] as const satisfies readonly Recommendation[];
export const ENQUIRY_KINDS = [
  'organisation',
  'lived-experience',
  'policy-maker',
  'other',
] as const satisfies readonly EnquiryKindValue[];
export const ENQUIRY_STATUSES = [
  'new',
  'answered',
  'closed',
] as const satisfies readonly EnquiryStatusValue[];
