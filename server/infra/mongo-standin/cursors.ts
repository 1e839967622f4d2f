import { calculateObjectSize, Long } from 'bson';
import type { Doc } from './types.ts';

/** mongod's default first batch and its cap on one reply's documents. */
export const DEFAULT_FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  id: number;
  ns: string;
  docs: Doc[];
  pos: number;
  /** Applied lazily per batch so unread results are never projected. */
  transform: ((doc: Doc) => Doc) | null;
  lastUsed: number;
  noTimeout: boolean;
}

export interface Batch {
  docs: Doc[];
  /** 0 once the results are exhausted (and the cursor is gone). */
  cursorId: number;
}

export function cursorReply(ns: string, batch: Batch, field: 'firstBatch' | 'nextBatch'): Doc {
  return { cursor: { [field]: batch.docs, id: Long.fromNumber(batch.cursorId), ns } };
}

/**
 * Server-side cursors over materialised result arrays. Results hold references to immutable
 * stored documents, so later writes do not disturb an open cursor.
 */
export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000);
    this.sweeper.unref();
  }

  get size(): number {
    return this.cursors.size;
  }

  /** Returns the first batch; registers a cursor only if results remain. */
  open(
    ns: string,
    docs: Doc[],
    opts: {
      batchSize?: number;
      singleBatch?: boolean;
      transform?: (d: Doc) => Doc;
      noTimeout?: boolean;
    },
  ): Batch {
    const cursor: OpenCursor = {
      id: 0,
      ns,
      docs,
      pos: 0,
      transform: opts.transform ?? null,
      lastUsed: Date.now(),
      noTimeout: opts.noTimeout === true,
    };
    const batch = this.take(cursor, opts.batchSize ?? DEFAULT_FIRST_BATCH);
    if (opts.singleBatch || cursor.pos >= docs.length) return { docs: batch, cursorId: 0 };
    cursor.id = this.newId();
    this.cursors.set(cursor.id, cursor);
    return { docs: batch, cursorId: cursor.id };
  }

  /** Next batch, or null if the id is unknown (expired, killed or never existed). */
  getMore(id: number, ns: string, batchSize?: number): Batch | null {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.ns !== ns) return null;
    cursor.lastUsed = Date.now();
    const docs = this.take(
      cursor,
      batchSize && batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY,
    );
    if (cursor.pos >= cursor.docs.length) {
      this.cursors.delete(id);
      return { docs, cursorId: 0 };
    }
    return { docs, cursorId: id };
  }

  kill(id: number): boolean {
    return this.cursors.delete(id);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }

  sweep(now: number): number {
    let removed = 0;
    for (const [id, c] of this.cursors) {
      if (!c.noTimeout && now - c.lastUsed > IDLE_TIMEOUT_MS) {
        this.cursors.delete(id);
        removed++;
      }
    }
    return removed;
  }

  private take(cursor: OpenCursor, batchSize: number): Doc[] {
    const out: Doc[] = [];
    let bytes = 0;
    while (cursor.pos < cursor.docs.length && out.length < batchSize) {
      const raw = cursor.docs[cursor.pos] as Doc;
      const doc = cursor.transform ? cursor.transform(raw) : raw;
      const size = calculateObjectSize(doc);
      if (out.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
      out.push(doc);
      bytes += size;
      cursor.pos++;
    }
    return out;
  }

  private newId(): number {
    // Positive, below 2^53 so it survives the driver's Long <-> number promotion unchanged.
    for (;;) {
      const id = Math.floor(Math.random() * (2 ** 53 - 2)) + 1;
      if (!this.cursors.has(id)) return id;
    }
  }
}
