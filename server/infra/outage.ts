import { AppError } from './errors.ts';

/**
 * Whether an error means a dependency is out of reach (MongoDB or Redis down, restarting or
 * unreachable) rather than a bug: those answer UNAVAILABLE with a wait, never INTERNAL.
 * Matched by the drivers' error names and messages, as they throw them across versions.
 */
const MONGO_UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

const REDIS_UNREACHABLE = new Set(['MaxRetriesPerRequestError']);

const UNREACHABLE_MESSAGES = [
  // mongoose, with the connection down: "Operation `users.findOne()` buffering timed out after …"
  /buffering timed out/,
  // ioredis: a command sent as the connection drops, without offline queue, or unanswered
  /^Connection is closed\.?$/,
  /enableOfflineQueue options is false/,
  /^Command timed out$/,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE/,
];

export function isDependencyOutage(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (MONGO_UNREACHABLE.has(error.name) || REDIS_UNREACHABLE.has(error.name)) return true;
  if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // The driver labels errors a retry may cure once the server is back.
  const labels = (error as { errorLabelSet?: Set<string> }).errorLabelSet;
  if (labels?.has('ResetPool') || labels?.has('PoolRequestedRetry')) return true;
  return isDependencyOutage((error as { cause?: unknown }).cause, depth + 1);
}

/** The UNAVAILABLE an outage answers with; its message names no dependency detail. */
export function outageError(): AppError {
  return AppError.unavailable('a service Haven depends on is unreachable; try again soon');
}
