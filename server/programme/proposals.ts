import { Types } from 'mongoose';
import type { PublicUser } from '../../shared/api/accounts.ts';
import type { Page } from '../../shared/api/common.ts';
import type {
  DecisionInput,
  Proposal,
  ProposalCreate,
  ProposalQuery,
  ProposalState,
  ProposalSummary,
  ReviewInput,
} from '../../shared/api/programme/proposals.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import type { HistoryDoc, ProgrammeModels, ProposalDoc } from './models.ts';

const NEWEST_FIRST: SortSpec = { field: 'createdAt', kind: 'date', direction: -1 };
/** States in which advisors may review, the board may decide and the proposer may withdraw. */
const OPEN: ProposalState[] = ['submitted', 'under-review'];

const oid = (id: string) => new Types.ObjectId(id);
const idOrNull = (id: Types.ObjectId | null | undefined) => (id ? String(id) : null);
const step = (action: HistoryDoc['action'], state: ProposalState, actorId: string) => ({
  action,
  state,
  actorId: oid(actorId),
  at: new Date(),
});

function invalidTransition(state: string, wanted: string): AppError {
  return new AppError('INVALID_TRANSITION', `a proposal that is ${state} cannot be ${wanted}`);
}

/**
 * Tool proposals and their review by advisors and decision by the board. Each transition
 * is one conditional update whose filter names the states it may start from, so two
 * requests racing (two admins deciding at once) cannot both succeed; the loser gets
 * INVALID_TRANSITION. There are no transactions: every step is a single-document write.
 */
export class ProposalService {
  readonly #models: ProgrammeModels;
  readonly #users: UserDirectory;

  constructor(models: ProgrammeModels, users: UserDirectory) {
    this.#models = models;
    this.#users = users;
  }

