import { z } from 'zod';

/**
 * Links members share or follow (posts, events, proposals' evidence, partners' websites,
 * crisis lines), one schema for all: http(s) to a named host only, so a link cannot run
 * script in the browser (`javascript:`, `data:`) or point members at their own network
 * (bare IPs, localhost). No user name or password (`https://bank.example@evil.example`
 * reads as one site and opens another), no backslash (browsers read it as a slash, other
 * parsers do not), nothing invisible or bidi. Stored as the WHATWG parser writes it (scheme
 * and host lower case, spaces escaped), so what is checked is what is shown.
 *
 * Parsing never throws: anything that is not an address is a field error, never a 500.
 */
const LINK_MAX = 2000;
const DOMAIN = z.regexes.domain;
// Whitespace, C0/C1 controls, zero-width and bidi marks anywhere in the text.
const HIDDEN = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u;

function link(protocols: readonly string[], message: string) {
  return z
    .string()
    .trim()
    .min(1, message)
    .max(LINK_MAX)
    .transform((value, ctx) => {
      const url =
        URL.canParse(value) && !HIDDEN.test(value) && !value.includes('\\') ? new URL(value) : null;
      if (!url || !protocols.includes(url.protocol) || !DOMAIN.test(url.hostname)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      if (url.username !== '' || url.password !== '') {
        ctx.addIssue({ code: 'custom', message: 'must not contain a user name or password' });
        return z.NEVER;
      }
      return url.href;
    });
}

export const webLinkSchema = link(
  ['http:', 'https:'],
  'must be an http(s) link, like https://example.org',
);

/** Only https: a crisis page must never send someone to a page that can be tampered with in transit. */
export const httpsLinkSchema = link(['https:'], 'must be an https link, like https://example.org');
