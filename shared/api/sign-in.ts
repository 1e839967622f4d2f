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

/** A TOTP code (6 digits) or a recovery code (`abcde-fghij`). */
export const twoFactorCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/i, 'a 6-digit code or a recovery code');

export const twoFactorCodeBody = z.object({ code: twoFactorCodeSchema }).strict();
export const twoFactorPasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200) })
  .strict();
export const twoFactorDisableBody = z
  .object({ currentPassword: z.string().min(1).max(200), code: twoFactorCodeSchema })
  .strict();

export const twoFactorStatusResponse = z.object({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export const twoFactorSetupResponse = z.object({
  /** The key in base32, for typing into an app; the same is in the QR code. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code as an SVG document, made on the server (no third party sees the key). */
  qrSvg: z.string(),
});
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
/** The password was right and a second step is asked for: no session yet. */
export const twoFactorRequiredResponse = z.object({ twoFactorRequired: z.literal(true) });