  async list(query: ProposalQuery): Promise<Page<ProposalSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.state) filter.state = query.state;
    if (query.point) filter.point = query.point;
    const page = await findPage(this.#models.Proposal, filter, NEWEST_FIRST, query, (d) => d, {
      description: 0,
      evidence: 0,
      history: 0,
    });
    const people = await this.#users.publicUsers(
      page.items.flatMap((d) => (d.proposerId ? [String(d.proposerId)] : [])),
    );
    return { ...page, items: page.items.map((d) => summaryOf(d, people)) };
  }

  async get(id: string): Promise<Proposal> {
    return this.#view(await this.#load(id));
  }

  async create(proposerId: string, input: ProposalCreate): Promise<Proposal> {
    const created = await this.#models.Proposal.create({
      ...input,
      proposerId: oid(proposerId),
      state: 'submitted',
      history: [step('submitted', 'submitted', proposerId)],
    });
    return this.#view(created.toObject() as ProposalDoc);
  }

  /** One review per advisor: a second call updates it while the proposal is under review. */
  async review(id: string, advisorId: string, input: ReviewInput): Promise<Proposal> {
    const current = await this.#load(id);
    if (idOrNull(current.proposerId) === advisorId)
      throw new AppError('FORBIDDEN', 'advisors do not review their own proposals');
    const now = new Date();
    const mine = current.reviews.find((r) => idOrNull(r.advisorId) === advisorId);
    const updated = mine
      ? await this.#models.Proposal.findOneAndUpdate(
          {
            _id: id,
            state: 'under-review',
            reviews: { $elemMatch: { advisorId: oid(advisorId) } },
          },
          {
            // The whole element is replaced rather than two `reviews.$.x` paths: the MongoDB
            // stand-in refuses two positional sub-paths in one update (see docs/programme.md).
            $set: {
              'reviews.$': {
                advisorId: oid(advisorId),
                ...input,
                createdAt: mine.createdAt,
                updatedAt: now,
              },
            },
            $push: { history: step('review-updated', 'under-review', advisorId) },
          },
          { returnDocument: 'after' },
        ).lean<ProposalDoc>()
      : // The first review moves a submitted proposal to under-review; later ones keep it there.
        await this.#models.Proposal.findOneAndUpdate(
          { _id: id, state: { $in: OPEN }, 'reviews.advisorId': { $ne: oid(advisorId) } },
          {
            $set: { state: 'under-review' },
            $push: {
              reviews: { advisorId: oid(advisorId), ...input, createdAt: now, updatedAt: now },
              history: step('reviewed', 'under-review', advisorId),
            },
          },
          { returnDocument: 'after' },
        ).lean<ProposalDoc>();
    if (!updated) throw invalidTransition((await this.#load(id)).state, 'reviewed');
    return this.#view(updated);
  }

  async decide(id: string, adminId: string, input: DecisionInput): Promise<Proposal> {
    const current = await this.#load(id);
    if (idOrNull(current.proposerId) === adminId)
      throw new AppError('FORBIDDEN', 'board members do not decide their own proposals');
    if (current.state === 'submitted')
      throw new AppError('INVALID_TRANSITION', 'a decision needs at least one advisor review');
    // The filter repeats the rule: only a reviewed proposal, still under review, is decided.
    const updated = await this.#models.Proposal.findOneAndUpdate(
      { _id: id, state: 'under-review', 'reviews.0': { $exists: true } },
      {
        $set: {
          state: input.decision,
          decision: { ...input, actorId: oid(adminId), at: new Date() },
        },
        $push: { history: step(input.decision, input.decision, adminId) },
      },
      { returnDocument: 'after' },
    ).lean<ProposalDoc>();
    if (!updated) throw invalidTransition((await this.#load(id)).state, 'decided');
    return this.#view(updated);
  }

  async withdraw(id: string, memberId: string): Promise<Proposal> {
    const current = await this.#load(id);
    if (idOrNull(current.proposerId) !== memberId)
      throw new AppError('FORBIDDEN', 'only the proposer may withdraw a proposal');
    const updated = await this.#models.Proposal.findOneAndUpdate(
      { _id: id, proposerId: oid(memberId), state: { $in: OPEN } },
      {
        $set: { state: 'withdrawn' },
        $push: { history: step('withdrawn', 'withdrawn', memberId) },
      },
      { returnDocument: 'after' },
    ).lean<ProposalDoc>();
    if (!updated) throw invalidTransition((await this.#load(id)).state, 'withdrawn');
    return this.#view(updated);
  }

  /** "Download my data": the member's proposals, and reviews they wrote on any proposal. */
  async exportFor(userId: string) {
    const member = oid(userId);
    const own = await this.#models.Proposal.find({ proposerId: member })
      .sort({ createdAt: 1 })
      .lean<ProposalDoc[]>();
    const reviewed = await this.#models.Proposal.find({ 'reviews.advisorId': member })
      .sort({ createdAt: 1 })
      .lean<ProposalDoc[]>();
    return {
      proposals: own.map((doc) => plainOf(doc)),
      reviews: reviewed.flatMap((doc) =>
        doc.reviews
          .filter((r) => idOrNull(r.advisorId) === userId)
          .map((r) => ({
            proposalId: String(doc._id),
            proposalTitle: doc.title,
            recommendation: r.recommendation,
            comments: r.comments,
            createdAt: r.createdAt.toISOString(),
            updatedAt: r.updatedAt.toISOString(),
          })),
      ),
    };
  }

  /**
   * Account deletion: proposals are the community's record, so they stay; every place the
   * member appears as an actor becomes null ("a deleted member").
   */
  async eraseFor(userId: string): Promise<void> {
    const member = oid(userId);
    const { Proposal } = this.#models;
    await Proposal.updateMany({ proposerId: member }, { $set: { proposerId: null } });
    await Proposal.updateMany(
      { 'history.actorId': member },
      { $set: { 'history.$[mine].actorId': null } },
      { arrayFilters: [{ 'mine.actorId': member }] },
    );
    await Proposal.updateMany(
      { 'reviews.advisorId': member },
      { $set: { 'reviews.$[mine].advisorId': null } },
      { arrayFilters: [{ 'mine.advisorId': member }] },
    );
    await Proposal.updateMany(
      { 'decision.actorId': member },
      { $set: { 'decision.actorId': null } },
    );
  }

  async #load(id: string): Promise<ProposalDoc> {
    const doc = await this.#models.Proposal.findById(id).lean<ProposalDoc>();
    if (!doc) throw new AppError('NOT_FOUND', 'no such proposal');
    return doc;
  }

  async #view(doc: ProposalDoc): Promise<Proposal> {
    const ids = [
      doc.proposerId,
      doc.decision?.actorId,
      ...doc.reviews.map((r) => r.advisorId),
      ...doc.history.map((h) => h.actorId),
    ].flatMap((id) => (id ? [String(id)] : []));
    const people = await this.#users.publicUsers(ids);
    const person = (id: Types.ObjectId | null | undefined) =>
      id ? (people.get(String(id)) ?? null) : null;
    const plain = plainOf(doc);
    return {
      ...summaryOf(doc, people),
      ...plain,
      reviews: plain.reviews.map((r, i) => ({ ...r, advisor: person(doc.reviews[i]?.advisorId) })),
      decision: plain.decision ? { ...plain.decision, actor: person(doc.decision?.actorId) } : null,
      history: plain.history.map((h, i) => ({ ...h, actor: person(doc.history[i]?.actorId) })),
    };
  }
}

function summaryOf(doc: ProposalDoc, people: Map<string, PublicUser>): ProposalSummary {
  const proposerId = idOrNull(doc.proposerId);
  return {
    id: String(doc._id),
    title: doc.title,
    point: doc.point,
    state: doc.state as ProposalState,
    proposerId,
    proposer: proposerId ? (people.get(proposerId) ?? null) : null,
    reviewCount: doc.reviews?.length ?? 0,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The stored record with ids as strings and dates as ISO text, people not yet resolved. */
function plainOf(doc: ProposalDoc) {
  return {
    id: String(doc._id),
    title: doc.title,
    point: doc.point,
    state: doc.state as ProposalState,
    proposerId: idOrNull(doc.proposerId),
    description: doc.description,
    evidence: doc.evidence.map((e) => ({ citation: e.citation, ...(e.url ? { url: e.url } : {}) })),
    reviews: doc.reviews.map((r) => ({
      advisorId: idOrNull(r.advisorId),
      recommendation: r.recommendation as 'recommend' | 'do-not-recommend',
      comments: r.comments,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    decision: doc.decision
      ? {
          decision: doc.decision.decision as 'approved' | 'declined',
          reason: doc.decision.reason,
          actorId: idOrNull(doc.decision.actorId),
          at: doc.decision.at.toISOString(),
        }
      : null,
    history: doc.history.map((h) => ({
      action: h.action as Proposal['history'][number]['action'],
      state: h.state as ProposalState,
      actorId: idOrNull(h.actorId),
      at: h.at.toISOString(),
    })),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
