/**
 * A node's chat lines go to the database together when several come close together: one
 * insert of a few lines instead of one insert each.
 *
 * Why: each insert costs the sending node about a millisecond of CPU (the driver's work for
 * one operation, and a loopback write that wakes the database) and the database about as
 * much again, whatever it carries; a line more in an insert costs a tenth of that
 * (bench:chat, and 3,000 inserts of 1 to 20 lines against the stand-in). Those milliseconds
 * are taken from the cores that carry the lines to their members, at the moment they do it.
 *
 * So a line that follows the node's previous one within HOLD_MS (a node carrying more than
 * ten lines a second, across all its groups) is held up to HOLD_MS for company, and goes
 * with whatever came meanwhile; a line after a quiet spell is written at once, with nothing
 * added. While one insert is on its way, the lines that come wait for it and go together
 * next. Only the sender's ack waits: members already see a first attempt while it is written
 * (send-claims.ts), and so does its sender, whose "Sending…" gives way to that copy
 * (client chat-state.ts); a shown line whose ack never comes is sent again after a
 * reconnect (client line-sender.ts).
 *
 * bench:chat, 2026-12-07: holding 100 ms instead of 25 (and at 20 lines a second, where
 * lines 50 ms apart were each written alone) took 0.6 ms of the database's CPU and about
 * 1.2 ms of the servers' off each line at 10,000 deliveries a second, and 0.25 ms of the
 * database's at 50,000 (the servers' within the noise); the ack's p50 went from 17 ms to 68.
 *
 * Each line keeps its own outcome: the insert is unordered, so a retry's duplicate key
 * (ChatService finds the original by it) fails that line alone and the others are stored;
 * an error that leaves it unknown what was stored fails every line of the insert, and each
 * sender retries, found out by the unique index as any retry is.
 */
const HOLD_MS = 100;
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
    const quiet = now - this.#lastAdded >= HOLD_MS;
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
