import { z } from 'zod';
import { errorCodes } from '../errors.ts';

/** MongoDB ids travel as 24 hex characters; anything else is refused before a query. */
export const idSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be an id');
export const idParams = z.object({ id: idSchema });

/** `?cursor=&limit=`: the cursor is opaque to clients (base64url of the last sort key). */
export const pageQuery = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2048}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes as [string, ...string[]]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export const okSchema = z.object({ ok: z.literal(true) });

/** Control characters other than tab and newlines (C0, DEL and C1) have no place in anything a person types. */
function hasControlCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || (code >= 127 && code < 160))
      return true;
  }
  return false;
}

/**
 * Plain text a person typed: trimmed, no control characters, bounded, and stored in one form
 * (NFC), so "é" typed as one character or as e + accent is the same text.
 */
export function text(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !hasControlCharacters(value), 'must not contain control characters')
    .overwrite((value) => value.normalize('NFC'));
}

// Every control and format character (Cc, Cf: zero-width spaces and joiners, soft hyphens,
// bidi overrides, marks and isolates) and line or paragraph separators.
const HIDDEN_IN_NAMES = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * A name or title: text (above) that must read as it is shown. Invisible and direction-changing
 * characters are refused: "Robin\u202Eekim" shows as "Robinmike" and could pass for someone
 * else. (Emoji joined by a zero-width joiner are refused with them: names are not for emoji.)
 */
export function nameText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(
      (value) => !HIDDEN_IN_NAMES.test(value),
      'must not contain control, invisible or direction-changing characters',
    )
    .overwrite((value) => value.normalize('NFC'));
}

export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code like "en" or "es"');
export const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter country code like "GB"');
/**
 * The canonical IANA name of `zone` ("europe/london" -> "Europe/London"), or null when Intl
 * knows no such zone. Remembered: building an Intl.DateTimeFormat costs a fraction of a
 * millisecond, and lists ask for the same few zones on every request. Only names Intl
 * accepted are kept (a few hundred at most), so input cannot grow the cache without bound.
 */
const canonicalZones = new Map<string, string>();
export function canonicalTimeZone(zone: string): string | null {
  const known = canonicalZones.get(zone);
  if (known !== undefined) return known;
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    if (canonicalZones.size < 2_000) canonicalZones.set(zone, canonical);
    return canonical;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(
    (zone) => canonicalTimeZone(zone) !== null,
    'must be an IANA time zone like "Europe/London"',
  );
