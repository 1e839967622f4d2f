import { FINAL_STATES, PROPOSAL_STATES } from '../constants.ts';
import type { Proposal, ProposalState } from '../types.ts';

/**
 * What the proposals pages decide on their own: filters in the address, and which actions
 * to offer a member. The server has the last word on every action (and answers
 * INVALID_TRANSITION or FORBIDDEN when the page was out of date); this only avoids offering
 * what cannot apply. Pure, so it is tested in node.
 */
export interface ProposalFilters {
  state: '' | ProposalState;
  point: '' | '1' | '2' | '3' | '4';
}

export function readProposalFilters(search: string): ProposalFilters {
  const params = new URLSearchParams(search);
  const state = params.get('state') ?? '';
  const point = params.get('point') ?? '';
  return {
    state: (PROPOSAL_STATES as readonly string[]).includes(state) ? (state as ProposalState) : '',
    point: ['1', '2', '3', '4'].includes(point) ? (point as ProposalFilters['point']) : '',
  };
}

export function proposalSearch(filters: ProposalFilters): string {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.point) params.set('point', filters.point);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function proposalQuery(filters: ProposalFilters) {
  return {
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.point ? { point: Number(filters.point) } : {}),
  };
}

export interface Viewer {
  id: string;
  roles: readonly string[];
}

export interface ProposalActions {
  /** An advisor, on someone else's open proposal. */
  review: boolean;
  /** An admin (for the board), on someone else's open proposal. */
  decide: boolean;
  /** The proposer, before a decision. */
  withdraw: boolean;
  /** The viewer's own review, to start the form from when updating it. */
  myReview: Proposal['reviews'][number] | null;
  /** Submitted and not yet reviewed: a decision would be refused for now. */
  awaitingReview: boolean;
}

export function isFinal(state: ProposalState): boolean {
  return FINAL_STATES.includes(state);
}

export function actionsFor(
  proposal: Pick<Proposal, 'state' | 'proposerId' | 'reviews'>,
  viewer: Viewer,
): ProposalActions {
  const open = !isFinal(proposal.state);
  const own = proposal.proposerId !== null && proposal.proposerId === viewer.id;
  return {
    review: open && !own && viewer.roles.includes('advisor'),
    decide: open && !own && viewer.roles.includes('admin'),
    withdraw: open && own,
    myReview: proposal.reviews.find((review) => review.advisorId === viewer.id) ?? null,
    awaitingReview: proposal.state === 'submitted',
  };
}

/** Evidence links are shown only when they are http(s) (the server allows nothing else). */
export function safeLink(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
