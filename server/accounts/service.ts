import { hash, verify } from '@node-rs/argon2';
import { Types } from 'mongoose';
import type { z } from 'zod';
import {
  DEFAULT_PRIVACY,
  type MemberSearchQuery,
  type OwnUser,
  type PublicUser,
  type profileUpdateBody,
  type Role,
  UI_LANGUAGES,
} from '../../shared/api/accounts.ts';
import type { Page } from '../../shared/api/common.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { type ChangeMarks, markOf, NO_MARKS } from '../infra/change-marks.ts';
import { AppError } from '../infra/errors.ts';
import type { AccountDataRegistry } from './account-data.ts';
import type { AccountModels } from './models.ts';
import { nameKey } from './name-key.ts';
import { ARGON2 } from './password-hash.ts';
import type { SessionService } from './sessions.ts';
import { refuseStaffLookalike } from './staff-names.ts';

/** The admins' member list: by folded display name, `_id` breaking ties. */
const BY_NAME: SortSpec = { field: 'displayNameKey', kind: 'string', direction: 1 };
/** What a member search never reads from the database, let alone sends. */
const SEARCH_PROJECTION = { email: 0, passwordHash: 0 } as const;
const BACKFILL_BATCH = 500;

type UserRecord = {
  _id: unknown;
  email: string;
  displayName: string;
  roles: string[];
  partnerId?: unknown;
  area?: { country?: string | null; region?: string | null; city?: string | null } | null;
  languages: string[];
  timeZone: string;
  uiLanguage?: string | null;
  privacy?: {
    showInGroupMemberLists?: boolean | null;
    showArea?: boolean | null;
    appearOffline?: boolean | null;
    showLastSeen?: boolean | null;
    acceptContactRequests?: boolean | null;
  } | null;
  createdAt?: Date;
};

function cleanArea(area: UserRecord['area']) {
  const out: { country?: string; region?: string; city?: string } = {};
  if (area?.country) out.country = area.country;
  if (area?.region) out.region = area.region;
  if (area?.city) out.city = area.city;
  return out;
}

export function toOwnUser(user: UserRecord): OwnUser {
  return {
    id: String(user._id),
    email: user.email,
    displayName: user.displayName,
    roles: user.roles as OwnUser['roles'],
    partnerId: user.partnerId ? String(user.partnerId) : null,
    area: cleanArea(user.area),
    languages: user.languages,
    timeZone: user.timeZone,
    privacy: {
      showInGroupMemberLists: user.privacy?.showInGroupMemberLists ?? false,
      showArea: user.privacy?.showArea ?? false,
      appearOffline: user.privacy?.appearOffline ?? false,
      showLastSeen: user.privacy?.showLastSeen ?? false,
      acceptContactRequests:
        user.privacy?.acceptContactRequests ?? DEFAULT_PRIVACY.acceptContactRequests,
    },
    createdAt: (user.createdAt ?? new Date(0)).toISOString(),
    ...(isUiLanguage(user.uiLanguage) ? { uiLanguage: user.uiLanguage } : {}),
  };
}

