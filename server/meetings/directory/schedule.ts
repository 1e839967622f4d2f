import type { Types } from 'mongoose';
import type { Recurrence } from '../../../shared/api/directory.ts';
import type { DirectoryModels } from './models.ts';
import { nextOccurrence } from './recurrence.ts';

/**
 * Each meeting stores its current-or-next occurrence (`nextStart`, `nextEnd`), so the
 * directory can sort and page by an index instead of computing every meeting's next date on
 * every request. The stored occurrence stays right until it ends (an occurrence in progress is
 * still the one shown), so "stale" is exactly `nextEnd <= now`: an indexed range that holds
 * only the meetings whose occurrence ended since the last pass. Over: both null.
 */

export interface StoredSchedule {
  nextStart: Date | null;
  nextEnd: Date | null;
}

export function scheduleOf(rec: Recurrence, durationMinutes: number, at: number): StoredSchedule {
  const next = nextOccurrence(rec, durationMinutes, at);
  return next
    ? { nextStart: new Date(next.start), nextEnd: new Date(next.end) }
    : { nextStart: null, nextEnd: null };
}

type Due = { _id: Types.ObjectId; recurrence: Recurrence; durationMinutes: number } & {
  nextEnd?: Date | null;
};

/** Batches keep one pass from holding a long list in memory after a long downtime. */
const BATCH = 500;

/**
 * Moves every meeting whose stored occurrence has ended on to its next one (`at` is the
 * clock). `includeUnset` also fills meetings stored before these fields existed (the start-up
 * migration; a scan, so only then). Returns how many meetings were written.
 */
export async function advanceSchedules(
  models: DirectoryModels,
  at: number,
  options: { includeUnset?: boolean } = {},
): Promise<number> {
  const due: Record<string, unknown> = options.includeUnset
    ? { $or: [{ nextEnd: { $lte: new Date(at) } }, { nextEnd: { $exists: false } }] }
    : { nextEnd: { $lte: new Date(at) } };
  let written = 0;
  for (;;) {
    const batch = await models.Meeting.find(due, {
      recurrence: 1,
      durationMinutes: 1,
      nextEnd: 1,
    })
      .limit(BATCH)
      .lean<Due[]>();
    if (!batch.length) return written;
    await models.Meeting.bulkWrite(
      batch.map((meeting) => ({
        updateOne: {
          // Only if nobody changed the meeting meanwhile: an edit stores its own schedule.
          filter: { _id: meeting._id, nextEnd: meeting.nextEnd ?? { $exists: false } },
          update: { $set: scheduleOf(meeting.recurrence, meeting.durationMinutes, at) },
        },
      })),
      { ordered: false },
    );
    written += batch.length;
    if (batch.length < BATCH) return written;
  }
}

/** At least this often, whatever the next due time looks like (another node's writes). */
const SWEEP_MS = 60_000;

/**
 * The pass that moves ended occurrences on, run off the read path: reads never look for due
 * meetings (a list leaves a due one out by its `nextEnd > now` condition, so it is never shown
 * at a stale time). After each pass the sweep asks when the next stored occurrence ends and
 * wakes then, so a meeting is out of the list only for the moment between its end and that
 * pass; this node's own writes report their end through `noted()` and wake it earlier when
 * needed. Every node runs one: another node's writes are its sweep's to note, and the
 * `everyMs` pass catches whatever a node that went down had noted. Passes never overlap; a
 * failed one is logged and retried at the next wake.
 */
export class ScheduleSweep {
  readonly #models: DirectoryModels;
  readonly #now: () => number;
  readonly #onError: (error: unknown) => void;
  readonly #everyMs: number;
  #timer: NodeJS.Timeout | null = null;
  /** When the next stored occurrence ends, as far as this node knows. */
  #dueAt = Number.NEGATIVE_INFINITY;
  /** The earliest end noted while a pass runs (its own look may predate the write). */
  #notedDuringPass = Number.POSITIVE_INFINITY;
  #running: Promise<void> | null = null;
  #closed = false;

  constructor(
    models: DirectoryModels,
    options: { now: () => number; onError: (error: unknown) => void; everyMs?: number },
  ) {
    this.#models = models;
    this.#now = options.now;
    this.#onError = options.onError;
    this.#everyMs = options.everyMs ?? SWEEP_MS;
    this.#arm(0);
  }

  /** A meeting this node just stored: its occurrence may end before the one remembered. */
  noted(schedule: StoredSchedule): void {
    const end = schedule.nextEnd?.getTime();
    if (end === undefined) return;
    if (this.#running) this.#notedDuringPass = Math.min(this.#notedDuringPass, end);
    else if (end < this.#dueAt) {
      this.#dueAt = end;
      this.#arm(end - this.#now());
    }
  }

  #arm(delayMs: number): void {
    if (this.#closed) return;
    if (this.#timer) clearTimeout(this.#timer);
    // A timer may fire a millisecond early; the pass then finds nothing due and re-arms.
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, Math.min(delayMs, this.#everyMs)));
    this.#timer.unref();
  }

  #tick(): void {
    this.#timer = null;
    this.#running = this.#pass()
      .catch((error) => {
        this.#onError(error);
        // Tried again soon, not at once: a database that is down would make a busy loop.
        this.#dueAt = this.#now() + Math.min(this.#everyMs, 1_000);
      })
      .finally(() => {
        this.#running = null;
        this.#dueAt = Math.min(this.#dueAt, this.#notedDuringPass);
        this.#arm(this.#dueAt - this.#now());
      });
  }

  async #pass(): Promise<void> {
    this.#notedDuringPass = Number.POSITIVE_INFINITY;
    const at = this.#now();
    await advanceSchedules(this.#models, at);
    const next = await this.#models.Meeting.findOne(
      { nextEnd: { $gt: new Date(at) } },
      { nextEnd: 1 },
    )
      .sort({ nextEnd: 1 })
      .lean<{ nextEnd: Date }>();
    this.#dueAt = next ? next.nextEnd.getTime() : Number.POSITIVE_INFINITY;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
