import { z } from 'zod';
import { emailSchema, publicUserSchema } from '../accounts.ts';
import { idSchema, pageQuery, text } from '../common.ts';

/** Who gets in touch to collaborate: organisations, people with lived experience, policy makers. */
export const ENQUIRY_KINDS = ['organisation', 'lived-experience', 'policy-maker', 'other'] as const;
export const enquiryKindSchema = z.enum(ENQUIRY_KINDS);
export const ENQUIRY_STATUSES = ['new', 'answered', 'closed'] as const;
export const enquiryStatusSchema = z.enum(ENQUIRY_STATUSES);

/** The collaboration form; no account needed. The email is kept only to answer. */
export const enquiryCreateBody = z
  .object({
    kind: enquiryKindSchema,
    name: text(1, 120),
    email: emailSchema,
    organisation: text(1, 160).optional(),
    message: text(10, 5000),
  })
  .strict();
export type EnquiryCreate = z.infer<typeof enquiryCreateBody>;

export const enquiryPatchBody = z
  .object({ status: enquiryStatusSchema, reply: text(1, 5000).optional() })
  .strict();
export type EnquiryPatch = z.infer<typeof enquiryPatchBody>;

export const enquiryQuery = pageQuery.extend({ status: enquiryStatusSchema.optional() });
export type EnquiryQuery = z.infer<typeof enquiryQuery>;

/** The admin's view; nobody else ever sees an enquiry. */
export const enquirySchema = z.object({
  id: idSchema,
  kind: enquiryKindSchema,
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  message: z.string(),
  status: enquiryStatusSchema,
  reply: z.string().nullable(),
  answeredById: idSchema.nullable(),
  answeredBy: publicUserSchema.nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  /** When the enquiry (email included) is deleted automatically. */
  expiresAt: z.string(),
});
export type Enquiry = z.infer<typeof enquirySchema>;
export const enquiryResponse = z.object({ enquiry: enquirySchema });
export const enquiryReceivedSchema = z.object({ received: z.literal(true) });
