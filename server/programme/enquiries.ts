import { Types } from 'mongoose';
import type { Page } from '../../shared/api/common.ts';
import type {
  Enquiry,
  EnquiryCreate,
  EnquiryPatch,
  EnquiryQuery,
} from '../../shared/api/programme/enquiries.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import type { EnquiryDoc, ProgrammeModels } from './models.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An enquiry, with the email it carries, is kept a year at most: long enough to follow up. */
export const ENQUIRY_RETENTION_MS = 365 * DAY_MS;
/** Once closed, only a short grace period remains (to reopen a mistaken close). */
export const CLOSED_RETENTION_MS = 30 * DAY_MS;

const NEWEST_FIRST: SortSpec = { field: 'createdAt', kind: 'date', direction: -1 };

function expiryFor(createdAt: Date, status: EnquiryPatch['status'], now: Date): Date {
  const latest = createdAt.getTime() + ENQUIRY_RETENTION_MS;
  if (status !== 'closed') return new Date(latest);
  return new Date(Math.min(latest, now.getTime() + CLOSED_RETENTION_MS));
}

/**
 * The collaboration form's enquiries. Senders have no account; only admins read them.
 * Nothing here logs: an enquiry's email and message are personal and stay in the database.
 */
export class EnquiryService {
  readonly #models: ProgrammeModels;
  readonly #users: UserDirectory;

  constructor(models: ProgrammeModels, users: UserDirectory) {
    this.#models = models;
    this.#users = users;
  }

  async create(input: EnquiryCreate): Promise<string> {
    const now = new Date();
    const created = await this.#models.Enquiry.create({
      ...input,
      organisation: input.organisation ?? null,
      status: 'new',
      createdAt: now,
      expiresAt: expiryFor(now, 'new', now),
    });
    return String(created._id);
  }

  async list(query: EnquiryQuery): Promise<Page<Enquiry>> {
    const filter: Record<string, unknown> = {};
    if (query.status) filter.status = query.status;
    const page = await findPage(this.#models.Enquiry, filter, NEWEST_FIRST, query, (d) => d);
    const people = await this.#users.publicUsers(
      page.items.flatMap((d) => (d.answeredById ? [String(d.answeredById)] : [])),
    );
    return { ...page, items: page.items.map((d) => viewOf(d, people)) };
  }

  /** Marking answered or writing a reply records who did it and when. */
  async update(id: string, adminId: string, patch: EnquiryPatch): Promise<Enquiry> {
    const current = await this.#models.Enquiry.findById(id).lean<EnquiryDoc>();
    if (!current) throw new AppError('NOT_FOUND', 'no such enquiry');
    const now = new Date();
    const set: Record<string, unknown> = {
      status: patch.status,
      expiresAt: expiryFor(current.createdAt, patch.status, now),
    };
    if (patch.reply !== undefined) set.reply = patch.reply;
    if (
      patch.reply !== undefined ||
      (patch.status === 'answered' && current.status !== 'answered')
    ) {
      set.answeredById = new Types.ObjectId(adminId);
      set.answeredAt = now;
    }
    const doc = await this.#models.Enquiry.findByIdAndUpdate(
      id,
      { $set: set },
      { returnDocument: 'after' },
    ).lean<EnquiryDoc>();
    if (!doc) throw new AppError('NOT_FOUND', 'no such enquiry');
    const people = await this.#users.publicUsers(
      doc.answeredById ? [String(doc.answeredById)] : [],
    );
    return viewOf(doc, people);
  }

  /**
   * Enquiries are not the member's data, but an admin's answers point at them: the export
   * lists what they answered (without the sender's details), deletion makes it anonymous.
   */
  async exportAnswersOf(adminId: string) {
    const docs = await this.#models.Enquiry.find(
      { answeredById: new Types.ObjectId(adminId) },
      { status: 1, reply: 1, answeredAt: 1 },
    ).lean<Array<Pick<EnquiryDoc, '_id' | 'status' | 'reply' | 'answeredAt'>>>();
    return docs.map((d) => ({
      enquiryId: String(d._id),
      status: d.status,
      reply: d.reply ?? null,
      answeredAt: d.answeredAt?.toISOString() ?? null,
    }));
  }

  async eraseAnswersOf(adminId: string): Promise<void> {
    await this.#models.Enquiry.updateMany(
      { answeredById: new Types.ObjectId(adminId) },
      { $set: { answeredById: null } },
    );
  }
}

function viewOf(
  doc: EnquiryDoc,
  people: Map<string, import('../../shared/api/accounts.ts').PublicUser>,
): Enquiry {
  const answeredById = doc.answeredById ? String(doc.answeredById) : null;
  return {
    id: String(doc._id),
    kind: doc.kind as Enquiry['kind'],
    name: doc.name,
    email: doc.email,
    organisation: doc.organisation ?? null,
    message: doc.message,
    status: doc.status as Enquiry['status'],
    reply: doc.reply ?? null,
    answeredById,
    answeredBy: answeredById ? (people.get(answeredById) ?? null) : null,
    answeredAt: doc.answeredAt ? doc.answeredAt.toISOString() : null,
    createdAt: doc.createdAt.toISOString(),
    expiresAt: doc.expiresAt.toISOString(),
  };
}
