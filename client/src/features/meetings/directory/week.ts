import { addDays, daysBetween, localDateOf, weekDates } from './dates.ts';
import type { MeetingView, OccurrenceView } from './model.ts';

/**
 * The week view's grid: seven days, Monday to Sunday, in the viewer's zone. Entries come from
 * GET /api/meetings/:id/occurrences (every occurrence in the window), not from a list item's
 * single `nextOccurrence`: a meeting held on Tuesdays and Thursdays must show on both days,
 * and in any week, not only the coming one. Each occurrence sits on the day it *starts* in
 * the viewer's zone (its `startsAtLocal` date), which can differ from the meeting's own day.
 */

export interface WeekEntry {
  meeting: Pick<MeetingView, 'id' | 'title' | 'format' | 'type' | 'audience' | 'language'>;
  occurrence: OccurrenceView;
}

export interface WeekDay {
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  isToday: boolean;
  entries: WeekEntry[];
}

export function buildWeek(monday: string, entries: readonly WeekEntry[], today: string): WeekDay[] {
  const days: WeekDay[] = weekDates(monday).map((date, index) => ({
    date,
    weekday: index + 1,
    isToday: date === today,
    entries: [],
  }));
  const seen = new Set<string>();
  for (const entry of entries) {
    const date = localDateOf(entry.occurrence.startsAtLocal);
    const index = daysBetween(monday, date);
    // An occurrence still running at Monday 00:00 started last week; it belongs there.
    const day = days[index];
    if (!day || index < 0) continue;
    const id = `${entry.meeting.id}@${entry.occurrence.startsAt}`;
    if (seen.has(id)) continue;
    seen.add(id);
    day.entries.push(entry);
  }
  for (const day of days) {
    day.entries.sort(
      (a, b) =>
        Date.parse(a.occurrence.startsAt) - Date.parse(b.occurrence.startsAt) ||
        a.meeting.title.localeCompare(b.meeting.title),
    );
  }
  return days;
}

/** The window to ask each meeting for: from Monday 00:00 to the next Monday 00:00, local. */
export function weekWindow(monday: string): { from: string; to: string } {
  return { from: monday, to: addDays(monday, 7) };
}

/**
 * A one-off meeting has a single occurrence, which the list already carries: no request
 * needed. Weekly meetings are asked for the week's occurrences.
 */
export function needsOccurrences(meeting: Pick<MeetingView, 'recurrence'>): boolean {
  return meeting.recurrence.kind === 'weekly';
}

export type Direction = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

/**
 * Where arrow keys move between entries: up/down within a day, left/right to the nearest
 * day with entries (keeping the row where it can), Home/End to the week's first and last.
 * Returns null when there is nowhere to go.
 */
export function moveInWeek(
  counts: readonly number[],
  from: { day: number; index: number },
  direction: Direction,
): { day: number; index: number } | null {
  const withEntries = counts.flatMap((count, day) => (count > 0 ? [day] : []));
  if (withEntries.length === 0) return null;
  if (direction === 'first') return { day: withEntries[0] as number, index: 0 };
  if (direction === 'last') {
    const day = withEntries[withEntries.length - 1] as number;
    return { day, index: (counts[day] as number) - 1 };
  }
  if (direction === 'up') return from.index > 0 ? { day: from.day, index: from.index - 1 } : null;
  if (direction === 'down')
    return from.index < (counts[from.day] ?? 0) - 1
      ? { day: from.day, index: from.index + 1 }
      : null;
  const day =
    direction === 'right'
      ? withEntries.find((d) => d > from.day)
      : [...withEntries].reverse().find((d) => d < from.day);
  if (day === undefined) return null;
  return { day, index: Math.min(from.index, (counts[day] as number) - 1) };
}
