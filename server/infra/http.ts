import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from './errors.ts';
import { type Logger, scrubbedMessage } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { isDependencyOutage, outageError } from './outage.ts';

/** Labels use the matched route pattern, never the raw path, so ids do not explode the series. */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ route });
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('NOT_FOUND', 'no such resource'));
};

function isClientError(error: unknown): error is { status: number; type?: string } {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The one error shape: `{ error: { code, message, fields? } }`; internals never leak. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error?.type === 'entity.parse.failed')
      appError = new AppError('INVALID_INPUT', 'the body is not valid JSON');
    else if (error?.type === 'entity.too.large')
      appError = new AppError('PAYLOAD_TOO_LARGE', 'the body is too large');
    else if (isClientError(error)) {
      // A malformed path or an unsupported encoding: the request's fault. Log the kind of
      // error only; its message may quote what was sent.
      logger.info({ type: error.type ?? 'client-error', status: error.status }, 'request refused');
      appError =
        error.status === 404
          ? new AppError('NOT_FOUND', 'no such resource')
          : new AppError('INVALID_INPUT', 'the request could not be read');
    } else if (isDependencyOutage(error)) {
      // MongoDB or Redis away: expected to pass, so a warning with the kind of error only.
      logger.warn({ name: error?.name, method: req.method, route: req.route?.path }, 'outage');
      appError = outageError();
    } else {
      logger.error(
        {
          err: scrubbedMessage(error),
          name: error?.name,
          method: req.method,
          route: req.route?.path,
        },
        'request failed',
      );
      appError = new AppError('INTERNAL', 'something went wrong on the server');
    }
    appError.withDefaultWait();
    if (appError.retryAfter !== undefined) res.set('Retry-After', String(appError.retryAfter));
    res.status(appError.status).json(appError.toBody());
  };
}
