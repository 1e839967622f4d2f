/**
 * Chat text is plain text. Links are found here and drawn as anchors by React (never as
 * HTML): only http and https addresses, as the URL parser reads them.
 */

import { mentionPattern } from '../../../../shared/chat/mention-names.ts';

export type TextPart =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string };

const URL_LIKE = /\bhttps?:\/\/[^\s<>"']+/gi;
/** Punctuation that ends a sentence rather than the address ("see https://x.org."). */
const TRAILING = /[.,;:!?)\]}'"]$/;

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops trailing punctuation; a ")" stays when it closes one the address opened (…_(y)). */
function trimTrailing(candidate: string): string {
  let out = candidate;
  while (TRAILING.test(out)) {
    if (out.endsWith(')') && count(out, '(') >= count(out, ')')) break;
    out = out.slice(0, -1);
  }
  return out;
}

export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    const start = match.index ?? 0;
    const candidate = trimTrailing(match[0]);
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** A new id per message, sent again with each retry (clientIdSchema: 8-64 of [A-Za-z0-9_-]). */
export function newClientId(random: () => string = () => crypto.randomUUID()): string {
  return random().replaceAll(/[^A-Za-z0-9_-]/g, '');
}

export type MentionPart = { kind: 'text'; text: string } | { kind: 'mention'; text: string };

/** "@Name" of the members a line mentions, marked (plain text otherwise, never HTML). */
export function mentionParts(text: string, names: string[]): MentionPart[] {
  if (names.length === 0) return [{ kind: 'text', text }];
  const parts: MentionPart[] = [];
  let last = 0;
  for (const match of text.matchAll(mentionPattern(names))) {
    const start = (match.index ?? 0) + (match[1] ?? '').length;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    const end = start + 1 + (match[2] ?? '').length;
    parts.push({ kind: 'mention', text: text.slice(start, end) });
    last = end;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
