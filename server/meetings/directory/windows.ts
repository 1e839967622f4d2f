import { AppError } from '../../infra/errors.ts';
import type { MeetingRecord } from './models.ts';
import { occurrencesBetween, startOfLocalDay, viewOf } from './recurrence.ts';

/** Occurrence windows as the routes ask for them (one meeting, or the week view's many). */

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 28;

/**
 * The window [from, to) in instants. A date is midnight in the viewer's zone, the way a
 * calendar page shows days; without `from` it is now, without `to` four weeks on.
 */
export function occurrenceWindow(
  query: { from?: string | undefined; to?: string | undefined },
  zone: string,
  maxDays: number,
  now: number,
): { from: number; to: number } {
  const edge = (value: string) =>
    value.length === 10 ? startOfLocalDay(value, zone) : Date.parse(value);
  const from = query.from ? edge(query.from) : now;
  const to = query.to ? edge(query.to) : from + DEFAULT_WINDOW_DAYS * DAY_MS;
  if (to <= from)
    throw new AppError('INVALID_INPUT', 'empty window', { to: ['must be after from'] });
  if (to - from > maxDays * DAY_MS)
    throw new AppError('INVALID_INPUT', 'window too long', {
      to: [`must be at most ${maxDays} days after from`],
    });
  return { from, to };
}

/** One meeting's occurrences in the window, at most `limit`, as the viewer in `zone` sees them. */
export function occurrencesIn(
  meeting: Pick<MeetingRecord, 'recurrence' | 'durationMinutes'>,
  id: string,
  from: number,
  to: number,
  limit: number,
  zone: string,
) {
  const found = occurrencesBetween(
    meeting.recurrence,
    meeting.durationMinutes,
    from,
    to,
    limit + 1,
  );
  return {
    meetingId: id,
    items: found.slice(0, limit).map((occurrence) => viewOf(occurrence, zone)),
    truncated: found.length > limit,
  };
}
