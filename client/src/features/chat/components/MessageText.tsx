import { textParts } from '../text.ts';

const LINK_REL = 'noopener noreferrer nofollow';
const NEW_TAB = '_blank';

/** Plain text as React text nodes; http(s) addresses as links that open in a new tab. */
export function MessageText({ text }: { text: string }) {
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
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
