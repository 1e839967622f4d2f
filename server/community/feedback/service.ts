import { Types } from 'mongoose';
import type { Page, PageQuery } from '../../../shared/api/common.ts';
import type {
  AdminFeedback,
  CreateFeedbackInput,
  Feedback,
  FeedbackListQuery,
  UpdateFeedbackInput,
} from '../../../shared/api/community.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import { findPage, type SortSpec } from '../../infra/api/paging.ts';
import { AppError } from '../../infra/errors.ts';
import { type Actor, iso, peopleOf, personIn } from '../shared.ts';
import type { FeedbackDoc, FeedbackModels } from './models.ts';

const NEWEST_FIRST: SortSpec = { field: 'createdAt', kind: 'date', direction: -1 };

const oid = (id: string) => new Types.ObjectId(id);

/** Feedback to the organisation: members write, admins (acting for the board) triage. */
export class FeedbackService {
  readonly #m: FeedbackModels;
  readonly #users: UserDirectory;

  constructor(models: FeedbackModels, users: UserDirectory) {
    this.#m = models;
    this.#users = users;
  }

  /** Anonymous feedback keeps no member id: not even admins or a database copy can trace it. */
  async create(actor: Actor, input: CreateFeedbackInput): Promise<Feedback> {
    const doc = await this.#m.Feedback.create({
      topic: input.topic,
      message: input.message,
      anonymous: input.anonymous,
      memberId: input.anonymous ? null : oid(actor.id),
    });
    return view(doc.toObject());
  }

  async list(query: FeedbackListQuery): Promise<Page<AdminFeedback>> {
    const page = await this.#page(query.status ? { status: query.status } : {}, query);
    const people = await peopleOf(
      this.#users,
      page.items.map((f) => f.memberId),
    );
    return {
      items: page.items.map((f) => ({ ...view(f), from: personIn(people, f.memberId) })),
      nextCursor: page.nextCursor,
    };
  }

  async mine(actor: Actor, query: PageQuery): Promise<Page<Feedback>> {
    const page = await this.#page({ memberId: oid(actor.id) }, query);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** Any status may follow any other: it is a triage board, and "done" can be reopened. */
  async update(id: string, input: UpdateFeedbackInput): Promise<AdminFeedback> {
    const set: Record<string, unknown> = { status: input.status };
    if (input.response !== undefined) {
      set.response = input.response;
      set.respondedAt = new Date();
    }
    const doc = await this.#m.Feedback.findByIdAndUpdate(
      id,
      { $set: set },
      { returnDocument: 'after' },
    ).lean();
    if (!doc) throw new AppError('NOT_FOUND', 'no such feedback');
    const people = await peopleOf(this.#users, [doc.memberId]);
    return { ...view(doc as FeedbackDoc), from: personIn(people, doc.memberId) };
  }

  async exportFor(userId: string) {
    const docs = await this.#m.Feedback.find({ memberId: oid(userId) }).lean();
    return { feedback: docs.map((f) => view(f as FeedbackDoc)) };
  }

  /** The organisation keeps the feedback (it is about Haven, not the member), not who gave it. */
  async eraseFor(userId: string): Promise<void> {
    await this.#m.Feedback.updateMany({ memberId: oid(userId) }, { $set: { memberId: null } });
  }

  /** Newest first. */
  async #page(filter: Record<string, unknown>, query: PageQuery): Promise<Page<FeedbackDoc>> {
    return findPage(this.#m.Feedback, filter, NEWEST_FIRST, query, (doc) => doc as FeedbackDoc);
  }
}

function view(f: FeedbackDoc): Feedback {
  return {
    id: String(f._id),
    topic: f.topic,
    message: f.message,
    anonymous: f.anonymous,
    status: f.status,
    response: f.response ?? null,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    respondedAt: iso(f.respondedAt),
  };
}
