import { z } from 'zod';
import { publicUserSchema } from '../accounts.ts';
import { idSchema, nameText, pageQuery, text } from '../common.ts';
import { webLinkSchema } from '../links.ts';
import { pointSchema } from './publications.ts';

/**
 * A proposed tool's path: submitted → (first advisor review) under-review → (board decision)
 * approved | declined. The proposer may withdraw before a decision. Nothing moves after.
 */
export const PROPOSAL_STATES = [
  'submitted',
  'under-review',
  'approved',
  'declined',
  'withdrawn',
] as const;
export const proposalStateSchema = z.enum(PROPOSAL_STATES);
export type ProposalState = z.infer<typeof proposalStateSchema>;
/** States from which nothing moves any more. */
export const FINAL_STATES: readonly ProposalState[] = ['approved', 'declined', 'withdrawn'];

export const RECOMMENDATIONS = ['recommend', 'do-not-recommend'] as const;
export const recommendationSchema = z.enum(RECOMMENDATIONS);
export const DECISIONS = ['approved', 'declined'] as const;
export const decisionValueSchema = z.enum(DECISIONS);

export const HISTORY_ACTIONS = [
  'submitted',
  'reviewed',
  'review-updated',
  'approved',
  'declined',
  'withdrawn',
] as const;
export const historyActionSchema = z.enum(HISTORY_ACTIONS);

export const evidenceSchema = z
  .object({ citation: text(3, 500), url: webLinkSchema.optional() })
  .strict();

export const proposalCreateBody = z
  .object({
    title: nameText(3, 120),
    point: pointSchema,
    description: text(20, 5000),
    /** The programme follows the science: a proposal cites at least one source. */
    evidence: z.array(evidenceSchema).min(1).max(30),
  })
  .strict();
export type ProposalCreate = z.infer<typeof proposalCreateBody>;

export const reviewBody = z
  .object({ recommendation: recommendationSchema, comments: text(1, 5000) })
  .strict();
export type ReviewInput = z.infer<typeof reviewBody>;

export const decisionBody = z
  .object({ decision: decisionValueSchema, reason: text(3, 5000) })
  .strict();
export type DecisionInput = z.infer<typeof decisionBody>;

export const proposalQuery = pageQuery.extend({
  state: proposalStateSchema.optional(),
  point: z.coerce.number().int().min(1).max(4).optional(),
});
export type ProposalQuery = z.infer<typeof proposalQuery>;

/** `actorId: null` and `actor: null`: the step was taken by a member who has since left. */
const actorFields = {
  actorId: idSchema.nullable(),
  actor: publicUserSchema.nullable(),
};

export const historyEntrySchema = z.object({
  action: historyActionSchema,
  /** The state the proposal was in after this step. */
  state: proposalStateSchema,
  ...actorFields,
  at: z.string(),
});
export const reviewSchema = z.object({
  advisorId: idSchema.nullable(),
  advisor: publicUserSchema.nullable(),
  recommendation: recommendationSchema,
  comments: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const decisionSchema = z.object({
  decision: decisionValueSchema,
  reason: z.string(),
  ...actorFields,
  at: z.string(),
});

export const proposalSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  point: pointSchema,
  state: proposalStateSchema,
  proposerId: idSchema.nullable(),
  proposer: publicUserSchema.nullable(),
  reviewCount: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const proposalSchema = proposalSummarySchema.extend({
  description: z.string(),
  evidence: z.array(evidenceSchema),
  reviews: z.array(reviewSchema),
  decision: decisionSchema.nullable(),
  history: z.array(historyEntrySchema),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export const proposalResponse = z.object({ proposal: proposalSchema });
