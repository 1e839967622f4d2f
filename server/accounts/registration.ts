import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import type { OwnUser, registerBody } from '../../shared/api/accounts.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailLanguageOf } from '../mail/templates.ts';
import { type EmailTokens, invalidToken } from './email-tokens.ts';
import { type AccountModels, PENDING_REGISTRATION_TTL_MS } from './models.ts';
import { ARGON2 } from './password-hash.ts';
import { toOwnUser } from './service.ts';
import type { SessionService } from './sessions.ts';
import { refuseStaffLookalike } from './staff-names.ts';

export interface RegistrationDeps {
  models: AccountModels;
  tokens: EmailTokens;
  mailer: Mailer;
  sessions: SessionService;
  /** The site's address for links in emails, without a trailing slash. */
  publicBase: () => string;
  now?: () => number;
}

type RegisterInput = z.infer<typeof registerBody>;

/**
 * Signing up by email (docs/accounts.md): a registration is answered the same whether or
 * not its address has an account, and becomes an account only when the link mailed to that
 * address is opened, which also signs the member in on that browser.
 */
export class Registrations {
  readonly #deps: RegistrationDeps;
  readonly #now: () => number;

  constructor(deps: RegistrationDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Both branches do the same work (the password hashed, the pending registration written,
   * one mail queued) so neither the answer nor its time tells whether the address is known.
   * The address's owner gets a notice; a new address gets the confirmation link.
   */
  async register(input: RegisterInput): Promise<void> {
    const { models } = this.#deps;
    await refuseStaffLookalike(models, input.displayName);
    const passwordHash = await hash(input.password, ARGON2);
    const account = await models.User.findOne({ email: input.email }, { languages: 1 }).lean();
    const pending = await this.#savePending(input, passwordHash);
    // A previous registration's links die with it: nobody could sign in with its password.
    await this.#deps.tokens.dropAll(String(pending._id), 'verify-email');
    if (account) {
      await this.#deps.mailer.send({
        kind: 'registerAttempt',
        to: input.email,
        language: mailLanguageOf(account.languages),
      });
      return;
    }
    await this.#sendLink(String(pending._id), input.email, pending.uiLanguage ?? undefined);
  }

  /**
   * "Send the link again": a fresh link for a registration still waiting; the owner of an
   * address that has an account hears again that someone tried to register with it. Every
   * address gets the same answer from the route.
   */
  async resend(email: string): Promise<void> {
    const { models } = this.#deps;
    const pending = await models.PendingRegistration.findOne({
      email,
      expiresAt: { $gt: new Date(this.#now()) },
    }).lean();
    if (!pending) return;
    const account = await models.User.findOne({ email }, { languages: 1 }).lean();
    if (account) {
      await this.#deps.mailer.send({
        kind: 'registerAttempt',
        to: email,
        language: mailLanguageOf(account.languages),
      });
      return;
    }
    await this.#deps.tokens.dropAll(String(pending._id), 'verify-email');
    await this.#sendLink(String(pending._id), email, pending.uiLanguage ?? undefined);
  }

  /** The link from the email: the account is made (its address confirmed) and signed in. */
  async confirm(token: string): Promise<{ user: OwnUser; sessionToken: string }> {
    const { models } = this.#deps;
    const { userId } = await this.#deps.tokens.consume('verify-email', token);
    const pending = await models.PendingRegistration.findOneAndDelete({ _id: userId }).lean();
    if (pending && pending.expiresAt.getTime() > this.#now()) {
      try {
        await models.User.create({
          _id: pending._id,
          email: pending.email,
          passwordHash: pending.passwordHash,
          displayName: pending.displayName,
          roles: ['participant'],
          emailVerifiedAt: new Date(this.#now()),
          ...(pending.uiLanguage ? { uiLanguage: pending.uiLanguage } : {}),
        });
      } catch (error) {
        // The address got an account meanwhile (an email change moved one to it).
        if ((error as { code?: number }).code === 11000) throw invalidToken();
        throw error;
      }
    } else {
      // A link mailed to an existing account before sign-up needed it: it only confirms.
      const updated = await models.User.updateOne(
        { _id: userId },
        { $set: { emailVerifiedAt: new Date(this.#now()) } },
      );
      if (!updated.matchedCount) throw invalidToken();
    }
    const user = await models.User.findById(userId).lean();
    if (!user) throw invalidToken();
    const { token: sessionToken } = await this.#deps.sessions.create(userId);
    return { user: toOwnUser(user as Parameters<typeof toOwnUser>[0]), sessionToken };
  }

  /** One pending registration per address: a new one replaces its name and password. */
  async #savePending(input: RegisterInput, passwordHash: string) {
    const { PendingRegistration } = this.#deps.models;
    const fields = {
      passwordHash,
      displayName: input.displayName,
      expiresAt: new Date(this.#now() + PENDING_REGISTRATION_TTL_MS),
      ...(input.uiLanguage ? { uiLanguage: input.uiLanguage } : {}),
    };
    const upsert = () =>
      PendingRegistration.findOneAndUpdate(
        { email: input.email },
        { $set: fields, ...(input.uiLanguage ? {} : { $unset: { uiLanguage: 1 } }) },
        { upsert: true, returnDocument: 'after' },
      ).lean();
    // Two registrations racing for one new address: the unique index lets one insert, and
    // the other then finds it and replaces it.
    const saved = await upsert().catch((error: { code?: number }) => {
      if (error.code === 11000) return upsert();
      throw error;
    });
    if (!saved) throw new Error('the pending registration was not saved');
    return saved;
  }

  async #sendLink(pendingId: string, email: string, uiLanguage: string | undefined) {
    const token = await this.#deps.tokens.issue('verify-email', pendingId);
    await this.#deps.mailer.send({
      kind: 'verifyEmail',
      to: email,
      language: mailLanguageOf(uiLanguage ? [uiLanguage] : []),
      link: `${this.#deps.publicBase()}/verify-email#token=${token}`,
    });
  }
}
