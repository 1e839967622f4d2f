import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerKeys } from './server-keys.ts';

export const PENDING_LOGIN_COOKIE = 'haven_pending_login';
/** Five minutes to open the app and type a code. */
export const PENDING_LOGIN_TTL_MS = 5 * 60 * 1000;

const FORMAT = /^([a-f0-9]{24})\.([a-f0-9]{32})\.(\d{10,13})\.([A-Za-z0-9_-]{43})$/;

/**
 * Between a right password and the second step: a signed, short-lived cookie naming the
 * member (and the account key the device cookie will be bound to). It is no session: it
 * opens nothing but the code step, which has its own limit per member.
 */
export class PendingLogins {
  readonly #keys: ServerKeys;
  readonly #now: () => number;

  constructor(keys: ServerKeys, now: () => number = Date.now) {
    this.#keys = keys;
    this.#now = now;
  }

  async issue(userId: string, account: string): Promise<string> {
    const body = `${userId}.${account}.${this.#now() + PENDING_LOGIN_TTL_MS}`;
    return `${body}.${await this.#mac(body)}`;
  }

  async read(cookie: string | undefined): Promise<{ userId: string; account: string } | null> {
    const parts = cookie ? FORMAT.exec(cookie) : null;
    if (!parts) return null;
    const [, userId = '', account = '', expires = '', mac = ''] = parts;
    const expected = await this.#mac(`${userId}.${account}.${expires}`);
    if (!timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
    if (Number(expires) <= this.#now()) return null;
    return { userId, account };
  }

  async #mac(body: string): Promise<string> {
    return createHmac('sha256', await this.#keys.get('pending-login'))
      .update(body)
      .digest('base64url');
  }
}
