import { z } from 'zod';
import { countrySchema, languageSchema, text } from './common.ts';
import { httpsLinkSchema } from './links.ts';

/**
 * Crisis and helpline resources, and the organisation's donation link, per country. Read
 * by anyone (a person in crisis must never meet a sign-in wall); edited by admins.
 */

/** The key of the general list, shown for a country that has none of its own. */
export const GENERAL_COUNTRY = '*';
export const MAX_CRISIS_LINES = 20;
export const MAX_LINE_LANGUAGES = 10;

export const SUPPORT_LIMITS = {
  name: { min: 2, max: 120 },
  description: { max: 500 },
  phone: { max: 40 },
  hours: { max: 120 },
  url: { max: 500 },
} as const;

/** A key of the settings: a country code, or `*` for the general list. */
export const supportCountrySchema = z.union([countrySchema, z.literal(GENERAL_COUNTRY)]);
export type SupportCountry = z.infer<typeof supportCountrySchema>;

/** What a phone dials: digits with an optional leading +, spaces, dashes, dots and brackets. */
export const dialNumberSchema = text(2, SUPPORT_LIMITS.phone.max).refine(
  (value) => /^\+?[0-9][0-9 ().-]*$/.test(value),
  'must be a number to dial, like "+44 1632 960001"',
);

export const crisisLineSchema = z
  .object({
    name: text(SUPPORT_LIMITS.name.min, SUPPORT_LIMITS.name.max),
    description: text(1, SUPPORT_LIMITS.description.max).optional(),
    phone: dialNumberSchema.optional(),
    sms: dialNumberSchema.optional(),
    url: httpsLinkSchema.optional(),
    hours: text(1, SUPPORT_LIMITS.hours.max).optional(),
    languages: z.array(languageSchema).max(MAX_LINE_LANGUAGES).optional(),
    /** Demo data, not a real service: shown with a clear marker until an admin replaces it. */
    example: z.boolean().default(false),
  })
  .strict()
  .refine((line) => Boolean(line.phone || line.sms || line.url), {
    message: 'give at least a phone number, a text number or a web address',
    path: ['phone'],
  });
export type CrisisLine = z.infer<typeof crisisLineSchema>;
export type CrisisLineInput = z.input<typeof crisisLineSchema>;

/** `PUT /api/admin/support/:country`: the whole settings of one country, replacing what was there. */
export const supportSettingsBody = z
  .object({
    crisisLines: z.array(crisisLineSchema).max(MAX_CRISIS_LINES),
    donationUrl: httpsLinkSchema.nullable().default(null),
  })
  .strict();
export type SupportSettingsInput = z.input<typeof supportSettingsBody>;

export const supportCountryParams = z.object({ country: supportCountrySchema });
/** The general list always exists, so no country can ever be left without one. */
export const deletableCountryParams = z.object({ country: countrySchema });

export const supportSettingsSchema = z.object({
  country: supportCountrySchema,
  crisisLines: z.array(crisisLineSchema),
  donationUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type SupportSettings = z.infer<typeof supportSettingsSchema>;
export const supportSettingsResponse = z.object({ settings: supportSettingsSchema });
export const supportSettingsList = z.object({ items: z.array(supportSettingsSchema) });

/** `?country=GB`; without it, the general list. */
export const supportResourcesQuery = z.object({ country: supportCountrySchema.optional() });

/**
 * What the panel shows. `fallback` says the crisis lines are the general list's because
 * the country has none of its own; the donation link likewise falls back to the general one.
 */
export const supportResourcesResponse = z.object({
  country: supportCountrySchema,
  crisisLines: z.array(crisisLineSchema),
  donationUrl: z.string().nullable(),
  fallback: z.boolean(),
});
export type SupportResources = z.infer<typeof supportResourcesResponse>;
