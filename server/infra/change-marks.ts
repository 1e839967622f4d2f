import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A mark per thing that changed (a group, a member), kept in Redis where every node reads
 * the same: a node that keeps a copy of something in memory notes its mark with it, reads
 * the mark again in a round trip it makes anyway, and drops the copy when the mark moved.
 * A change writes the database first, then moves the mark, and only then answers; so once
 * a change is acknowledged, every node's next read of the mark sees it moved.
 *
 * A mark is a fresh random token, never a counter: if Redis loses its data (a restart
 * without persistence) a counter would start again and could come back to a value a stale
 * copy was noted with; a token never does. A key never written reads null.
 *
 * With the in-process fallback (no Redis: one node) the marks live in this process.
 */
export interface ChangeMarks {
  /** Moves the marks of `keys`; resolves once they are moved (or failed: see `onLost`). */
  move(...keys: string[]): Promise<void>;
  /** The marks of `keys`, in one command. Rejects when Redis cannot answer. */
  read(keys: string[]): Promise<Array<string | null>>;
  /**
   * Called when marks may have moved without this node being able to see it: a move that
   * failed here, or the connection to Redis dropped (Redis may have restarted empty, or
   * missed moves meanwhile). Holders of copies drop them all.
   */
  onLost(listener: () => void): void;
}

/** The marks other features move: names shared by who moves them and who reads them. */
export const markOf = {
  /** A group's moderators and its chat's settings. */
  group: (groupId: string) => `group:${groupId}`,
  /** A member's name and roles, their memberships, their restrictions in group chats. */
  user: (userId: string) => `user:${userId}`,
};

/** For services built outside a running Haven (seeds): nothing keeps copies to drop. */
export const NO_MARKS: Pick<ChangeMarks, 'move'> = { move: async () => {} };

/** Long enough for any copy to have been dropped by age first (send-facts.ts: a minute). */
const MARK_SECONDS = 24 * 60 * 60;

const token = () => randomBytes(9).toString('base64url');

export function createChangeMarks(redis: Redis | undefined, namespace: string): ChangeMarks {
  const listeners: Array<() => void> = [];
  const lost = () => {
    for (const listener of listeners) listener();
  };
  const keyOf = (key: string) => `${namespace}:mark:${key}`;
  if (!redis) {
    const marks = new Map<string, string>();
    return {
      async move(...keys) {
        for (const key of keys) marks.set(key, token());
      },
      async read(keys) {
        return keys.map((key) => marks.get(key) ?? null);
      },
      onLost: (listener) => listeners.push(listener),
    };
  }
  redis.on('close', lost);
  return {
    async move(...keys) {
      if (keys.length === 0) return;
      try {
        const batch = redis.multi();
        for (const key of keys) batch.set(keyOf(key), token(), 'EX', MARK_SECONDS);
        const results = await batch.exec();
        if (!results || results.some(([error]) => error)) throw new Error('mark not moved');
      } catch {
        // The change is stored; other nodes may keep a copy from before it until the copy's
        // age runs out (send-facts.ts). This node drops its own now.
        lost();
      }
    },
    async read(keys) {
      // While Redis is away, a read would wait in ioredis's queue for the reconnection; the
      // callers read the database instead at once (every signed-in request passes here).
      if (redis.status !== 'ready') throw new Error('marks cannot be read: Redis is not ready');
      return redis.mget(keys.map(keyOf));
    },
    onLost: (listener) => listeners.push(listener),
  };
}
