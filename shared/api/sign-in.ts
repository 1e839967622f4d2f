import { z } from 'zod';

/**
 * Sign-in security (docs/accounts.md): the member's own sessions, and two-factor sign-in.
 * A session is named by its browser and system only (never the raw user agent or address).
 */
export const sessionIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'not a session id');
export const sessionParams = z.object({ id: sessionIdSchema }).strict();

export const ownSessionSchema = z.object({
  /** Not the cookie's token nor its stored digest: a name derived from the digest. */
  id: sessionIdSchema,
  /** Browser and system names as a user-agent parser reads them; empty when unknown. */
  browser: z.string().max(60),
  os: z.string().max(60),
  signedInAt: z.string(),
  /** Approximate: written at most every few minutes. */
  lastUsedAt: z.string(),
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof ownSessionSchema>;

export const ownSessionsResponse = z.object({ sessions: z.array(ownSessionSchema) });
export const signedOutCountResponse = z.object({ signedOut: z.number().int().min(0) });
