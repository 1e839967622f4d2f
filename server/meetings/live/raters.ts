import { AppError } from '../../infra/errors.ts';

/** After its end, a meeting's attendees may still rate it this long (the ended screen asks). */
const RATE_AFTER_END_MS = 60 * 60 * 1000;

interface Occurrence {
  openedAt: Date;
  attendees: Set<string>;
  rated: Set<string>;
}

/**
 * Who may rate which live meeting, once each: in memory only, per occurrence, and forgotten
 * an hour after it ends. The rating itself is stored as counts with nothing linking it to
 * the member (attendance.ts); this only keeps a member from rating twice or rating a meeting
 * they were not in.
 */
export class Raters {
  readonly #occurrences = new Map<string, Occurrence>();

  opened(meetingId: string, openedAt: Date): void {
    this.#occurrences.set(meetingId, { openedAt, attendees: new Set(), rated: new Set() });
  }

  attended(meetingId: string, userId: string): void {
    this.#occurrences.get(meetingId)?.attendees.add(userId);
  }

  ended(meetingId: string): void {
    const occurrence = this.#occurrences.get(meetingId);
    setTimeout(() => {
      if (this.#occurrences.get(meetingId) === occurrence) this.#occurrences.delete(meetingId);
    }, RATE_AFTER_END_MS).unref();
  }

  /** The occurrence `userId` may rate now (and marks it rated), or the reason they may not. */
  take(meetingId: string, userId: string): Date {
    const occurrence = this.#occurrences.get(meetingId);
    if (!occurrence?.attendees.has(userId))
      throw new AppError('FORBIDDEN', 'only those who were in this meeting rate it');
    if (occurrence.rated.has(userId)) throw new AppError('CONFLICT', 'you have rated this meeting');
    occurrence.rated.add(userId);
    return occurrence.openedAt;
  }
}
