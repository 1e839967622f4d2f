import type { ChatMessage } from '../../../../shared/chat/schemas.ts';
import type { GroupLines, PendingLine } from './chat-state.ts';

/**
 * What the message list draws, in order: a separator where the day changes (in the member's
 * time zone), then each stored line, then this member's lines still on their way.
 */
export type TimelineItem =
  | { kind: 'day'; key: string; day: string; at: number }
  | { kind: 'message'; key: string; message: ChatMessage; day: string }
  | { kind: 'pending'; key: string; line: PendingLine; day: string };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `at` on the clocks of `zone`, as "2030-05-01". */
export function dayOf(at: number, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    // en-CA writes dates as year-month-day, which is also what sorts.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, format);
  }
  return format.format(new Date(at));
}

export function timeline(lines: GroupLines, zone: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  let current = '';
  const dayAt = (at: number) => {
    const day = dayOf(at, zone);
    if (day !== current) {
      current = day;
      items.push({ kind: 'day', key: `day-${day}`, day, at });
    }
    return day;
  };
  for (const message of lines.messages) {
    const day = dayAt(message.createdAt);
    items.push({ kind: 'message', key: message.id, message, day });
  }
  for (const line of lines.pending) {
    const day = dayAt(line.createdAt);
    items.push({ kind: 'pending', key: `pending-${line.clientId}`, line, day });
  }
  return items;
}

/** How a separator reads: "Today", "Yesterday", or the date in the member's language. */
export function dayLabel(
  day: string,
  at: number,
  now: number,
  zone: string,
  locale: string,
): { relative: 'today' | 'yesterday' | null; date: string } {
  const today = dayOf(now, zone);
  const yesterday = dayOf(now - 86_400_000, zone);
  const relative = day === today ? 'today' : day === yesterday ? 'yesterday' : null;
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: day.slice(0, 4) === today.slice(0, 4) ? undefined : 'numeric',
  }).format(new Date(at));
  return { relative, date };
}

/* Who is typing: kept for a few seconds after each signal, forgotten when their line arrives. */

export const TYPING_SHOWN_MS = 5_000;

export interface Typist {
  userId: string;
  name: string;
  until: number;
}

export function typingReceived(
  typists: Typist[],
  who: { userId: string; name: string },
  now: number,
): Typist[] {
  const rest = typists.filter((t) => t.userId !== who.userId && t.until > now);
  return [...rest, { ...who, until: now + TYPING_SHOWN_MS }];
}

export function typingStopped(typists: Typist[], userId: string | null): Typist[] {
  if (!typists.some((t) => t.userId === userId)) return typists;
  return typists.filter((t) => t.userId !== userId);
}

/** The names to show now, in the order they started typing. */
export function typingNames(typists: Typist[], now: number): string[] {
  return typists.filter((t) => t.until > now).map((t) => t.name);
}
