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

/** How long a pass's knowledge of the next due meeting is trusted (other nodes write too). */
const RECHECK_MS = 1_000;

/**
 * The read-time pass, without a database call on every read: after each pass it remembers
 * when the next stored occurrence ends (`#dueAt`), and the next read runs a pass only once that
 * time has come, or a second after the last look. Meetings written on this node report their
 * end through `noted()`; one written on another node is seen within the second. Concurrent
 * reads share one pass.
 */
export class ScheduleAdvancer {
  readonly #models: DirectoryModels;
  #dueAt = Number.NEGATIVE_INFINITY;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | null = null;

  constructor(models: DirectoryModels) {
    this.#models = models;
  }

  /** Resolves once no stored occurrence ended before `at` (as far as this node can know). */
  async upTo(at: number): Promise<void> {
    // A pass already running for an earlier instant may leave this one still due: loop.
    while (at >= this.#dueAt || at - this.#checkedAt >= RECHECK_MS) {
      this.#running ??= this.#pass(at).finally(() => {
        this.#running = null;
      });
      await this.#running;
    }
  }

  /** A meeting this node just stored: its occurrence may end before the one remembered. */
  noted(schedule: StoredSchedule): void {
    if (schedule.nextEnd) this.#dueAt = Math.min(this.#dueAt, schedule.nextEnd.getTime());
  }

  async #pass(at: number): Promise<void> {
    await advanceSchedules(this.#models, at);
    const next = await this.#models.Meeting.findOne(
      { nextEnd: { $gt: new Date(at) } },
      {
        nextEnd: 1,
      },
    )
      .sort({ nextEnd: 1 })
      .lean<{ nextEnd: Date }>();
    this.#dueAt = next ? next.nextEnd.getTime() : Number.POSITIVE_INFINITY;
    this.#checkedAt = at;
  }
}

/** Every minute by default: a "starting soon" list is then at most this late. */
const SWEEP_MS = 60_000;

/**
 * The periodic pass. The listing refreshes what is due before each read anyway, so the
 * sweep only keeps that read-time work small; a failed pass is logged and retried next tick.
 */
export class ScheduleSweep {
  readonly #timer: NodeJS.Timeout;
  #running: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(
    pass: () => Promise<unknown>,
    onError: (error: unknown) => void,
    everyMs: number = SWEEP_MS,
  ) {
    this.#timer = setInterval(() => {
      if (this.#closed) return;
      this.#running = this.#running.then(pass).catch(onError);
    }, everyMs);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#running;
  }
}
