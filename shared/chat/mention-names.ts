/**
 * "@Name" as a whole mention, read alike by the browser (what it marks and sends) and the
 * server (which mentions it keeps): after a space or at the start, not the start of a
 * longer word, the longest name first, so "@Ana García" names Ana García and not Ana.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const mentionPattern = (names: string[]) =>
  new RegExp(
    `(^|\\s)@(${[...names]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}_])`,
    'gu',
  );

/** Of `names`, those the text mentions ("@Name"), each match given to the longest name. */
export function namesMentioned(text: string, names: string[]): Set<string> {
  const found = new Set<string>();
  if (names.length === 0) return found;
  for (const match of text.matchAll(mentionPattern(names))) if (match[2]) found.add(match[2]);
  return found;
}
