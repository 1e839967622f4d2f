import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { ServerKeys } from './server-keys.ts';

/**
 * A member's two-factor sign-in, beside the account rather than in it, so nothing that
 * reads a member (profiles, searches) can carry it by mistake. The TOTP secret is sealed
 * (AES-256-GCM under a server key); recovery codes are kept as SHA-256 digests only.
 */
const twoFactorSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, required: true, unique: true },
  /** The sealed secret once a code confirmed it; null while only `pending` is set. */
  secret: { type: String, default: null },
  /** The sealed secret shown for enrolment, not yet confirmed by a code. */
  pending: { type: String, default: null },
  enabledAt: { type: Date, default: null },
  /** The last TOTP time step accepted: a code from it or before is refused (replay). */
  lastTimeStep: { type: Number, default: -1 },
  recoveryCodes: { type: [String], default: [] },
});

export interface TwoFactorRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  secret: string | null;
  pending: string | null;
  enabledAt: Date | null;
  lastTimeStep: number;
  recoveryCodes: string[];
}

export type TwoFactorModel = Model<TwoFactorRecord>;

export function twoFactorModel(connection: Connection): TwoFactorModel {
  return (connection.models.TwoFactor ??
    connection.model('TwoFactor', twoFactorSchema, 'twofactors')) as TwoFactorModel;
}

export const digestCode = (code: string) =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');

/** Seals and opens TOTP secrets. */
export class SecretBox {
  readonly #keys: ServerKeys;

  constructor(keys: ServerKeys) {
    this.#keys = keys;
  }

  async seal(secret: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.#keys.get('two-factor'), iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
  }

  async open(sealed: string): Promise<string> {
    const [iv = '', tag = '', body = ''] = sealed.split('.');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      await this.#keys.get('two-factor'),
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}
