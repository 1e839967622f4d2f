import type { RequestHandler } from 'express';
import { SESSION_COOKIE, type SessionService } from './sessions.ts';

/** Resolves the session cookie into `req.user` on every API request; routes decide what it may do. */
export function sessionMiddleware(
  sessions: SessionService,
  secureCookies: boolean,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = req.cookies?.[SESSION_COOKIE] as string | undefined;
      const resolved = await sessions.resolve(token, req.get('user-agent'));
      if (resolved) {
        req.user = resolved.user;
        if (resolved.renewedUntil && token) {
          res.cookie(SESSION_COOKIE, token, {
            httpOnly: true,
            sameSite: 'lax',
            secure: secureCookies,
            path: '/',
            expires: resolved.renewedUntil,
          });
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
