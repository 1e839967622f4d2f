import type { ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';

/**
 * A reading's Markdown as React elements. Raw HTML is never rendered (no rehype-raw, and
 * `skipHtml` drops it); react-markdown's default URL check keeps `javascript:` links out.
 * Links open in a new tab without handing it this page; headings sit under the page's h1.
 */
const shift =
  (Tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') =>
  ({ node: _node, ...props }: ComponentProps<'h2'> & { node?: unknown }) => <Tag {...props} />;

const components: Components = {
  h1: shift('h2'),
  h2: shift('h3'),
  h3: shift('h4'),
  h4: shift('h5'),
  h5: shift('h6'),
  a: ({ node: _node, href, children, ...props }) => (
    <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  img: ({ node: _node, alt, src }) => (
    <img alt={alt ?? ''} src={typeof src === 'string' ? src : undefined} loading="lazy" />
  ),
};

export function ReadingView({ markdown, language }: { markdown: string; language: string }) {
  return (
    <div className="training-reading" lang={language}>
      <Markdown skipHtml components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
