import { Types } from 'mongoose';
import { cityKey, type ListMeetingsQuery } from '../../../shared/api/directory.ts';
import { allOf } from '../../infra/api/paging.ts';
import { AppError } from '../../infra/errors.ts';

/**
 * The directory lists meetings soonest first, which is what someone looking for a meeting
 * wants. Each meeting stores its current-or-next occurrence (schedule.ts), so a page is one
 * indexed query: the filters, "not ended by `at`", sorted by `nextStart` then `_id`, after the
 * cursor's key, limited. The cursor also carries the instant the walk started, so the
 * "starting soon" horizon does not move under later pages.
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

/** The list's sort, matching the `{ …, nextStart: 1, _id: 1 }` indexes. */
export const LISTING_SORT = { nextStart: 1, _id: 1 } as const;

/**
 * The conditions on the stored occurrence: not ended by `at`, starting within the horizon
 * when one is given, and after `cursor` in (nextStart, _id) order. The cursor's start is also
 * a plain range on `nextStart`, so an index scan begins at the cursor rather than the top.
 */
export function occurrenceConditions(
  at: number,
  startingWithinHours: number | undefined,
  cursor: ListingKey | null,
): Record<string, unknown> {
  const nextStart: Record<string, Date> = {};
  if (cursor) nextStart.$gte = new Date(cursor.start);
  if (startingWithinHours !== undefined)
    nextStart.$lte = new Date(at + startingWithinHours * 3_600_000);
  return {
    nextEnd: { $gt: new Date(at) },
    ...(Object.keys(nextStart).length ? { nextStart } : {}),
    ...(cursor
      ? {
          $or: [
            { nextStart: { $gt: new Date(cursor.start) } },
            { _id: { $gt: new Types.ObjectId(cursor.id) } },
          ],
        }
      : {}),
  };
}

/**
 * The whole filter of one page, typed as stored (ObjectIds, Dates): it goes to the driver
 * as it is, without mongoose's casting.
 */
export function listFilter(
  query: ListMeetingsQuery,
  at: number,
  cursor: ListingKey | null,
): Record<string, unknown> {
  const filter: Record<string, unknown> = {
    $or: [{ activeUntil: null }, { activeUntil: { $gt: new Date(at) } }],
  };
  if (query.language) filter.language = query.language;
  if (query.type) filter.type = query.type;
  if (query.format) filter.format = query.format;
  if (query.audience) filter.audience = query.audience;
  if (query.partnerId) filter.partnerId = new Types.ObjectId(query.partnerId);
  if (query.country) filter['area.country'] = query.country;
  if (query.city) filter.cityKey = cityKey(query.city);
  return allOf(filter, occurrenceConditions(at, query.startingWithinHours, cursor));
}

/** What a listed meeting's view needs: all but the fields kept for queries. */
export const LISTED_FIELDS = { cityKey: 0, activeUntil: 0, __v: 0 } as const;
