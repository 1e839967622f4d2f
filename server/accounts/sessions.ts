import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import type { OwnSession } from '../../shared/api/sign-in.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import { type ChangeMarks, markOf } from '../infra/change-marks.ts';
import type { AdminTwoFactorPolicy } from './admin-two-factor.ts';
import { deviceName } from './device-name.ts';
import type { AccountModels } from './models.ts';
import { SessionCopies, type SessionRead } from './session-copies.ts';

export const SESSION_COOKIE = 'haven_session';
/** Two weeks, renewed on use once half is gone, so active members stay signed in. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export interface StoredSession {
  userId: Types.ObjectId;
  expiresAt: Date;
  lastUsedAt?: Date | null;
  device?: { browser?: string | null; os?: string | null } | null;
}
export interface SessionMember {
  _id: Types.ObjectId;
  roles: string[];
  partnerId?: Types.ObjectId | null;
  timeZone?: string | null;
}

/** How stale a session's "last used" may be: a write per request would cost more than it tells. */
export const LAST_USED_EVERY_MS = 5 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
/**
 * A session's name in the member's list: derived from the stored digest, so neither the
 * token nor the database key ever leaves the server, and no new field needs a migration.
 */
const publicIdOf = (id: string) =>
  createHash('sha256').update(`session-id:${id}`).digest('hex').slice(0, 24);

export interface SessionServiceOptions {
  now?: () => number;
  adminTwoFactor?: AdminTwoFactorPolicy;
  /**
   * With marks, this node keeps the sessions it resolved (session-copies.ts) and every
   * change to one of them moves its member's mark; without (seeds, scripts) each request
   * reads the database.
   */
  marks?: ChangeMarks;
}

export class SessionService {
  readonly #models: AccountModels;
  readonly #now: () => number;
  readonly #adminTwoFactor: AdminTwoFactorPolicy | undefined;
  readonly #marks: ChangeMarks | undefined;
  readonly #copies: SessionCopies | undefined;
  readonly #read: SessionRead;

