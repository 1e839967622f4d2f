import {
  ATTENDANCE_PATHS,
  type SlipStatement,
  slipStatementSchema,
  slipStringSchema,
} from '../../../../shared/api/attendance.ts';

/** A slip string of the right shape, else null (the server would answer INVALID_INPUT). */
export function asSlip(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return slipStringSchema.safeParse(trimmed).success ? trimmed : null;
}

/**
 * The slip in a page address: `#slip=…` (the links Haven prints), `#…` (the slip page) or
 * `?slip=…` (the documented verification address). The fragment wins: it is what Haven
 * writes, because browsers never send it to a server.
 */
export function slipFromAddress(search: string, hash: string): string | null {
  const fragment = hash.replace(/^#/, '');
  if (fragment) {
    const named = new URLSearchParams(fragment).get('slip');
    return asSlip(named ?? fragment);
  }
  return asSlip(new URLSearchParams(search).get('slip'));
}

/** What someone pasted: the slip itself, or a verification link holding it. */
export function slipFromPasted(text: string): string | null {
  const trimmed = text.trim();
  const direct = asSlip(trimmed);
  if (direct) return direct;
  try {
    const url = new URL(trimmed);
    return slipFromAddress(url.search, url.hash);
  } catch {
    return null;
  }
}

function fromBase64Url(segment: string): Uint8Array {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * What a slip says, read without checking its signature: the slip page shows a
 * participant their own slip without sending it anywhere. Verification is the server's.
 */
export function readStatement(slip: string): SlipStatement | null {
  const payload = slip.split('.')[1];
  if (!payload) return null;
  try {
    const json: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(payload)),
    );
    const parsed = slipStatementSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The link printed on a slip and in its QR code. */
export function verificationLink(origin: string, slip: string): string {
  return `${origin}${ATTENDANCE_PATHS.verify}#slip=${slip}`;
}

/** Where the live room sends a participant with their new slip. */
export function slipPagePath(slip: string): string {
  return `${ATTENDANCE_PATHS.slip}#${slip}`;
}

/** A YYYY-MM-DD date in the reader's language, without shifting it through a time zone. */
export function formatSlipDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatIssuedAt(issuedAt: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(issuedAt),
  );
}
