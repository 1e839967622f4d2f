import { useId } from 'react';
import type { Block } from '../types.ts';
import { type BodySection, sectionsOf } from './blocks.ts';

/**
 * A publication's body as ordinary elements and text nodes: nothing from the server is
 * ever read as HTML. Each heading opens a labelled section under the page's h1.
 */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div className="publication-body">
      {sectionsOf(blocks).map((section, index) => (
        // The body never changes while shown, so positions are stable keys.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Section key={index} section={section} />
      ))}
    </div>
  );
}

function Section({ section }: { section: BodySection }) {
  const headingId = useId();
  const content = section.blocks.map((block, index) => {
    // A publication's blocks never reorder while shown: their place is a stable key.
    const key = index;
    if (block.type === 'list') {
      return (
        <ul key={key}>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items never reorder
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    }
    if (block.type === 'quote') {
      return (
        <blockquote key={key}>
          <p>{block.text}</p>
        </blockquote>
      );
    }
    return <p key={key}>{block.text}</p>;
  });
  if (section.heading === null) return <>{content}</>;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{section.heading}</h2>
      {content}
    </section>
  );
}