  constructor(models: AccountModels, options: SessionServiceOptions = {}) {
    this.#models = models;
    this.#now = options.now ?? Date.now;
    this.#adminTwoFactor = options.adminTwoFactor;
    this.#marks = options.marks;
    const read: SessionRead = {
      session: (id) =>
        this.#models.Session.collection.findOne<StoredSession>(
          { _id: id as never },
          { projection: { userId: 1, expiresAt: 1, lastUsedAt: 1, device: 1 } },
        ),
      member: (userId) =>
        this.#models.User.collection.findOne<SessionMember>(
          { _id: userId },
          { projection: { roles: 1, partnerId: 1, timeZone: 1 } },
        ),
    };
    this.#copies = options.marks ? new SessionCopies(options.marks, read, this.#now) : undefined;
    this.#read = read;
  }

  /** Other nodes drop their copies of the member's sessions before the change is answered. */
  async #changed(userId: string | Types.ObjectId): Promise<void> {
    await this.#marks?.move(markOf.user(String(userId)));
  }

  /** Returns the token for the cookie; only its digest is stored. */
  async create(userId: string, userAgent?: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date(this.#now());
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.#models.Session.create({
      _id: digest(token),
      userId,
      expiresAt,
      createdAt: now,
      lastUsedAt: now,
      ...(userAgent === undefined ? {} : { device: deviceName(userAgent) }),
    });
    return { token, expiresAt };
  }

  /** The member behind a token, or null when unknown, expired or the account is gone. */
  async resolve(
    token: string | undefined,
    userAgent?: string,
  ): Promise<{ user: RequestUser; expiresAt: Date; renewedUntil?: Date } | null> {
    if (!token || token.length > 100) return null;
    const id = digest(token);
    // Every request of a signed-in member passes here: a node's kept copy, vouched for by
    // one mark in Redis, else two indexed reads straight through the driver.
    const found = this.#copies ? await this.#copies.of(id) : await readThrough(this.#read, id);
    if (!found) return null;
    const { session, member: user } = found;
    const now = this.#now();
    if (session.expiresAt.getTime() <= now) {
      await this.#models.Session.deleteOne({ _id: id });
      this.#copies?.drop(id);
      return null;
    }
    if (!user) return null;
    const resolved: { user: RequestUser; expiresAt: Date; renewedUntil?: Date } = {
      expiresAt: session.expiresAt,
      user: {
        id: String(user._id),
        roles: user.roles as RequestUser['roles'],
        partnerId: user.partnerId ? String(user.partnerId) : null,
        timeZone: user.timeZone ?? null,
      },
    };
    // Only admins pay the two extra reads; see admin-two-factor.ts for why the role is withheld here.
    if (
      user.roles.includes('admin') &&
      (await this.#adminTwoFactor?.adminRoleWithheld(String(user._id)))
    ) {
      resolved.user.roles = resolved.user.roles.filter((role) => role !== 'admin');
      resolved.user.withheldRoles = ['admin'];
    }
    const set: Record<string, unknown> = {};
    if (session.expiresAt.getTime() - now < SESSION_TTL_MS / 2) {
      resolved.renewedUntil = new Date(now + SESSION_TTL_MS);
      resolved.expiresAt = resolved.renewedUntil;
      set.expiresAt = resolved.renewedUntil;
    }
    if (!session.lastUsedAt || now - session.lastUsedAt.getTime() >= LAST_USED_EVERY_MS)
      set.lastUsedAt = new Date(now);
    // A session opened without a user agent (registration, older sessions) is named by the
    // first request that brings one, once: an agent that names nothing (a script, an app) is
    // recorded as such, not parsed and written again on every request it makes.
    if (session.device?.browser == null && session.device?.os == null && userAgent)
      set.device = deviceName(userAgent);
    if (Object.keys(set).length) {
      await this.#models.Session.updateOne({ _id: id }, { $set: set });
      // This node's copy follows; another node's may lag, and at worst writes the same again.
      Object.assign(session, set);
    }
    return resolved;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (!token) return;
    const ended = await this.#models.Session.findOneAndDelete(
      { _id: digest(token) },
      { projection: { userId: 1 } },
    ).lean();
    if (ended) await this.#changed(ended.userId);
  }

  /** The member's live sessions, newest use first; `currentToken`'s marked as this one. */
  async listFor(userId: string, currentToken: string | undefined): Promise<OwnSession[]> {
    const current = currentToken ? digest(currentToken) : undefined;
    const now = this.#now();
    const sessions = await this.#models.Session.find({ userId }).lean();
    return sessions
      .filter((session) => session.expiresAt.getTime() > now)
      .map((session) => {
        const signedInAt = session.createdAt ?? new Date(0);
        return {
          id: publicIdOf(session._id as string),
          browser: session.device?.browser ?? '',
          os: session.device?.os ?? '',
          signedInAt: signedInAt.toISOString(),
          lastUsedAt: (session.lastUsedAt ?? signedInAt).toISOString(),
          current: session._id === current,
        };
      })
      .sort(
        (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt),
      );
  }

  /**
   * Ends the member's session named `publicId` (from `listFor`); false when they hold none
   * by that name. Whether it is the one `currentToken` opened is told back.
   */
  async destroyByPublicId(
    userId: string,
    publicId: string,
    currentToken: string | undefined,
  ): Promise<{ found: boolean; current: boolean }> {
    const ids = await this.#models.Session.find({ userId }, { _id: 1 }).lean();
    const match = ids.find((session) => publicIdOf(session._id as string) === publicId);
    if (!match) return { found: false, current: false };
    await this.#models.Session.deleteOne({ _id: match._id, userId });
    await this.#changed(userId);
    return { found: true, current: currentToken ? match._id === digest(currentToken) : false };
  }

  async destroyAllFor(userId: string): Promise<void> {
    await this.#models.Session.deleteMany({ userId });
    await this.#changed(userId);
  }

  /** Every session of the member but the one `keepToken` opened (a password change). */
  async destroyOthersFor(userId: string, keepToken: string | undefined): Promise<number> {
    const filter = keepToken ? { userId, _id: { $ne: digest(keepToken) } } : { userId };
    const { deletedCount } = await this.#models.Session.deleteMany(filter);
    await this.#changed(userId);
    return deletedCount ?? 0;
  }
}

/** Without copies: the session, then its member. */
async function readThrough(read: SessionRead, id: string) {
  const session = await read.session(id);
  return session ? { session, member: await read.member(session.userId) } : null;
}
