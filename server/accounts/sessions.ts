import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import type { RequestUser } from '../infra/api/routes.ts';
import type { AccountModels } from './models.ts';

export const SESSION_COOKIE = 'haven_session';
/** Two weeks, renewed on use once half is gone, so active members stay signed in. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

interface StoredSession {
  userId: Types.ObjectId;
  expiresAt: Date;
}
interface SessionMember {
  _id: Types.ObjectId;
  roles: string[];
  partnerId?: Types.ObjectId | null;
  timeZone?: string | null;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionService {
  readonly #models: AccountModels;
  readonly #now: () => number;

  constructor(models: AccountModels, now: () => number = Date.now) {
    this.#models = models;
    this.#now = now;
  }

  /** Returns the token for the cookie; only its digest is stored. */
  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.#now() + SESSION_TTL_MS);
    await this.#models.Session.create({ _id: digest(token), userId, expiresAt });
    return { token, expiresAt };
  }

  /** The member behind a token, or null when unknown, expired or the account is gone. */
  async resolve(
    token: string | undefined,
  ): Promise<{ user: RequestUser; expiresAt: Date; renewedUntil?: Date } | null> {
    if (!token || token.length > 100) return null;
    const id = digest(token);
    // Every request of a signed-in member passes here: two indexed reads straight through the
    // driver (the keys are already typed as stored), without mongoose's query layer.
    const session = await this.#models.Session.collection.findOne<StoredSession>(
      { _id: id as never },
      { projection: { userId: 1, expiresAt: 1 } },
    );
    if (!session) return null;
    const now = this.#now();
    if (session.expiresAt.getTime() <= now) {
      await this.#models.Session.deleteOne({ _id: id });
      return null;
    }
    const user = await this.#models.User.collection.findOne<SessionMember>(
      { _id: session.userId },
      { projection: { roles: 1, partnerId: 1, timeZone: 1 } },
    );
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
    if (session.expiresAt.getTime() - now < SESSION_TTL_MS / 2) {
      resolved.renewedUntil = new Date(now + SESSION_TTL_MS);
      resolved.expiresAt = resolved.renewedUntil;
      await this.#models.Session.updateOne(
        { _id: id },
        { $set: { expiresAt: resolved.renewedUntil } },
      );
    }
    return resolved;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.#models.Session.deleteOne({ _id: digest(token) });
  }

  async destroyAllFor(userId: string): Promise<void> {
    await this.#models.Session.deleteMany({ userId });
  }

  /** Every session of the member but the one `keepToken` opened (a password change). */
  async destroyOthersFor(userId: string, keepToken: string | undefined): Promise<void> {
    if (!keepToken) return this.destroyAllFor(userId);
    await this.#models.Session.deleteMany({ userId, _id: { $ne: digest(keepToken) } });
  }
}
