import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { type Connection, type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import { AppError } from '../infra/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailLanguageOf } from '../mail/templates.ts';
import type { AccountModels } from './models.ts';
import { ARGON2 } from './password-hash.ts';

/** A link in an email works once, for this long. */
export const TOKEN_TTL_MS = 30 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One-use tokens sent by email (password reset, and later email checks): only the SHA-256
 * of a token is stored, so a copy of the database opens nothing.
 */
const tokenSchema = new Schema({
  _id: { type: String },
  purpose: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  expiresAt: { type: Date, required: true },
});
tokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
export type AccountTokenModel = Model<InferSchemaType<typeof tokenSchema>>;

export function accountTokenModel(connection: Connection): AccountTokenModel {
  return (connection.models.AccountToken ??
    connection.model('AccountToken', tokenSchema)) as AccountTokenModel;
}

const invalidToken = () =>
  new AppError('INVALID_INPUT', 'this link is not valid any more', {
    token: ['invalid or expired'],
  });

export interface RecoveryDeps {
  models: AccountModels;
  tokens: AccountTokenModel;
  mailer: Mailer;
  /** The site's address for links in emails, without a trailing slash. */
  publicBase: () => string;
  /** Ends every session of a member, or every one but `keepToken`'s. */
  endSessions: (userId: string, keepToken?: string) => Promise<void>;
  now?: () => number;
}

/** Password reset by email and password change (docs/accounts.md). */
export class AccountRecovery {
  readonly #deps: RecoveryDeps;
  readonly #now: () => number;

  constructor(deps: RecoveryDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async #issue(purpose: string, userId: Types.ObjectId): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.#deps.tokens.create({
      _id: digest(token),
      purpose,
      userId,
      expiresAt: new Date(this.#now() + TOKEN_TTL_MS),
    });
    return token;
  }

  /** Deletes the token as it reads it, so two uses cannot both succeed. */
  async #consume(purpose: string, token: string): Promise<{ userId: string }> {
    const row = await this.#deps.tokens.findOneAndDelete({ _id: digest(token), purpose }).lean();
    if (!row || row.expiresAt.getTime() <= this.#now()) throw invalidToken();
    return { userId: String(row.userId) };
  }

  /** Mails a reset link when the address has an account; says nothing either way. */
  async requestReset(email: string): Promise<void> {
    const user = await this.#deps.models.User.findOne({ email }, { languages: 1 }).lean();
    if (!user) return;
    const token = await this.#issue('password-reset', user._id);
    await this.#deps.mailer.send({
      kind: 'passwordReset',
      to: email,
      language: mailLanguageOf(user.languages),
      link: `${this.#deps.publicBase()}/reset-password#token=${token}`,
    });
  }

  /** Sets the new password and signs the member out everywhere; returns whose it was. */
  async confirmReset(token: string, password: string): Promise<{ userId: string }> {
    const { userId } = await this.#consume('password-reset', token);
    const passwordHash = await hash(password, ARGON2);
    const updated = await this.#deps.models.User.updateOne(
      { _id: userId },
      { $set: { passwordHash } },
    );
    if (!updated.matchedCount) throw invalidToken();
    // Other reset links sent before this one must not work afterwards.
    await this.#deps.tokens.deleteMany({ userId, purpose: 'password-reset' });
    await this.#deps.endSessions(userId);
    return { userId };
  }

  /** The current password proves it is the member; the other sessions end, this one stays. */
  async changePassword(
    userId: string,
    sessionToken: string | undefined,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.#deps.models.User.findById(userId, {
      passwordHash: 1,
      email: 1,
      languages: 1,
    }).lean();
    if (!user) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
    const valid = await verify(user.passwordHash, currentPassword).catch(() => false);
    if (!valid)
      throw new AppError('INVALID_INPUT', 'the current password is wrong', {
        currentPassword: ['wrong password'],
      });
    const passwordHash = await hash(newPassword, ARGON2);
    await this.#deps.models.User.updateOne({ _id: userId }, { $set: { passwordHash } });
    await this.#deps.tokens.deleteMany({ userId, purpose: 'password-reset' });
    await this.#deps.endSessions(userId, sessionToken);
    await this.#deps.mailer.send({
      kind: 'passwordChanged',
      to: user.email,
      language: mailLanguageOf(user.languages),
    });
  }
}
