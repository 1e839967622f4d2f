import { QUIET_MS } from './line-batches.ts';

/**
 * A node's chat lines go to the database together when several come close together: one
 * insert of a few lines instead of one insert each.
 *
 * Why: each insert costs the sending node about a millisecond of CPU (the driver's work for
 * one operation, and a loopback write that wakes the database) and the database about half
 * as much again, whatever it carries; at a hundred lines a second that is a tenth of a core
 * on each side, on the cores that carry the lines to their members (bench:chat, where the
 * inserts were most of what Haven did beyond a bare broadcast at 50,000 deliveries a second).
 *
 * So a line that follows the node's previous one within QUIET_MS (the same spell as its
 * delivery's batching, line-batches.ts) is held up to HOLD_MS for company, and goes with whatever came meanwhile; a line
 * after a quiet spell is written at once, with nothing added. While one insert is on its way,
 * the lines that come wait for it and go together next. Only the sender's ack waits: members
 * already see a first attempt while it is written (send-claims.ts), and 25 ms on one's own
 * line's "sending" mark is well under what a person notices.
 *
 * Each line keeps its own outcome: the insert is unordered, so a retry's duplicate key
 * (ChatService finds the original by it) fails that line alone and the others are stored;
 * an error that leaves it unknown what was stored fails every line of the insert, and each
 * sender retries, found out by the unique index as any retry is.
 */
const HOLD_MS = 25;
/** Lines in one insert at most: a burst is written in slices, each well under a frame's size. */
const MAX_LINES = 100;

/** Writes `docs` in one go; per doc, null when stored or the error that kept it out. */
export type WriteMany<T> = (docs: T[]) => Promise<Array<Error | null>>;

interface Waiting<T> {
  doc: T;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class LineWrites<T> {
  readonly #writeMany: WriteMany<T>;
  readonly #now: () => number;
  #waiting: Array<Waiting<T>> = [];
  #lastAdded = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;
  #inFlight = false;

  constructor(writeMany: WriteMany<T>, now = () => performance.now()) {
    this.#writeMany = writeMany;
    this.#now = now;
  }

  /** Settles when `doc` is stored (or refused): the caller's ack may go then, not before. */
  write(doc: T): Promise<void> {
    const now = this.#now();
    const quiet = now - this.#lastAdded >= QUIET_MS;
    this.#lastAdded = now;
    const stored = new Promise<void>((resolve, reject) => {
      this.#waiting.push({ doc, resolve, reject });
    });
    if (this.#inFlight) return stored;
    if (quiet && !this.#timer) this.#flush();
    else if (this.#waiting.length >= MAX_LINES) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), HOLD_MS);
    return stored;
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#waiting.splice(0, MAX_LINES);
    if (batch.length === 0) return;
    this.#inFlight = true;
    this.#writeMany(batch.map((w) => w.doc))
      .then(
        (outcomes) => {
          batch.forEach((w, i) => {
            const error = outcomes[i];
            if (error) w.reject(error);
            else w.resolve();
          });
        },
        (error: Error) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        this.#inFlight = false;
        // What came meanwhile has waited as long as a hold already.
        if (this.#waiting.length > 0) this.#flush();
      });
  }
}

interface WriteError {
  index: number;
  code?: number;
  errmsg?: string;
}

/**
 * An unordered `insertMany` into a MongoDB collection, each document's outcome on its own
 * (a MongoBulkWriteError lists the ones refused, by index; the rest were stored).
 */
export function insertEach<T extends object>(collection: {
  insertMany(docs: T[], options: { ordered: false }): Promise<unknown>;
}): WriteMany<T> {
  return async (docs) => {
    try {
      await collection.insertMany(docs, { ordered: false });
      return docs.map(() => null);
    } catch (error) {
      const raw = (error as { writeErrors?: WriteError | WriteError[] }).writeErrors;
      const listed = Array.isArray(raw) ? raw : raw ? [raw] : [];
      // No per-document errors (the connection, a write concern): nothing can be said of any.
      if (listed.length === 0 || (error as { writeConcernError?: unknown }).writeConcernError)
        throw error;
      const outcomes: Array<Error | null> = docs.map(() => null);
      for (const w of listed)
        outcomes[w.index] = Object.assign(new Error(w.errmsg ?? 'write refused'), {
          code: w.code,
        });
      return outcomes;
    }
  };
}
