import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../infra/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailLanguageOf } from '../mail/templates.ts';
import { type EmailTokens, invalidToken } from './email-tokens.ts';
import type { AccountModels } from './models.ts';
import { ARGON2 } from './password-hash.ts';

export interface RecoveryDeps {
  models: AccountModels;
  tokens: EmailTokens;
  mailer: Mailer;
  /** The site's address for links in emails, without a trailing slash. */
  publicBase: () => string;
  /** Ends every session of a member, or every one but `keepToken`'s. */
  endSessions: (userId: string, keepToken?: string) => Promise<void>;
}

/** Password reset by email and password change (docs/accounts.md). */
export class AccountRecovery {
  readonly #deps: RecoveryDeps;

  constructor(deps: RecoveryDeps) {
    this.#deps = deps;
  }

  /** Mails a reset link when the address has an account; says nothing either way. */
  async requestReset(email: string): Promise<void> {
    const user = await this.#deps.models.User.findOne({ email }, { languages: 1 }).lean();
    if (!user) return;
    const token = await this.#deps.tokens.issue('password-reset', user._id);
    await this.#deps.mailer.send({
      kind: 'passwordReset',
      to: email,
      language: mailLanguageOf(user.languages),
      link: `${this.#deps.publicBase()}/reset-password#token=${token}`,
    });
  }

  /** Sets the new password and signs the member out everywhere; returns whose it was. */
  async confirmReset(token: string, password: string): Promise<{ userId: string }> {
    const { userId } = await this.#deps.tokens.consume('password-reset', token);
    const passwordHash = await hash(password, ARGON2);
    const updated = await this.#deps.models.User.updateOne(
      { _id: userId },
      { $set: { passwordHash } },
    );
    if (!updated.matchedCount) throw invalidToken();
    // Other reset links sent before this one must not work afterwards.
    await this.#deps.tokens.dropAll(userId, 'password-reset');
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
    await this.#deps.tokens.dropAll(userId, 'password-reset');
    await this.#deps.endSessions(userId, sessionToken);
    await this.#deps.mailer.send({
      kind: 'passwordChanged',
      to: user.email,
      language: mailLanguageOf(user.languages),
    });
  }
}
