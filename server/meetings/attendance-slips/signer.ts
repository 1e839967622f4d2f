import { createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import {
  SLIP_KEY_ID_LENGTH,
  SLIP_SIGNATURE_LENGTH,
  SLIP_SIGNING_CONTEXT,
  SLIP_VERSION,
  type SlipRequest,
  type SlipStatement,
  slipRequestSchema,
  slipStatementSchema,
  slipStringSchema,
  type VerifySlipResponse,
} from '../../../shared/api/attendance.ts';
import { fieldsOf } from '../../infra/api/validation.ts';
import { AppError } from '../../infra/errors.ts';
import { ephemeralSlipKeys, type SlipKeys } from './keys.ts';

/** ATTENDANCE_SLIP_MIN_MINUTES's default. */
export const DEFAULT_SLIP_MIN_MINUTES = 30;

export interface SlipSignerOptions {
  /** Fewer minutes than this and no slip is signed. */
  minMinutes?: number;
  now?: () => Date;
}

/** Whole minutes attended: a slip never rounds up. */
export function attendedMinutes(attendedMs: number): number {
  return Math.max(0, Math.floor(attendedMs / 60_000));
}

/** What the live room asks before offering the slip form. */
export function canRequestSlip(attendedMs: number, minMinutes: number): boolean {
  return attendedMinutes(attendedMs) >= minMinutes;
}

/** YYYY-MM-DD of an instant in the meeting's zone (en-CA formats dates that way). */
export function meetingLocalDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

const message = (signedPart: string) => Buffer.from(`${SLIP_SIGNING_CONTEXT}${signedPart}`, 'utf8');

/**
 * Signs and checks attendance slips. It keeps nothing: no slip, id or name outlives the
 * call, and it logs nothing (it has no logger on purpose).
 */
export class SlipSigner {
  readonly minMinutes: number;
  readonly #keys: SlipKeys;
  readonly #now: () => Date;

  constructor(keys: SlipKeys, options: SlipSignerOptions = {}) {
    this.#keys = keys;
    this.minMinutes = options.minMinutes ?? DEFAULT_SLIP_MIN_MINUTES;
    this.#now = options.now ?? (() => new Date());
  }

  static ephemeral(options: SlipSignerOptions = {}): SlipSigner {
    return new SlipSigner(ephemeralSlipKeys(), options);
  }

  get keyId(): string {
    return this.#keys.keyId;
  }

  get keySource(): SlipKeys['source'] {
    return this.#keys.source;
  }

  /** The signing key's public half (SPKI PEM), for verifying offline. */
  publicKeyPem(): string {
    return createPublicKey(this.#keys.privateKey)
      .export({ type: 'spki', format: 'pem' })
      .toString();
  }

  /** A signed slip string; INVALID_INPUT for a bad request, FORBIDDEN under the minimum minutes. */
  issue(request: SlipRequest): string {
    const parsed = slipRequestSchema.safeParse(request);
    if (!parsed.success)
      throw new AppError('INVALID_INPUT', 'invalid slip request', fieldsOf(parsed.error));
    const input = parsed.data;
    if (input.minutes < this.minMinutes)
      throw new AppError('FORBIDDEN', `a slip needs at least ${this.minMinutes} minutes`);
    // Fields in the schema's order; the signature covers these exact bytes, so verifiers
    // never need to canonicalise JSON.
    const statement: SlipStatement = {
      v: SLIP_VERSION,
      meetingTitle: input.meetingTitle,
      meetingType: input.meetingType,
      date: input.date,
      minutes: input.minutes,
      name: input.name,
      issuedAt: this.#now().toISOString(),
      id: randomBytes(16).toString('base64url'),
    };
    const payload = Buffer.from(JSON.stringify(statement), 'utf8').toString('base64url');
    const signedPart = `${this.#keys.keyId}.${payload}`;
    const signature = sign(null, message(signedPart), this.#keys.privateKey);
    const slip = `${signedPart}.${signature.toString('base64url')}`;
    // The bound is on the slip; a request that fits the schema always fits it, but say so.
    if (!slipStringSchema.safeParse(slip).success)
      throw new AppError('INVALID_INPUT', 'the slip would be too long');
    return slip;
  }

  /**
   * Checks a slip of the right shape (the route refuses anything else as INVALID_INPUT):
   * 'format' when its parts are not what a slip holds, 'key' when no key we know of
   * signed it (another server, or a key rotated out), 'signature' when it was changed.
   */
  verify(slip: string): VerifySlipResponse {
    const parts = slip.split('.');
    if (parts.length !== 3) return { valid: false, reason: 'format' };
    const [keyId, payload, signatureText] = parts as [string, string, string];
    if (keyId.length !== SLIP_KEY_ID_LENGTH || signatureText.length !== SLIP_SIGNATURE_LENGTH)
      return { valid: false, reason: 'format' };
    const publicKey = this.#keys.publicKeys.get(keyId);
    if (!publicKey) return { valid: false, reason: 'key' };
    const signature = Buffer.from(signatureText, 'base64url');
    if (!verify(null, message(`${keyId}.${payload}`), publicKey, signature))
      return { valid: false, reason: 'signature' };
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { valid: false, reason: 'format' };
    }
    // Signed by us yet not a statement this version reads (a future version, say).
    const statement = slipStatementSchema.safeParse(decoded);
    if (!statement.success) return { valid: false, reason: 'format' };
    return { valid: true, statement: statement.data };
  }
}
