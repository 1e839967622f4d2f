import type { Types } from 'mongoose';
import type { Recurrence } from '../../../shared/api/directory.ts';
import { AppError } from '../../infra/errors.ts';
import { nextOccurrence } from './recurrence.ts';

/**
 * The directory lists meetings soonest first, which is what someone looking for a meeting
 * wants. The next occurrence is computed, not stored (it changes every week and with every
 * daylight-saving change), so ordering happens here over the filtered candidates; the cursor
 * carries the instant the walk started so later pages order by the same clock.
 */

export interface ListingKey {
  id: string;
  start: number;
}
export interface ListingCursor extends ListingKey {
  /** The instant of the walk's first page. */
  at: number;
}

/** A walk older than this starts again: its "soonest first" would be about the past. */
const CURSOR_LIFETIME_MS = 24 * 3_600_000;
const CLOCK_SKEW_MS = 60_000;

export function encodeCursor(at: number, key: ListingKey): string {
  return Buffer.from(JSON.stringify([at, key.start, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string, now: number): ListingCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const [at, start, id] = Array.isArray(parsed) && parsed.length === 3 ? parsed : [];
  const valid =
    Number.isSafeInteger(at) &&
    Number.isSafeInteger(start) &&
    typeof id === 'string' &&
    /^[a-f0-9]{24}$/.test(id) &&
    at <= now + CLOCK_SKEW_MS &&
    at > now - CURSOR_LIFETIME_MS;
  if (!valid)
    throw new AppError('INVALID_INPUT', 'bad cursor', {
      cursor: ['is not a cursor of this list, or has expired; start from the first page'],
    });
  return { at, start, id };
}

const compareKeys = (a: ListingKey, b: ListingKey): number =>
  a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Candidates with a next occurrence at `at` (in progress or later), within the
 * `startingWithinHours` horizon when given, soonest first (ties by id), after `cursor`.
 */
export function orderForListing(
  candidates: Array<{ _id: Types.ObjectId; recurrence: Recurrence; durationMinutes: number }>,
  at: number,
  startingWithinHours: number | undefined,
  cursor: ListingKey | null,
): ListingKey[] {
  const horizon =
    startingWithinHours === undefined
      ? Number.POSITIVE_INFINITY
      : at + startingWithinHours * 3_600_000;
  const keys: ListingKey[] = [];
  for (const candidate of candidates) {
    const next = nextOccurrence(candidate.recurrence, candidate.durationMinutes, at);
    if (!next || next.start > horizon) continue;
    const key = { id: String(candidate._id), start: next.start };
    if (!cursor || compareKeys(key, cursor) > 0) keys.push(key);
  }
  return keys.sort(compareKeys);
}
