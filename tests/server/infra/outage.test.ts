import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { isDependencyOutage } from '../../../server/infra/outage.ts';

// The driver's own classes, as mongoose re-exports them (mongodb is not a direct dependency).
const { MongoNetworkError, MongoServerError } = mongoose.mongo;

/** Which errors mean "try again soon" (UNAVAILABLE) and which are bugs (INTERNAL). */
describe('isDependencyOutage', () => {
  it('recognises MongoDB and Redis being out of reach, wrapped or not', () => {
    const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
    const outages = [
      named('MongoServerSelectionError', 'Server selection timed out after 4000 ms'),
      new MongoNetworkError('connection closed'),
      named('MongoNotConnectedError'),
      named('MongoPoolClearedError'),
      named('MongooseError', 'Operation `users.findOne()` buffering timed out after 4000ms'),
      named('MaxRetriesPerRequestError'),
      new Error('Connection is closed.'),
      new Error('Command timed out'),
      new Error('wrapped', { cause: new MongoNetworkError('reset') }),
    ];
    for (const error of outages) expect(isDependencyOutage(error), error.message).toBe(true);
  });

  it('leaves bugs and refusals to surface as INTERNAL', () => {
    const bugs = [
      new TypeError('cannot read properties of undefined'),
      new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }),
      new Error('ERR Error running script'),
      'a string',
      undefined,
    ];
    for (const error of bugs) expect(isDependencyOutage(error)).toBe(false);
  });
});
