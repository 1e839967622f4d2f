import { z } from 'zod';

/** A peer's id in a live meeting: random, never the member's account id. A leaf module, so the
 * check-in round's schemas can use it without importing the room's. */
export const peerIdSchema = z.string().regex(/^p_[A-Za-z0-9_-]{8,40}$/, 'must be a peer id');
