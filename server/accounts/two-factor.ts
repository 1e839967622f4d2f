import { randomBytes } from 'node:crypto';
import { verify as verifyPassword } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { AppError } from '../infra/errors.ts';
import type { AccountModels } from './models.ts';
import { digestCode, type SecretBox, type TwoFactorModel } from './two-factor-store.ts';

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Haven';
/** One period either side: a phone's clock a little off still signs in. */
const TOLERANCE_SECONDS = 30;

/** `abcde-fghij`: 50 random bits each, in letters and digits that do not look alike. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const wrongCode = () =>
  new AppError('INVALID_INPUT', 'the code is not right', { code: ['wrong or used code'] });

export interface TwoFactorDeps {
  model: TwoFactorModel;
  accounts: AccountModels;
  box: SecretBox;
  now?: () => number;
}

/** Optional TOTP two-factor sign-in (docs/accounts.md). */
export class TwoFactor {
  readonly #deps: TwoFactorDeps;

  constructor(deps: TwoFactorDeps) {
    this.#deps = deps;
  }

  #epoch() {
    return Math.floor((this.#deps.now ?? Date.now)() / 1000);
  }

  async status(userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
    const record = await this.#deps.model.findOne({ userId }).lean();
    const enabled = Boolean(record?.secret);
    return { enabled, recoveryCodesLeft: enabled ? (record?.recoveryCodes.length ?? 0) : 0 };
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.status(userId)).enabled;
  }

  /** A new secret to enrol with; shown now, and never again once confirmed. */
  async setup(userId: string): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
    const user = await this.#deps.accounts.User.findById(userId, { email: 1 }).lean();
    if (!user) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
    if (await this.isEnabled(userId))
      throw new AppError('INVALID_TRANSITION', 'two-factor sign-in is already on');
    const secret = generateSecret();
    await this.#deps.model.updateOne(
      { userId },
      { $set: { pending: await this.#deps.box.seal(secret) } },
      { upsert: true },
    );
    const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
    const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2 });
    return { secret, otpauthUri, qrSvg };
  }

  /** A code from the enrolled app turns it on; the recovery codes are returned once. */
  async confirm(userId: string, code: string): Promise<string[]> {
    const record = await this.#deps.model.findOne({ userId }).lean();
    if (record?.secret)
      throw new AppError('INVALID_TRANSITION', 'two-factor sign-in is already on');
    if (!record?.pending) throw new AppError('INVALID_TRANSITION', 'start the set-up first');
    const step = await this.#check(await this.#deps.box.open(record.pending), code, -1);
    if (step === null) throw wrongCode();
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const { modifiedCount } = await this.#deps.model.updateOne(
      { userId, secret: null, pending: record.pending },
      {
        $set: {
          secret: record.pending,
          pending: null,
          enabledAt: new Date(),
          lastTimeStep: step,
          recoveryCodes: codes.map(digestCode),
        },
      },
    );
    if (!modifiedCount) throw new AppError('CONFLICT', 'the set-up changed meanwhile; try again');
    return codes;
  }

  /**
   * A sign-in's second step: a TOTP code not used before, or an unused recovery code
   * (which is then spent). Throws INVALID_INPUT otherwise.
   */
  async verifySignIn(userId: string, code: string): Promise<void> {
    const record = await this.#deps.model.findOne({ userId }).lean();
    if (!record?.secret) throw wrongCode();
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const step = await this.#check(
        await this.#deps.box.open(record.secret),
        trimmed,
        record.lastTimeStep,
      );
      if (step === null) throw wrongCode();
      // Only the first of two racing uses of one code moves the step on.
      const { modifiedCount } = await this.#deps.model.updateOne(
        { userId, lastTimeStep: { $lt: step } },
        { $set: { lastTimeStep: step } },
      );
      if (!modifiedCount) throw wrongCode();
      return;
    }
    const digest = digestCode(trimmed);
    const { modifiedCount } = await this.#deps.model.updateOne(
      { userId, recoveryCodes: digest },
      { $pull: { recoveryCodes: digest } },
    );
    if (!modifiedCount) throw wrongCode();
  }

  /** New recovery codes (the old ones stop working), after the password. */
  async regenerate(userId: string, password: string): Promise<string[]> {
    await this.#checkPassword(userId, password);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const { modifiedCount } = await this.#deps.model.updateOne(
      { userId, secret: { $ne: null } },
      { $set: { recoveryCodes: codes.map(digestCode) } },
    );
    if (!modifiedCount) throw new AppError('INVALID_TRANSITION', 'two-factor sign-in is off');
    return codes;
  }

  /** Off, with the password and a code (or a recovery code). */
  async disable(userId: string, password: string, code: string): Promise<void> {
    await this.#checkPassword(userId, password);
    await this.verifySignIn(userId, code);
    await this.#deps.model.deleteOne({ userId });
  }

  async erase(userId: string): Promise<void> {
    await this.#deps.model.deleteMany({ userId });
  }

  async #checkPassword(userId: string, password: string): Promise<void> {
    const user = await this.#deps.accounts.User.findById(userId, { passwordHash: 1 }).lean();
    if (!user) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
    const valid = await verifyPassword(user.passwordHash, password).catch(() => false);
    if (!valid)
      throw new AppError('INVALID_INPUT', 'the password is not right', {
        currentPassword: ['wrong password'],
      });
  }

  /** The code's time step when it is right and later than `after`; null otherwise. */
  async #check(secret: string, code: string, after: number): Promise<number | null> {
    if (!/^\d{6}$/.test(code.trim())) return null;
    const result = await verifyTotp({
      secret,
      token: code.trim(),
      epoch: this.#epoch(),
      epochTolerance: TOLERANCE_SECONDS,
      ...(after >= 0 ? { afterTimeStep: after } : {}),
    }).catch(() => ({ valid: false as const }));
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }
}