function isUiLanguage(value: unknown): value is NonNullable<OwnUser['uiLanguage']> {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/** What other members see: never the email; the area only when the member chose to show it. */
export function toPublicUser(user: UserRecord): PublicUser {
  return {
    id: String(user._id),
    displayName: user.displayName,
    roles: user.roles as PublicUser['roles'],
    partnerId: user.partnerId ? String(user.partnerId) : null,
    ...(user.privacy?.showArea ? { area: cleanArea(user.area) } : {}),
    languages: user.languages,
  };
}

export class AccountService {
  readonly #models: AccountModels;
  readonly #sessions: SessionService;
  readonly #data: AccountDataRegistry;
  /** Group chat keeps a sender's name and roles per node (chat/send-facts.ts). */
  readonly #marks: Pick<ChangeMarks, 'move'>;
  #dummyHash: Promise<string> | undefined;
  #nameKeysReady: Promise<void> | undefined;

  constructor(
    models: AccountModels,
    sessions: SessionService,
    data: AccountDataRegistry,
    marks = NO_MARKS,
  ) {
    this.#models = models;
    this.#sessions = sessions;
    this.#data = data;
    this.#marks = marks;
  }

  /**
   * Unknown email and wrong password answer the same, after the same work. A registration
   * whose link was not opened yet refuses with EMAIL_NOT_VERIFIED, but only to its own
   * password; and since every registration leaves one (docs/accounts.md), an address that
   * already had an account answers that too to the password someone registered it with.
   * Every refusal runs two hashes, so its time tells nothing either. No session is made
   * here: the routes make it, or ask for a two-factor code first.
   */
  async checkCredentials(email: string, password: string): Promise<OwnUser> {
    const user = await this.#models.User.findOne({ email }).lean();
    this.#dummyHash ??= hash('haven-timing-equaliser', ARGON2);
    const dummy = await this.#dummyHash;
    const valid = user
      ? await verify(user.passwordHash, password).catch(() => false)
      : await verify(dummy, password).then(() => false);
    if (user && valid) return toOwnUser(user as UserRecord);
    const pending = await this.#models.PendingRegistration.findOne({
      email,
      expiresAt: { $gt: new Date() },
    }).lean();
    const pendingValid = pending
      ? await verify(pending.passwordHash, password).catch(() => false)
      : await verify(dummy, password).then(() => false);
    if (pendingValid)
      throw new AppError('EMAIL_NOT_VERIFIED', 'open the link in the email sent to confirm');
    throw new AppError('UNAUTHENTICATED', 'email or password is wrong');
  }

  async me(userId: string): Promise<OwnUser> {
    const user = await this.#models.User.findById(userId).lean();
    if (!user) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
    return toOwnUser(user as UserRecord);
  }

  async updateProfile(userId: string, patch: z.infer<typeof profileUpdateBody>): Promise<OwnUser> {
    const set: Record<string, unknown> = {};
    if (patch.displayName !== undefined) {
      await refuseStaffLookalike(this.#models, patch.displayName, userId);
      set.displayName = patch.displayName;
      set.displayNameKey = nameKey(patch.displayName);
    }
    if (patch.area !== undefined) set.area = patch.area;
    if (patch.languages !== undefined) set.languages = patch.languages;
    if (patch.timeZone !== undefined) set.timeZone = patch.timeZone;
    if (patch.uiLanguage !== undefined) set.uiLanguage = patch.uiLanguage;
    for (const [key, value] of Object.entries(patch.privacy ?? {})) {
      if (value !== undefined) set[`privacy.${key}`] = value;
    }
    const user = await this.#models.User.findByIdAndUpdate(
      userId,
      { $set: set },
      { returnDocument: 'after' },
    ).lean();
    // Nodes keep the member's public view (user-directory.ts: name, area, languages), their
    // time zone with their sessions (session-copies.ts) and their name for group chat.
    await this.#marks.move(markOf.user(userId));
    if (!user) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
    return toOwnUser(user as UserRecord);
  }

  async exportData(userId: string): Promise<Record<string, unknown>> {
    const account = await this.me(userId);
    return {
      exportedAt: new Date().toISOString(),
      account,
      ...(await this.#data.exportAll(userId)),
    };
  }

  /** A member as other members see them (privacy applied, never an email). */
  async publicProfile(userId: string): Promise<PublicUser> {
    const user = await this.#models.User.findById(userId).lean();
    if (!user) throw new AppError('NOT_FOUND', 'no such member');
    return toPublicUser(user as UserRecord);
  }

  /**
   * Members for the admins' tool (acting for the board): display name containing `q`, case
   * and accents ignored, optionally holding `role`; public views only, never an email.
   *
   * The match compares the stored folded key with the folded query as plain strings
   * (`$indexOfBytes`: only found or not matters, and in UTF-8 a byte match is a character
   * match; the query wrapped in `$literal`, so "$email" is text, not a field path): no
   * regular expression is built from input. A substring needs a scan, bounded by the
   * page: the (displayNameKey, _id) index gives the order, so the scan stops once a page
   * is full, and a community's membership is small enough for the worst case (no match).
   */
  async searchMembers(query: MemberSearchQuery): Promise<Page<PublicUser> & { total: number }> {
    await this.#ensureNameKeys();
    const filter: Record<string, unknown> = {};
    const q = query.q ?? '';
    // An address is matched whole, as a plain string (stored lower case): never a part of
    // one, so nobody can probe addresses a letter at a time, and never as a pattern.
    if (q.includes('@')) filter.email = { $eq: q.trim().toLowerCase() };
    else {
      const key = nameKey(q);
      if (key)
        filter.$expr = { $gte: [{ $indexOfBytes: ['$displayNameKey', { $literal: key }] }, 0] };
    }
    if (query.role) filter.roles = query.role;
    if (query.partnerId) filter.partnerId = { $eq: new Types.ObjectId(query.partnerId) };
    const [page, total] = await Promise.all([
      findPage<UserRecord & { _id: Types.ObjectId }, PublicUser>(
        this.#models.User as never,
        filter,
        BY_NAME,
        query,
        toPublicUser,
        SEARCH_PROJECTION,
      ),
      this.#models.User.countDocuments(filter),
    ]);
    return { ...page, total };
  }

  /** Members from before `displayNameKey` existed get theirs, once per process, on first search. */
  #ensureNameKeys(): Promise<void> {
    this.#nameKeysReady ??= (async () => {
      // In _id order from the last one seen, so each member is read once whatever happens.
      let after: unknown = null;
      for (;;) {
        const missing = await this.#models.User.find(
          { displayNameKey: { $exists: false }, ...(after ? { _id: { $gt: after } } : {}) },
          { displayName: 1 },
        )
          .sort({ _id: 1 })
          .limit(BACKFILL_BATCH)
          .lean();
        for (const user of missing) {
          await this.#models.User.updateOne(
            { _id: user._id },
            { $set: { displayNameKey: nameKey(user.displayName) } },
          );
        }
        if (missing.length < BACKFILL_BATCH) return;
        after = missing.at(-1)?._id;
      }
    })().catch((error: unknown) => {
      this.#nameKeysReady = undefined;
      throw error;
    });
    return this.#nameKeysReady;
  }

  /** Roles are the board's to grant; an admin cannot take their own admin role away. */
  async setRoles(actorId: string, userId: string, roles: Role[]): Promise<PublicUser> {
    if (actorId === userId && !roles.includes('admin')) {
      throw new AppError('INVALID_TRANSITION', 'an admin cannot remove their own admin role');
    }
    const unique = [...new Set(roles)];
    const user = await this.#models.User.findByIdAndUpdate(
      userId,
      { $set: { roles: unique } },
      { returnDocument: 'after' },
    ).lean();
    await this.#marks.move(markOf.user(userId));
    if (!user) throw new AppError('NOT_FOUND', 'no such member');
    return toPublicUser(user as UserRecord);
  }

  /**
   * Sessions and the account go first, so no new request can act for the member; then
   * every feature erases or anonymises what points at them. A request that passed its
   * session check just before may still be writing, so the erase runs a second time.
   */
  async deleteAccount(userId: string): Promise<void> {
    await this.#sessions.destroyAllFor(userId);
    const account = await this.#models.User.findOneAndDelete(
      { _id: userId },
      { projection: { email: 1 } },
    ).lean();
    await this.#marks.move(markOf.user(userId));
    // A registration someone left waiting on the address names it too.
    if (account) await this.#models.PendingRegistration.deleteMany({ email: account.email });
    await this.#data.eraseAll(userId);
    await this.#data.eraseAll(userId);
  }
}
