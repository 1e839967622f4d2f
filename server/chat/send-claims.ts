import type { Redis } from 'ioredis';
import type { ChatMessage } from '../../shared/chat/schemas.ts';

/**
 * Which sends are a line's first attempt, so its members see it while it is being written.
 *
 * Writing a line waits for the database's disk (the stand-in acknowledges after fdatasync,
 * about 4 ms here), and showing it only afterwards made Haven's delivery half as slow again
 * as a bare broadcast (README, bench:chat). A first attempt is shown as soon as its checks
 * pass, beside the write; the sender's ack still waits for the write, so nothing
 * acknowledged is lost. A retry (the ack was lost, or the write failed) must not be shown a
 * second time under a new id, so the first attempt claims its (sender, group, clientId) in
 * Redis, shared by every node; a send whose claim is taken is shown only once it is stored.
 * If the write fails after all, its members are told to take the line back (ChatService.send).
 *
 * A claim outlives any retry a client makes (it keeps a failed line a day at most, and the
 * unique index is the real guard; this only decides when to show). With the in-process
 * Redis fallback there is one node, and the claims live in its memory.
 */
export interface SendClaims {
  /** True for the first attempt of this line; false for a retry, or when Redis cannot say. */
  claim(senderId: string, groupId: string, clientId: string): Promise<boolean>;
}

const CLAIM_SECONDS = 24 * 60 * 60;

export function createSendClaims(redis: Redis | undefined, namespace: string): SendClaims {
  const keyOf = (senderId: string, groupId: string, clientId: string) =>
    `${namespace}:chat-claim:${senderId}:${groupId}:${clientId}`;
  if (redis)
    return {
      async claim(senderId, groupId, clientId) {
        try {
          const set = await redis.set(
            keyOf(senderId, groupId, clientId),
            '1',
            'EX',
            CLAIM_SECONDS,
            'NX',
          );
          return set === 'OK';
        } catch {
          // Not knowing is safe: the line is shown once stored, as a retry's would be.
          return false;
        }
      },
    };
  const claims = new Map<string, number>();
  return {
    async claim(senderId, groupId, clientId) {
      const now = Date.now();
      if (claims.size > 100_000)
        for (const [key, until] of claims) if (until < now) claims.delete(key);
      const key = keyOf(senderId, groupId, clientId);
      if ((claims.get(key) ?? 0) > now) return false;
      claims.set(key, now + CLAIM_SECONDS * 1000);
      return true;
    },
  };
}

/** How a group line is shown while it is written, and taken back if the write fails. */
export interface EarlyDelivery {
  /** Whether this is the line's first attempt (above). */
  claimed: Promise<boolean>;
  show(message: ChatMessage): void;
  withdraw(message: ChatMessage): void;
}

/** A line to send, as `chat:send` carries it. */
export interface SendInput {
  groupId: string;
  clientId: string;
  text: string;
  replyTo?: string | undefined;
  mentions?: string[] | undefined;
}
