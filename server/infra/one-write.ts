import type { Redis } from 'ioredis';

/**
 * Runs `issue` with the Redis connection's socket corked, so that the commands it sends
 * leave in one write, and their replies come back in one.
 *
 * Why: a chat line's checks are three commands (its sender's limit, its first-attempt
 * claim, the marks its kept facts hang on), sent in one tick but, uncorked, in three
 * writes. On a busy machine each write that wakes Redis costs the sender a few hundred
 * microseconds of CPU, and Redis a wake-up of its own (bench:chat's profile). ioredis's
 * auto-pipelining would do this for every command, but it made commands still queued at
 * shutdown reject unhandled (docs/chat.md); this holds only what `issue` sends, synchronously.
 *
 * Commands issued while the client is not connected go to ioredis's offline queue, not the
 * socket: nothing is corked then.
 */
export function inOneWrite<T>(redis: Redis | undefined, issue: () => T): T {
  const stream = redis?.status === 'ready' ? redis.stream : undefined;
  stream?.cork();
  try {
    return issue();
  } finally {
    stream?.uncork();
  }
}
