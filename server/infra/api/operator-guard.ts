import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';
import { findOperatorInQueryString, findOperatorKey } from './validation.ts';

/** Runs before every API route: operator-shaped keys never reach a schema or a query. */
export const operatorGuard: RequestHandler = (req, _res, next) => {
  const key = findOperatorInQueryString(req.originalUrl) ?? findOperatorKey(req.body);
  if (key) {
    return next(
      new AppError('INVALID_INPUT', 'operator-shaped input is not accepted', {
        [key]: ['not allowed'],
      }),
    );
  }
  next();
};
