import { z } from 'zod';
import { idSchema, pageQuery, text } from '../common.ts';

/**
 * The programme's tools as worksheets a member fills in privately. Each tool's content
 * has its own schema, which the client also uses to build the form, so both ends agree on
 * what a valid answer is. Every field has a default: a worksheet is often saved half done.
 */
export const TOOLS = ['cost-benefit-analysis', 'change-plan', 'urge-log', 'abc'] as const;
export const toolSchema = z.enum(TOOLS);
export type Tool = z.infer<typeof toolSchema>;

/** Which point of the 4-Point Program each tool mainly serves (for grouping in the client). */
export const TOOL_POINTS: Record<Tool, 1 | 2 | 3 | 4> = {
  'cost-benefit-analysis': 1,
  'change-plan': 1,
  'urge-log': 2,
  abc: 3,
};

const answer = (max: number) => text(0, max).default('');
const items = (maxItems: number, maxLength: number) =>
  z.array(text(1, maxLength)).max(maxItems).default([]);

export const costBenefitContent = z
  .object({
    /** The behaviour the analysis is about, in the member's own words. */
    behaviour: answer(200),
    usingBenefits: items(30, 500),
    usingCosts: items(30, 500),
    notUsingBenefits: items(30, 500),
    notUsingCosts: items(30, 500),
  })
  .strict();

export const changePlanContent = z
  .object({
    changesIWant: answer(2000),
    reasons: answer(2000),
    steps: items(30, 500),
    peopleWhoCanHelp: z
      .array(z.object({ who: text(1, 80), how: answer(500) }).strict())
      .max(20)
      .default([]),
    howIWillKnow: answer(2000),
    whatMightInterfere: answer(2000),
  })
  .strict();

export const urgeLogEntrySchema = z
  .object({
    when: z.iso.datetime({ offset: true }),
    intensity: z.int().min(1).max(10),
    trigger: answer(500),
    whatIDid: answer(500),
    outcome: answer(500),
  })
  .strict();
export const urgeLogContent = z
  .object({ entries: z.array(urgeLogEntrySchema).max(300).default([]) })
  .strict();

/** Activating event, Beliefs, Consequences, Disputation, Effective new belief. */
export const abcContent = z
  .object({
    activatingEvent: answer(2000),
    beliefs: answer(2000),
    consequences: answer(2000),
    disputation: answer(2000),
    effectiveNewBelief: answer(2000),
  })
  .strict();

export const toolContentSchemas = {
  'cost-benefit-analysis': costBenefitContent,
  'change-plan': changePlanContent,
  'urge-log': urgeLogContent,
  abc: abcContent,
} as const;
export type ToolContent<T extends Tool = Tool> = z.infer<(typeof toolContentSchemas)[T]>;

const worksheetTitle = text(1, 120);
// `prefault` parses the empty object, so its fields get their defaults (`default` would not).
const createFor = <T extends Tool, C extends z.ZodObject>(tool: T, content: C) =>
  z
    .object({
      tool: z.literal(tool),
      title: worksheetTitle.optional(),
      content: content.prefault({} as z.input<C>),
    })
    .strict();
export const worksheetCreateBody = z.discriminatedUnion('tool', [
  createFor('cost-benefit-analysis', costBenefitContent),
  createFor('change-plan', changePlanContent),
  createFor('urge-log', urgeLogContent),
  createFor('abc', abcContent),
]);
export type WorksheetCreate = z.infer<typeof worksheetCreateBody>;

/**
 * The tool of a worksheet never changes; `content` replaces the whole answer and is checked
 * on the server against the worksheet's own tool schema (errors come back as `content.*`).
 */
export const worksheetPatchBody = z
  .object({
    title: worksheetTitle.nullable().optional(),
    content: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type WorksheetPatch = z.infer<typeof worksheetPatchBody>;

export const worksheetQuery = pageQuery.extend({ tool: toolSchema.optional() });

export const worksheetSummarySchema = z.object({
  id: idSchema,
  tool: toolSchema,
  title: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const worksheetSchema = worksheetSummarySchema.extend({
  content: z.union([costBenefitContent, changePlanContent, urgeLogContent, abcContent]),
});
export type WorksheetSummary = z.infer<typeof worksheetSummarySchema>;
export type Worksheet = z.infer<typeof worksheetSchema>;
export const worksheetResponse = z.object({ worksheet: worksheetSchema });
