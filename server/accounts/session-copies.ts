import type { Types } from 'mongoose';
import { type ChangeMarks, markOf } from '../infra/change-marks.ts';
import { MarkedCopies } from '../infra/marked-copies.ts';
import type { SessionMember, StoredSession } from './sessions.ts';

/**
 * The sessions a node resolved, kept so that a signed-in request reads one mark in Redis
 * instead of the session and its member in the database (two round trips to the database
 * were most of what signing in added to a request: bench:data:cpu).
 *
 * Each copy is noted with its member's mark (change-marks.ts) as read before the database
 * was; the mark is read again on every request, and a copy whose mark moved is read afresh.
 * Every change a copy holds moves that mark before it is acknowledged: roles, partner link
 * and time zone (accounts), and every session ended (sessions.ts: sign-out, the others,
 * one by name, the account deleted). So a change acknowledged on any node holds for the
 * next request on every node. A copy also lives at most MAX_AGE_MS, the bound for a change
 * made outside Haven or a mark a node could not move, and every copy goes when this node's
 * connection to Redis drops or a mark cannot be read. Expiry needs no mark: each node
 * compares the copy's own expiry with its clock.
 */

export interface SessionRead {
  session(id: string): Promise<StoredSession | null>;
  member(userId: Types.ObjectId): Promise<SessionMember | null>;
}

export interface SessionFound {
  session: StoredSession;
  /** Null once the account is gone. */
  member: SessionMember | null;
}

/** A few hundred bytes each: 10,000 sessions are a few MB. */
const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 60_000;

export class SessionCopies {
  readonly #marks: Pick<ChangeMarks, 'read' | 'onLost'>;
  readonly #read: SessionRead;
  readonly #copies: MarkedCopies<SessionFound>;

  constructor(marks: Pick<ChangeMarks, 'read' | 'onLost'>, read: SessionRead, now: () => number) {
    this.#marks = marks;
    this.#read = read;
    this.#copies = new MarkedCopies(marks, { maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS, now });
  }

  /** The session stored under `id` (a digest) and its member; null when there is none. */
  async of(id: string): Promise<SessionFound | null> {
    const epoch = this.#copies.epoch;
    let userId = this.#copies.peek(id)?.session.userId;
    if (!userId) {
      const session = await this.#read.session(id);
      if (!session) return null;
      userId = session.userId;
    }
    let mark: string | null;
    try {
      [mark = null] = await this.#marks.read([markOf.user(String(userId))]);
    } catch {
      // Redis cannot say what changed: nothing kept is trusted, and this request reads the
      // database as it would without copies.
      this.#copies.clear();
      return this.#fresh(id, userId);
    }
    const kept = this.#copies.get(id, mark, epoch);
    if (kept) return kept;
    // Read after the mark came back: a change the database holds too late for this read
    // moved the mark after it was read, so the next request sees it moved.
    const at = this.#copies.now();
    const found = await this.#fresh(id, userId);
    if (found?.member) this.#copies.keep(id, found, mark, at, epoch);
    return found;
  }

  /** The session and its member, read together; null when the session is gone or moved. */
  async #fresh(id: string, userId: Types.ObjectId): Promise<SessionFound | null> {
    const [session, member] = await Promise.all([
      this.#read.session(id),
      this.#read.member(userId),
    ]);
    if (!session || String(session.userId) !== String(userId)) return null;
    return { session, member };
  }

  drop(id: string): void {
    this.#copies.drop(id);
  }
}
