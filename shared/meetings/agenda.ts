import { z } from 'zod';

/**
 * A meeting's agenda: the timed segments a mutual-aid meeting runs through. Called "agenda",
 * not "format", because a meeting's `format` already says online, in person or hybrid.
 *
 * A segment's `kind` says what it is for, so the room can attach behaviour to it (the
 * check-in round belongs to `checkin`, the donation link to `hat`) and so the standard
 * segments are shown in the reader's language; `title` renames one (stored as typed, shown
 * as typed) and is required for a `custom` segment.
 */
export const AGENDA_KINDS = [
  'welcome',
  'checkin',
  'agenda',
  'working',
  'hat',
  'checkout',
  'custom',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_MAX_SEGMENTS = 20;
export const SEGMENT_MAX_MINUTES = 240;

export const agendaSegmentSchema = z
  .strictObject({
    kind: z.enum(AGENDA_KINDS),
    title: z.string().trim().min(1).max(60).optional(),
    minutes: z.number().int().min(1).max(SEGMENT_MAX_MINUTES),
  })
  .refine((segment) => segment.kind !== 'custom' || segment.title !== undefined, {
    path: ['title'],
    message: 'a custom segment needs a title',
  });
export type AgendaSegment = z.infer<typeof agendaSegmentSchema>;

export const agendaSchema = z.array(agendaSegmentSchema).min(1).max(AGENDA_MAX_SEGMENTS);

/** The organisation's standard meeting: 83 minutes in six segments. */
export const DEFAULT_AGENDA: AgendaSegment[] = [
  { kind: 'welcome', minutes: 5 },
  { kind: 'checkin', minutes: 15 },
  { kind: 'agenda', minutes: 3 },
  { kind: 'working', minutes: 45 },
  { kind: 'hat', minutes: 3 },
  { kind: 'checkout', minutes: 12 },
];

/**
 * Where a live meeting is in its agenda, as the server keeps it. `startedAt` is the server's
 * clock (ms) when the current segment began, null before the facilitator starts the agenda;
 * `serverNow` is the server's clock when this state was sent, so a browser whose clock is
 * off still shows the same time left as everyone else.
 */
export const agendaStateSchema = z.object({
  segments: agendaSchema,
  index: z.number().int().min(0),
  startedAt: z.number().nullable(),
  extendedMinutes: z.number().int().min(0),
  serverNow: z.number(),
});
export type AgendaState = z.infer<typeof agendaStateSchema>;

/** Milliseconds left in the current segment at the server time `now` (negative once over). */
export function segmentTimeLeft(state: AgendaState, now: number): number | null {
  const segment = state.segments[state.index];
  if (!segment || state.startedAt === null) return null;
  return state.startedAt + (segment.minutes + state.extendedMinutes) * 60_000 - now;
}

export const agendaExtendSchema = z.strictObject({ minutes: z.number().int().min(1).max(30) });
