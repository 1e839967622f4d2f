import { z } from 'zod';
import { pageQuery } from '../common.ts';

/** The 4-Point Program: 1 motivation, 2 urges, 3 thoughts/feelings/behaviours, 4 balance. */
export const POINTS = [1, 2, 3, 4] as const;
export const pointSchema = z.int().min(1).max(4);
export type Point = 1 | 2 | 3 | 4;

/** Publications exist in these languages; the client's own languages are the same two. */
export const PUBLICATION_LANGUAGES = ['en', 'es'] as const;
export const publicationLanguageSchema = z.enum(PUBLICATION_LANGUAGES);

export const PUBLICATION_KINDS = ['article', 'handbook', 'worksheet'] as const;
export const publicationKindSchema = z.enum(PUBLICATION_KINDS);

/** Lower-case words joined by hyphens; short enough to travel inside a page cursor. */
export const slugSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/**
 * A publication's body is structured blocks of plain text, never HTML, so the client
 * renders it with ordinary text nodes and nothing stored can run in a reader's browser.
 */
export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal('paragraph'), text: z.string().min(1).max(4000) }).strict(),
  z.object({ type: z.literal('quote'), text: z.string().min(1).max(1000) }).strict(),
  z
    .object({ type: z.literal('list'), items: z.array(z.string().min(1).max(1000)).min(1).max(30) })
    .strict(),
]);
export type Block = z.infer<typeof blockSchema>;

export const publicationSummarySchema = z.object({
  slug: slugSchema,
  title: z.string(),
  summary: z.string(),
  kind: publicationKindSchema,
  /** null: about the programme as a whole rather than one point. */
  point: pointSchema.nullable(),
  language: publicationLanguageSchema,
  updatedAt: z.string(),
});
export const publicationSchema = publicationSummarySchema.extend({
  body: z.array(blockSchema),
  /** The same publication in other languages, for a "read in Spanish" link. */
  translations: z.array(z.object({ language: publicationLanguageSchema, slug: slugSchema })),
});
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;
export type Publication = z.infer<typeof publicationSchema>;

/** What the demo seed (and any future editor) must provide for one publication. */
export const publicationInputSchema = publicationSchema
  .omit({ updatedAt: true, translations: true })
  .extend({
    /** Publications sharing a group are translations of one another. */
    group: slugSchema,
    title: z.string().min(3).max(160),
    summary: z.string().min(10).max(600),
    body: z.array(blockSchema).min(1).max(60),
  })
  .strict();
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export const publicationQuery = pageQuery.extend({
  /** '1'..'4' for one point, 'general' for publications about the whole programme. */
  point: z.enum(['1', '2', '3', '4', 'general']).optional(),
  language: publicationLanguageSchema.optional(),
  kind: publicationKindSchema.optional(),
});
export type PublicationQuery = z.infer<typeof publicationQuery>;
export const slugParams = z.object({ slug: slugSchema });
export const publicationResponse = z.object({ publication: publicationSchema });
