import { z } from 'zod';
import { meetingTypeSchema } from './directory.ts';

/**
 * Attendance slips (docs/attendance-slips.md): a signed statement that someone attended a
 * meeting, which Haven never stores. The slip string carries everything a verifier needs.
 */

export const SLIP_VERSION = 1;
/** Longest name a slip prints. */
export const MAX_SLIP_NAME = 80;
/** No meeting lasts longer than a day. */
export const MAX_SLIP_MINUTES = 24 * 60;
/**
 * A slip string is bounded so a verifier's request (and the QR code) stays small: the
 * longest statement (a 120-character title and an 80-character name, 4 UTF-8 bytes each)
 * encodes in about 1,600 characters.
 */
export const MAX_SLIP_LENGTH = 2048;
/** base64url of the first 9 bytes of SHA-256(the public key's SPKI DER). */
export const SLIP_KEY_ID_LENGTH = 12;
/** base64url of a 64-byte Ed25519 signature. */
export const SLIP_SIGNATURE_LENGTH = 86;
/** Prepended to what is signed, so a slip signature can never be mistaken for another use of the key. */
export const SLIP_SIGNING_CONTEXT = 'haven-attendance-slip:';

/**
 * Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) could make a printed
 * name read differently from what was signed; line and paragraph separators and C0/C1
 * controls have no place on one printed line.
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const slipNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SLIP_NAME)
  .refine((value) => !UNPRINTABLE.test(value), 'must not contain control characters');

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The meeting's local date, YYYY-MM-DD (not the UTC date: a 23:00 meeting in Lima is that day). */
export const slipDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2030-05-01')
  .refine(isCalendarDate, 'must be a real date');

export const slipMinutesSchema = z.number().int().min(1).max(MAX_SLIP_MINUTES);

/** What the room knows when a participant asks for a slip. */
export const slipRequestSchema = z
  .object({
    meetingTitle: z.string().trim().min(1).max(120),
    meetingType: meetingTypeSchema,
    date: slipDateSchema,
    minutes: slipMinutesSchema,
    name: slipNameSchema,
  })
  .strict();
export type SlipRequest = z.input<typeof slipRequestSchema>;

/** The signed statement, exactly these fields in this order (the signer writes them so). */
export const slipStatementSchema = z
  .object({
    v: z.literal(SLIP_VERSION),
    meetingTitle: z.string().min(1).max(120),
    meetingType: meetingTypeSchema,
    date: slipDateSchema,
    minutes: slipMinutesSchema,
    name: slipNameSchema,
    issuedAt: z.iso.datetime(),
    /** 128 random bits: tells two slips apart; never stored. */
    id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  })
  .strict();
export type SlipStatement = z.infer<typeof slipStatementSchema>;

/**
 * `<key id>.<base64url(JSON statement)>.<base64url(Ed25519 signature)>`; the signature
 * covers `SLIP_SIGNING_CONTEXT + '<key id>.<payload>'`. Anything not of this shape is
 * garbage (INVALID_INPUT); a slip of this shape that does not check out is answered
 * `{ valid: false, reason }`.
 */
export const slipStringSchema = z
  .string()
  .max(MAX_SLIP_LENGTH, 'is too long to be a slip')
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'is not a slip');

export const verifySlipQuery = z.object({ slip: slipStringSchema }).strict();

export const SLIP_INVALID_REASONS = ['signature', 'format', 'key'] as const;
export type SlipInvalidReason = (typeof SLIP_INVALID_REASONS)[number];

export const verifySlipResponse = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), statement: slipStatementSchema }),
  z.object({ valid: z.literal(false), reason: z.enum(SLIP_INVALID_REASONS) }),
]);
export type VerifySlipResponse = z.infer<typeof verifySlipResponse>;

/** Client paths: the slip travels in the fragment, which browsers never send to a server. */
export const ATTENDANCE_PATHS = {
  verify: '/attendance/verify',
  slip: '/attendance/slip',
} as const;

export function slipVerifyLink(origin: string, slip: string): string {
  return `${origin}${ATTENDANCE_PATHS.verify}#slip=${slip}`;
}
