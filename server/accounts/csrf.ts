import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../infra/errors.ts';

export const CSRF_COOKIE = 'haven_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit: the token lives in a cookie and must come back in a header. A foreign
 * site can make the browser send the cookie but cannot read it to set the header. It
 * works before anyone is signed in, so register and login are covered too.
 */
export function issueCsrfToken(existing: string | undefined): string {
  return existing && /^[A-Za-z0-9_-]{43}$/.test(existing)
    ? existing
    : randomBytes(32).toString('base64url');
}

export function csrfProtection(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookie = req.cookies?.[CSRF_COOKIE] as string | undefined;
    const header = req.get(CSRF_HEADER);
    if (!cookie || !header || cookie.length !== header.length) {
      return next(
        new AppError('CSRF', 'missing or wrong X-CSRF-Token header; fetch GET /api/auth/csrf'),
      );
    }
    if (!timingSafeEqual(Buffer.from(cookie), Buffer.from(header))) {
      return next(
        new AppError('CSRF', 'missing or wrong X-CSRF-Token header; fetch GET /api/auth/csrf'),
      );
    }
    next();
  };
}
