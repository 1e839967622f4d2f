import { useMemo } from 'react';
import { mentionParts, textParts } from '../text.ts';
import { useNamedMembers } from './WhoIsHere.tsx';

const LINK_REL = 'noopener noreferrer nofollow';
const NEW_TAB = '_blank';

/** The names of the members a line mentions, as far as this member knows them. */
function useMentionNames(ids: string[]): string[] {
  const { members } = useNamedMembers();
  return useMemo(() => {
    if (ids.length === 0) return [];
    const wanted = new Set(ids);
    return members.flatMap((m) => (m.name !== null && wanted.has(m.userId) ? [m.name] : []));
  }, [members, ids]);
}

/**
 * Plain text as React text nodes; http(s) addresses as links that open in a new tab; the
 * "@Name" of a mentioned member marked (bold, not colour alone).
 */
export function MessageText({ text, mentions = [] }: { text: string; mentions?: string[] }) {
  const names = useMentionNames(mentions);
  return (
    <>
      {textParts(text).map((part, index) =>
        part.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, in a fixed order
          <a key={index} href={part.href} rel={LINK_REL} target={NEW_TAB}>
            {part.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, in a fixed order
          <span key={index}>
            {mentionParts(part.text, names).map((piece, at) =>
              piece.kind === 'mention' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one part, in order
                <strong key={at} className="chat-mention">
                  {piece.text}
                </strong>
              ) : (
                piece.text
              ),
            )}
          </span>
        ),
      )}
    </>
  );
}
