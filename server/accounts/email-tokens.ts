import { createHash, randomBytes } from 'node:crypto';
import { type Connection, type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import { AppError } from '../infra/errors.ts';

/** A link in an email works once, for this long. */
export const TOKEN_TTL_MS = 30 * 60 * 1000;

export type TokenPurpose = 'password-reset' | 'verify-email' | 'email-change';

/**
 * A new member's confirmation link lasts a day: signing up is often left for later, and the
 * link only confirms an address the registration already named (it changes no password).
 */
const TTL_BY_PURPOSE: Record<TokenPurpose, number> = {
  'password-reset': TOKEN_TTL_MS,
  'email-change': TOKEN_TTL_MS,
  'verify-email': 24 * 3600 * 1000,
};

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One-use tokens sent by email: only the SHA-256 of a token is stored, so a copy of the
 * database opens nothing. `newEmail`: the address an email change moves to.
 */
const tokenSchema = new Schema({
  _id: { type: String },
  purpose: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  newEmail: { type: String },
  expiresAt: { type: Date, required: true },
});
tokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
export type AccountTokenModel = Model<InferSchemaType<typeof tokenSchema>>;

export function accountTokenModel(connection: Connection): AccountTokenModel {
  return (connection.models.AccountToken ??
    connection.model('AccountToken', tokenSchema)) as AccountTokenModel;
}

export const invalidToken = () =>
  new AppError('INVALID_INPUT', 'this link is not valid any more', {
    token: ['invalid or expired'],
  });

export class EmailTokens {
  readonly #model: AccountTokenModel;
  readonly #now: () => number;

  constructor(model: AccountTokenModel, now: () => number = Date.now) {
    this.#model = model;
    this.#now = now;
  }

  /** 32 random bytes for the link; the database keeps the hash. */
  async issue(
    purpose: TokenPurpose,
    userId: Types.ObjectId | string,
    newEmail?: string,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.#model.create({
      _id: digest(token),
      purpose,
      userId,
      ...(newEmail ? { newEmail } : {}),
      expiresAt: new Date(this.#now() + TTL_BY_PURPOSE[purpose]),
    });
    return token;
  }

  /** Deletes the token as it reads it, so two uses cannot both succeed. */
  async consume(
    purpose: TokenPurpose,
    token: string,
  ): Promise<{ userId: string; newEmail?: string }> {
    const row = await this.#model.findOneAndDelete({ _id: digest(token), purpose }).lean();
    if (!row || row.expiresAt.getTime() <= this.#now()) throw invalidToken();
    return { userId: String(row.userId), ...(row.newEmail ? { newEmail: row.newEmail } : {}) };
  }

  async dropAll(userId: string, purpose: TokenPurpose): Promise<void> {
    await this.#model.deleteMany({ userId, purpose });
  }
}
