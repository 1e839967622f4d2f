import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors.ts';
import { isDependencyOutage } from './outage.ts';

export interface Limiter {
  /** Counts one attempt for `key`; throws RATE_LIMITED (with seconds to wait) past the limit. */
  consume(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /**
   * With Redis away: 'per-process' (the default) counts in this process's memory meanwhile,
   * so the API keeps working with a limit per node instead of per cluster; 'unavailable'
   * refuses with UNAVAILABLE, for a limit that must hold across nodes (chat's send budget).
   */
  whenRedisDown?: 'per-process' | 'unavailable';
}

/**
 * Limits live in Redis so every node counts the same attempts; with the in-process Redis
 * fallback (one node only) they live in memory. During a Redis outage the limiter does not
 * wait for the reconnection (`rejectIfRedisNotReady`) and, by default, counts in memory
 * until Redis is back (rate-limiter-flexible's insurance limiter); Redis counts again then.
 */
export function createLimiter(redis: Redis | undefined, options: LimiterOptions): Limiter {
  const base = {
    keyPrefix: `rl:${options.keyPrefix}`,
    points: options.points,
    duration: options.durationSeconds,
  };
  const insurance =
    (options.whenRedisDown ?? 'per-process') === 'per-process'
      ? { insuranceLimiter: new RateLimiterMemory(base) }
      : {};
  const limiter = redis
    ? new RateLimiterRedis({
        ...base,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        ...insurance,
      })
    : new RateLimiterMemory(base);
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const seconds = Math.ceil(rejection.msBeforeNext / 1000);
          throw AppError.rateLimited(
            `too many attempts; try again in ${seconds} seconds`,
            rejection.msBeforeNext,
          );
        }
        // Without insurance, a Redis out of reach refuses; anything else is a bug to surface.
        if (isDependencyOutage(rejection) || /not ready/.test((rejection as Error)?.message))
          throw AppError.unavailable('the limits cannot be checked right now; try again soon');
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
