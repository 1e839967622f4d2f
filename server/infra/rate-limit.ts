import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors.ts';

export interface Limiter {
  /** Counts one attempt for `key`; throws RATE_LIMITED (with seconds to wait) past the limit. */
  consume(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

/**
 * Limits live in Redis so every node counts the same attempts; with the in-process Redis
 * fallback (one node only) they live in memory.
 */
export function createLimiter(
  redis: Redis | undefined,
  options: { keyPrefix: string; points: number; durationSeconds: number },
): Limiter {
  const base = {
    keyPrefix: `rl:${options.keyPrefix}`,
    points: options.points,
    duration: options.durationSeconds,
  };
  const limiter = redis
    ? new RateLimiterRedis({ ...base, storeClient: redis })
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
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
