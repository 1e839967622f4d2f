import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../infra/errors.ts';
import { SESSION_COOKIE } from './sessions.ts';

export const CSRF_COOKIE = 'haven_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit, signed: the token lives in a cookie and must come back in a header. A
 * foreign site can make the browser send the cookie but cannot read it to set the header.
 * It works before anyone is signed in, so register and login are covered too.
 *
 * The token is also bound to the session cookie it is used with (OWASP's "signed double
 * submit"): `nonce.mac`, the mac an HMAC of the nonce keyed by the session token. A token
 * planted by someone who can write cookies for the site (a sibling subdomain) but cannot
 * read the httpOnly session cookie does not pass, and signing in or out gives a new one.
 */
const NO_SESSION = 'haven-no-session';
const TOKEN = /^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}$/;

const macOf = (sessionToken: string | undefined, nonce: string) =>
  createHmac('sha256', sessionToken || NO_SESSION)
    .update(nonce)
    .digest('base64url');

function boundTo(token: string, sessionToken: string | undefined): boolean {
  if (!TOKEN.test(token)) return false;
  const [nonce = '', mac = ''] = token.split('.');
  const expected = macOf(sessionToken, nonce);
  return timingSafeEqual(Buffer.from(mac), Buffer.from(expected));
}

/** The caller's token while it is still bound to their session, else a new one. */
export function issueCsrfToken(sessionToken: string | undefined, existing?: string): string {
  if (existing && boundTo(existing, sessionToken)) return existing;
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${macOf(sessionToken, nonce)}`;
}

export function csrfProtection(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookie = req.cookies?.[CSRF_COOKIE] as string | undefined;
    const header = req.get(CSRF_HEADER);
    const session = req.cookies?.[SESSION_COOKIE] as string | undefined;
    const matches =
      cookie !== undefined &&
      header !== undefined &&
      cookie.length === header.length &&
      timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
    if (!matches || !boundTo(header, session))
      return next(
        new AppError('CSRF', 'missing or wrong X-CSRF-Token header; fetch GET /api/auth/csrf'),
      );
    next();
  };
}
