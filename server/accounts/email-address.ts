import { verify } from '@node-rs/argon2';
import { AppError } from '../infra/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailLanguageOf } from '../mail/templates.ts';
import { type EmailTokens, invalidToken } from './email-tokens.ts';
import type { AccountModels } from './models.ts';

export interface EmailAddressDeps {
  models: AccountModels;
  tokens: EmailTokens;
  mailer: Mailer;
  publicBase: () => string;
}

/** Moving an account to another address, confirmed there (sign-up's confirmation: registration.ts). */
export class EmailAddresses {
  readonly #deps: EmailAddressDeps;

  constructor(deps: EmailAddressDeps) {
    this.#deps = deps;
  }

  /**
   * A confirmation link to the new address, a notice to the old. An address that already
   * has an account gets nothing, and the answer is the same, so this tells no one who is here.
   */
  async requestChange(userId: string, newEmail: string, currentPassword: string): Promise<void> {
    const user = await this.#deps.models.User.findById(userId, {
      email: 1,
      passwordHash: 1,
      languages: 1,
    }).lean();
    if (!user) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
    const valid = await verify(user.passwordHash, currentPassword).catch(() => false);
    if (!valid)
      throw new AppError('INVALID_INPUT', 'the current password is wrong', {
        currentPassword: ['wrong password'],
      });
    if (newEmail === user.email)
      throw new AppError('INVALID_INPUT', 'this is already your address', {
        newEmail: ['unchanged'],
      });
    const language = mailLanguageOf(user.languages);
    if (!(await this.#deps.models.User.exists({ email: newEmail }))) {
      const token = await this.#deps.tokens.issue('email-change', userId, newEmail);
      await this.#deps.mailer.send({
        kind: 'emailChangeConfirm',
        to: newEmail,
        language,
        link: `${this.#deps.publicBase()}/confirm-email#token=${token}`,
      });
    }
    await this.#deps.mailer.send({ kind: 'emailChanged', to: user.email, language });
  }

  /** The link from the new address: the account moves to it, now a confirmed address. */
  async confirmChange(token: string): Promise<void> {
    const { userId, newEmail } = await this.#deps.tokens.consume('email-change', token);
    if (!newEmail) throw invalidToken();
    try {
      const updated = await this.#deps.models.User.updateOne(
        { _id: userId },
        { $set: { email: newEmail, emailVerifiedAt: new Date() } },
      );
      if (!updated.matchedCount) throw invalidToken();
    } catch (error) {
      // Someone registered the address meanwhile: the unique index decides.
      if ((error as { code?: number }).code === 11000) throw invalidToken();
      throw error;
    }
    await this.#deps.tokens.dropAll(userId, 'email-change');
    // A registration left waiting on the address can never become an account now.
    await this.#deps.models.PendingRegistration.deleteMany({ email: newEmail });
  }
}
