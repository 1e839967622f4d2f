import { z } from 'zod';
import { peerIdSchema } from './live/ids.ts';

/**
 * Breakout rooms: working time in small groups. A facilitator splits the meeting into 2-20
 * rooms for a set time; everyone comes back to the main room when it ends. Rooms are
 * numbered from 1; `null` is the main room. Media, chat and the speaker indicator stay
 * inside a room (the server enforces it); who is in which room is never stored.
 */
export const BREAKOUT_MIN_ROOMS = 2;
export const BREAKOUT_MAX_ROOMS = 20;
export const BREAKOUT_MAX_MINUTES = 90;
export const BREAKOUT_MESSAGE_MAX = 200;
export const BREAKOUT_ASSIGNMENTS = ['random', 'manual'] as const;

export const breakoutRoomSchema = z.number().int().min(1).max(BREAKOUT_MAX_ROOMS);
/** Where someone is: a breakout room's number, or null for the main room. */
export const breakoutPlaceSchema = breakoutRoomSchema.nullable();

export const breakoutOpenSchema = z
  .object({
    rooms: z.number().int().min(BREAKOUT_MIN_ROOMS).max(BREAKOUT_MAX_ROOMS),
    /**
     * `random`: participants spread evenly, facilitators stay in the main room to visit;
     * `manual`: `assignments` says who goes where, anyone not named stays in the main room.
     */
    assign: z.enum(BREAKOUT_ASSIGNMENTS),
    assignments: z
      .array(z.object({ peerId: peerIdSchema, room: breakoutRoomSchema }).strict())
      .max(500)
      .optional(),
    minutes: z.number().int().min(1).max(BREAKOUT_MAX_MINUTES),
  })
  .strict();
export type BreakoutOpen = z.infer<typeof breakoutOpenSchema>;

/** A facilitator moves someone (or, naming themselves, visits a room). */
export const breakoutMoveSchema = z
  .object({ peerId: peerIdSchema, room: breakoutPlaceSchema })
  .strict();

export const breakoutBroadcastSchema = z
  .object({ text: z.string().trim().min(1).max(BREAKOUT_MESSAGE_MAX) })
  .strict();

export const breakoutStateSchema = z.object({
  open: z.boolean(),
  /** How many rooms are open (0 when none). */
  rooms: z.number().int().min(0),
  /** When everyone returns to the main room, on the server's clock. */
  endsAt: z.number().nullable(),
  serverNow: z.number(),
});
export type BreakoutState = z.infer<typeof breakoutStateSchema>;

export const CLOSED_BREAKOUTS: Omit<BreakoutState, 'serverNow'> = {
  open: false,
  rooms: 0,
  endsAt: null,
};

/** A facilitator's message to every room. */
export const breakoutMessageSchema = z.object({ text: z.string(), sentAt: z.number() });
