import type { Page } from '../../shared/api/common.ts';
import type {
  Partner,
  PartnerCreate,
  PartnerPatch,
  PartnerQuery,
  PartnerSummary,
} from '../../shared/api/programme/partners.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import type { PartnerDoc, ProgrammeModels } from './models.ts';

const BY_NAME: SortSpec = { field: 'name', kind: 'string', direction: 1 };

function summaryOf(doc: PartnerDoc): PartnerSummary {
  return {
    id: String(doc._id),
    name: doc.name,
    slug: doc.slug,
    description: doc.description,
    area: {
      country: doc.area.country,
      ...(doc.area.region ? { region: doc.area.region } : {}),
      city: doc.area.city,
    },
    website: doc.website ?? null,
    services: doc.services ?? [],
    updatedAt: doc.updatedAt.toISOString(),
  };
}

const slugTaken = () =>
  new AppError('CONFLICT', 'another partner already uses this slug', { slug: ['already used'] });
const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Partner organisations. Staff are ordinary accounts linked by their `partnerId` (owned by
 * accounts; changed only through the UserDirectory), so a staff member's profile and
 * privacy choices stay theirs.
 */
export class PartnerService {
  readonly #models: ProgrammeModels;
  readonly #users: UserDirectory;

  constructor(models: ProgrammeModels, users: UserDirectory) {
    this.#models = models;
    this.#users = users;
  }

  list(query: PartnerQuery): Promise<Page<PartnerSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.country) filter['area.country'] = query.country;
    if (query.city) filter['area.city'] = query.city;
    return findPage(this.#models.Partner, filter, BY_NAME, query, summaryOf);
  }

  async get(id: string): Promise<Partner> {
    const doc = await this.#models.Partner.findById(id).lean<PartnerDoc>();
    if (!doc) throw new AppError('NOT_FOUND', 'no such partner');
    return { ...summaryOf(doc), staff: await this.#users.staffOf(id) };
  }

  async create(input: PartnerCreate): Promise<Partner> {
    if (await this.#models.Partner.exists({ slug: input.slug })) throw slugTaken();
    try {
      const created = await this.#models.Partner.create({
        ...input,
        website: input.website ?? null,
      });
      return { ...summaryOf(created.toObject() as PartnerDoc), staff: [] };
    } catch (error) {
      // Two admins creating the same slug at once: the unique index decides.
      if (isDuplicateKey(error)) throw slugTaken();
      throw error;
    }
  }

  async update(id: string, patch: PartnerPatch): Promise<Partner> {
    if (patch.slug && (await this.#models.Partner.exists({ slug: patch.slug, _id: { $ne: id } })))
      throw slugTaken();
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) set[key] = value;
    if (patch.area) set.area = { region: null, ...patch.area };
    try {
      const doc = await this.#models.Partner.findByIdAndUpdate(
        id,
        { $set: set },
        { returnDocument: 'after' },
      ).lean<PartnerDoc>();
      if (!doc) throw new AppError('NOT_FOUND', 'no such partner');
      return { ...summaryOf(doc), staff: await this.#users.staffOf(id) };
    } catch (error) {
      if (isDuplicateKey(error)) throw slugTaken();
      throw error;
    }
  }

  /** A member is staff of one partner at a time; moving them means unlinking first. */
  async addStaff(partnerId: string, userId: string): Promise<Partner> {
    await this.#requirePartner(partnerId);
    const member = (await this.#users.publicUsers([userId])).get(userId);
    if (!member) throw new AppError('NOT_FOUND', 'no such member', { userId: ['no such member'] });
    if (member.partnerId && member.partnerId !== partnerId)
      throw new AppError('CONFLICT', 'this member is staff of another partner', {
        userId: ['already staff of another partner'],
      });
    await this.#users.setPartner(userId, partnerId);
    return this.get(partnerId);
  }

  async removeStaff(partnerId: string, userId: string): Promise<Partner> {
    await this.#requirePartner(partnerId);
    const member = (await this.#users.publicUsers([userId])).get(userId);
    if (member?.partnerId !== partnerId)
      throw new AppError('NOT_FOUND', 'this member is not staff of this partner');
    await this.#users.setPartner(userId, null);
    return this.get(partnerId);
  }

  async #requirePartner(id: string): Promise<void> {
    if (!(await this.#models.Partner.exists({ _id: id })))
      throw new AppError('NOT_FOUND', 'no such partner');
  }
}
