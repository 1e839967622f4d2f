import type { Block } from '../../../../../shared/api/programme/publications.ts';

/**
 * A publication's body is structured blocks of plain text (never HTML); these helpers
 * shape them for the page and the print view. Pure, so they are tested in node.
 */
export interface BodySection {
  /** The heading that opens the section; null for what comes before the first heading. */
  heading: string | null;
  blocks: Exclude<Block, { type: 'heading' }>[];
}

/** Splits the body at its headings, so each section can be a labelled region. */
export function sectionsOf(blocks: readonly Block[]): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      current = { heading: block.text, blocks: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { heading: null, blocks: [] };
      sections.push(current);
    }
    current.blocks.push(block);
  }
  return sections;
}

/** Every word a reader reads, for the reading-time estimate. */
export function wordCount(blocks: readonly Block[]): number {
  const texts = blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.text]));
  return texts.reduce((sum, text) => sum + (text.match(/\S+/g)?.length ?? 0), 0);
}

/** Minutes to read at a relaxed 200 words a minute, at least one. */
export function readingMinutes(blocks: readonly Block[]): number {
  return Math.max(1, Math.round(wordCount(blocks) / 200));
}

/** Paragraphs of a text a person typed (a proposal, an enquiry), split at blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}
