import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from './errors.ts';

/** The largest JSON body any route takes (express.json's limit in app.ts). */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * A request that declares a body larger than Haven would read is refused before any of it
 * arrives, and its connection closed: otherwise the server answers, then waits for bytes it
 * will never use while the sender trickles them (or never sends them). Routes that stream a
 * large body themselves (`large`, e.g. a trainer's video upload with its own cap) are let
 * through; express.json still counts what a chunked body without a length really sends.
 */
export function declaredSizeGuard(large: (path: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.get('content-length') ?? 0);
    if (!(declared > JSON_BODY_LIMIT_BYTES) || large(req.path)) return next();
    res.set('Connection', 'close');
    next(new AppError('PAYLOAD_TOO_LARGE', 'the body is larger than this route accepts'));
  };
}

/**
 * Time limits on slow requests: the headers within 15 s (slow-header attacks), the whole
 * request within 5 minutes (a 500 MB training video on a slow line still fits; a proxy in
 * front should have its own). Node's defaults are 60 s and 300 s; named here so they are
 * a decision, not an accident.
 */
export function limitSlowRequests(server: Server): void {
  server.headersTimeout = 15_000;
  server.requestTimeout = 300_000;
}
