import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerKeys } from './server-keys.ts';

export const DEVICE_COOKIE = 'haven_device';
/** A year: a member's own phone should not fall back to the shared lock-out soon. */
export const DEVICE_COOKIE_TTL_MS = 365 * 24 * 3600 * 1000;

const FORMAT = /^v1\.([a-f0-9]{32})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/**
 * OWASP's "device cookies": a browser that has signed in to an account carries a cookie
 * naming that account (by its email's hash), a random nonce, and an HMAC of both under a
 * server key. Such a browser is not subject to the account's lock-out, which guessers from
 * anywhere can trigger; it has its own small limit instead, keyed by the nonce.
 */
export class DeviceCookies {
  readonly #keys: ServerKeys;

  constructor(keys: ServerKeys) {
    this.#keys = keys;
  }

  async issue(account: string): Promise<string> {
    const nonce = randomBytes(16).toString('base64url');
    return `v1.${account}.${nonce}.${await this.#mac(account, nonce)}`;
  }

  /** The cookie's nonce when it is ours and names `account`; null otherwise. */
  async verify(cookie: string | undefined, account: string): Promise<string | null> {
    const parts = cookie ? FORMAT.exec(cookie) : null;
    if (!parts) return null;
    const [, named = '', nonce = '', mac = ''] = parts;
    if (named !== account) return null;
    const expected = await this.#mac(named, nonce);
    return timingSafeEqual(Buffer.from(mac), Buffer.from(expected)) ? nonce : null;
  }

  async #mac(account: string, nonce: string): Promise<string> {
    return createHmac('sha256', await this.#keys.get('device-cookies'))
      .update(`${account}.${nonce}`)
      .digest('base64url');
  }
}
