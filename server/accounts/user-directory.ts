import { Types } from 'mongoose';
import type { PublicUser, Role } from '../../shared/api/accounts.ts';
import { type ChangeMarks, markOf, NO_MARKS } from '../infra/change-marks.ts';
import { MarkedCopies } from '../infra/marked-copies.ts';
import type { AccountModels } from './models.ts';
import { nameKey } from './name-key.ts';
import { toPublicUser } from './service.ts';

/**
 * The fields toPublicUser reads, and no others: an email or a password hash never leaves the
 * database for a public view, and a list of facilitators decodes a few short fields per member.
 */
const PUBLIC_FIELDS = {
  displayName: 1,
  roles: 1,
  partnerId: 1,
  'privacy.showArea': 1,
  area: 1,
  languages: 1,
} as const;

/** Each id once; not an id is no member (mongoose's cast would refuse the whole read). */
export const distinctIds = (ids: readonly string[]) =>
  [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));

/**
 * How other features see members: public views only (never an email), and the member's
 * privacy choices applied. A deleted member simply is not found; callers show
 * "a deleted member" in their place.
 */
export class UserDirectory {
  readonly #models: AccountModels;
  /** Group chat keeps a sender's roles per node (chat/send-facts.ts). */
  readonly #marks: Pick<ChangeMarks, 'move'>;
  readonly #readMarks: ChangeMarks['read'] | undefined;
  /**
   * Public views this node read, each vouched for by its member's mark: every change to
   * what a view shows (profile, roles, partner link, deletion) moves it. Without marks that
   * can be read (seeds, scripts), every call reads the database.
   */
  readonly #copies: MarkedCopies<PublicUser> | undefined;

  constructor(models: AccountModels, marks: Pick<ChangeMarks, 'move'> | ChangeMarks = NO_MARKS) {
    this.#models = models;
    this.#marks = marks;
    if ('read' in marks) {
      this.#readMarks = (keys) => marks.read(keys);
      this.#copies = new MarkedCopies(marks, { maxEntries: 20_000, maxAgeMs: 60_000 });
    }
  }

  /**
   * What group chat's presence needs of members' privacy choices (both off by default), in
   * one read. A member not found (deleted, or not an id) is left out.
   */
  async presenceChoicesOf(
    ids: readonly string[],
  ): Promise<Map<string, { invisible: boolean; lastSeen: boolean }>> {
    const valid = distinctIds(ids);
    const users = valid.length
      ? await this.#models.User.find(
          { _id: { $in: valid } },
          { 'privacy.appearOffline': 1, 'privacy.showLastSeen': 1 },
        ).lean()
      : [];
    const choices = new Map<string, { invisible: boolean; lastSeen: boolean }>();
    for (const user of users) {
      const { privacy } = user as { privacy?: { appearOffline?: boolean; showLastSeen?: boolean } };
      choices.set(String(user._id), {
        invisible: privacy?.appearOffline === true,
        lastSeen: privacy?.showLastSeen === true,
      });
    }
    return choices;
  }

  /**
   * What contact requests need of a member: whether they take requests, and their meeting
   * area (country and folded city) to compare with the asker's. null: no such member.
   */
  async contactTermsOf(
    id: string,
  ): Promise<{ acceptsRequests: boolean; area: string | null } | null> {
    const user = await this.#models.User.findById(id, {
      'privacy.acceptContactRequests': 1,
      area: 1,
    }).lean();
    if (!user) return null;
    const privacy = user.privacy as { acceptContactRequests?: boolean | null } | undefined;
    const area = user.area as { country?: string | null; city?: string | null } | undefined;
    return {
      acceptsRequests: privacy?.acceptContactRequests !== false,
      area: area?.country && area.city ? `${area.country}:${nameKey(area.city)}` : null,
    };
  }

  /** Every listed meeting's facilitators pass here: one read straight through the driver. */
  async publicUsers(ids: string[]): Promise<Map<string, PublicUser>> {
    const unique = distinctIds(ids);
    if (unique.length === 0) return new Map();
    const copies = this.#copies;
    if (!copies || !this.#readMarks) return this.#readPublic(unique);
    const epoch = copies.epoch;
    let marks: Array<string | null>;
    try {
      marks = await this.#readMarks(unique.map(markOf.user));
    } catch {
      // Redis cannot say what changed: nothing kept is trusted.
      copies.clear();
      return this.#readPublic(unique);
    }
    const found = new Map<string, PublicUser>();
    const missing: string[] = [];
    const markOfMissing = new Map<string, string | null>();
    unique.forEach((id, i) => {
      const kept = copies.get(id, marks[i] ?? null, epoch);
      if (kept) found.set(id, kept);
      else {
        missing.push(id);
        markOfMissing.set(id, marks[i] ?? null);
      }
    });
    if (missing.length === 0) return found;
    // Read after the marks came back, so a change too late for this read moved one after.
    const at = copies.now();
    for (const [id, user] of await this.#readPublic(missing)) {
      found.set(id, user);
      copies.keep(id, user, markOfMissing.get(id) ?? null, at, epoch);
    }
    return found;
  }

  async #readPublic(unique: string[]): Promise<Map<string, PublicUser>> {
    const found = await this.#models.User.collection
      .find(
        { _id: { $in: unique.map((id) => new Types.ObjectId(id)) } },
        { projection: PUBLIC_FIELDS },
      )
      .toArray();
    return new Map(found.map((user) => [String(user._id), toPublicUser(user as never)]));
  }

  /** Members who chose to appear in group member lists, among `ids`. */
  async listable(ids: string[]): Promise<PublicUser[]> {
    if (ids.length === 0) return [];
    const found = await this.#models.User.find(
      {
        _id: { $in: ids },
        'privacy.showInGroupMemberLists': true,
      },
      PUBLIC_FIELDS,
    ).lean();
    return found.map((user) => toPublicUser(user as never));
  }

  async exists(id: string): Promise<boolean> {
    return Boolean(await this.#models.User.exists({ _id: id }));
  }

  async timeZoneOf(id: string): Promise<string | null> {
    const user = await this.#models.User.findById(id, { timeZone: 1 }).lean();
    return user?.timeZone ?? null;
  }

  /** Links a member to a partner organisation as its staff (null unlinks). Admin routes only. */
  async setPartner(id: string, partnerId: string | null): Promise<boolean> {
    const result = await this.#models.User.updateOne({ _id: id }, { $set: { partnerId } });
    // Every node keeps the link with the member's sessions (session-copies.ts) and views.
    await this.#marks.move(markOf.user(id));
    return result.matchedCount === 1;
  }

  /**
   * Adds one role, leaving the others as they are: the training feature's facilitator grant
   * (a trainer's act, not the board's whole-roles edit). 'held' when the member had it.
   */
  async addRole(id: string, role: Role): Promise<'added' | 'held' | 'missing'> {
    // Filtered on the role's absence and judged by matchedCount: not every server (the
    // offline stand-in) reports a no-op $addToSet as unmodified.
    const result = await this.#models.User.updateOne(
      { _id: id, roles: { $ne: role } },
      { $push: { roles: role } },
    );
    if (result.matchedCount === 1) {
      await this.#marks.move(markOf.user(id));
      return 'added';
    }
    return (await this.exists(id)) ? 'held' : 'missing';
  }

  /** Members who are staff of a partner organisation. */
  async staffOf(partnerId: string): Promise<PublicUser[]> {
    const found = await this.#models.User.find({ partnerId }, PUBLIC_FIELDS).lean();
    return found.map((user) => toPublicUser(user as never));
  }
}
