import { z } from 'zod';
import { publicUserSchema } from '../accounts.ts';
import { countrySchema, idSchema, nameText, pageQuery, text } from '../common.ts';
import { webLinkSchema } from '../links.ts';
import { slugSchema } from './publications.ts';

/**
 * Partner organisations (treatment providers) whose trained staff run meetings within their
 * services and link people to peer-led meetings nearby. Their meetings come from the
 * directory API (`GET /api/meetings?partnerId=` and `?city=`), not from here.
 */
export const partnerAreaSchema = z
  .object({ country: countrySchema, region: text(1, 80).optional(), city: text(1, 80) })
  .strict();

export const partnerCreateBody = z
  .object({
    name: nameText(2, 120),
    slug: slugSchema,
    description: text(10, 5000),
    area: partnerAreaSchema,
    website: webLinkSchema.optional(),
    services: z.array(text(1, 120)).max(30).default([]),
  })
  .strict();
export type PartnerCreate = z.infer<typeof partnerCreateBody>;

export const partnerPatchBody = z
  .object({
    name: nameText(2, 120),
    slug: slugSchema,
    description: text(10, 5000),
    area: partnerAreaSchema,
    website: webLinkSchema.nullable(),
    services: z.array(text(1, 120)).max(30),
  })
  .partial()
  .strict();
export type PartnerPatch = z.infer<typeof partnerPatchBody>;

export const partnerQuery = pageQuery.extend({
  country: countrySchema.optional(),
  city: text(1, 80).optional(),
});
export type PartnerQuery = z.infer<typeof partnerQuery>;

export const staffBody = z.object({ userId: idSchema }).strict();
export const staffParams = z.object({ id: idSchema, userId: idSchema });

export const partnerSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: slugSchema,
  description: z.string(),
  area: partnerAreaSchema,
  website: z.string().nullable(),
  services: z.array(z.string()),
  updatedAt: z.string(),
});
export const partnerSchema = partnerSummarySchema.extend({
  /** Staff as anyone may see them (their own privacy choices applied). */
  staff: z.array(publicUserSchema),
});
export type PartnerSummary = z.infer<typeof partnerSummarySchema>;
export type Partner = z.infer<typeof partnerSchema>;
export const partnerResponse = z.object({ partner: partnerSchema });
