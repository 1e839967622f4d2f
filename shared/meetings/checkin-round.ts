import { z } from 'zod';
import { peerIdSchema } from './live/ids.ts';

/**
 * The check-in round: everyone speaks in turn for a few minutes during check-in. The order is
 * the order people were let in, shuffled, or arranged by hand; the turn's clock is the
 * server's, like the agenda's.
 */
export const ROUND_ORDERS = ['admitted', 'shuffled', 'manual'] as const;
export const DEFAULT_TURN_SECONDS = 120;

export const roundStartSchema = z
  .object({
    order: z.enum(ROUND_ORDERS),
    /** For `manual`: the speakers in order (admitted peers only; others are refused). */
    peerIds: z.array(peerIdSchema).max(200).optional(),
    turnSeconds: z.number().int().min(30).max(600).optional(),
    /** Keep everyone else muted while someone has their turn. */
    muteOthers: z.boolean().optional(),
  })
  .strict();
export type RoundStart = z.infer<typeof roundStartSchema>;

export const roundStateSchema = z.object({
  active: z.boolean(),
  /** Speakers in order; those who left are dropped, latecomers added at the end. */
  speakers: z.array(peerIdSchema),
  /** Index of the current speaker in `speakers`; equal to its length once everyone has spoken. */
  index: z.number().int().min(0),
  turnStartedAt: z.number().nullable(),
  turnSeconds: z.number().int(),
  muteOthers: z.boolean(),
  /** Who passed their turn (peer ids). */
  passed: z.array(peerIdSchema),
  /** Who a facilitator skipped once: moved to the end, to be asked again after the others. */
  skipped: z.array(peerIdSchema),
  serverNow: z.number(),
});
export type RoundState = z.infer<typeof roundStateSchema>;

export const IDLE_ROUND: Omit<RoundState, 'serverNow'> = {
  active: false,
  speakers: [],
  index: 0,
  turnStartedAt: null,
  turnSeconds: DEFAULT_TURN_SECONDS,
  muteOthers: false,
  passed: [],
  skipped: [],
};
