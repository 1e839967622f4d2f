import { z } from 'zod';
import {
  countrySchema,
  idSchema,
  languageSchema,
  nameText,
  pageOf,
  pageQuery,
  text,
  timeZoneSchema,
} from './common.ts';

/**
 * Roles a member can hold (several at once): a participant becomes a facilitator after
 * training; trainers train them; champions are professionals supporting the programme;
 * moderators keep groups and posts safe; advisors review tool proposals; admins act for
 * the board. Partner staff are recognised by their `partnerId`, not by a role.
 */
export const ROLES = [
  'participant',
  'facilitator',
  'trainer',
  'champion',
  'moderator',
  'advisor',
  'admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200);
/** A first name or pseudonym: people in recovery often do not use their full name. */
export const displayNameSchema = nameText(1, 40);

export const loginBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const areaSchema = z.object({
  country: countrySchema.optional(),
  region: text(1, 80).optional(),
  city: text(1, 80).optional(),
});

/**
 * Privacy choices default to the most private option, but one: contact requests from
 * members who share a group or meeting area are allowed, because a request shows nothing of
 * the member and needs their yes, and building up contacts is what the community is for.
 */
export const privacySchema = z.object({
  showInGroupMemberLists: z.boolean(),
  showArea: z.boolean(),
  /** Group chat: others see this member offline even while connected. */
  appearOffline: z.boolean(),
  /** Group chat: others see when this member was last online. */
  showLastSeen: z.boolean(),
  /** Members who share a group or meeting area may ask to be contacts (else nobody may). */
  acceptContactRequests: z.boolean(),
});
export const DEFAULT_PRIVACY = {
  showInGroupMemberLists: false,
  showArea: false,
  appearOffline: false,
  showLastSeen: false,
  acceptContactRequests: true,
} as const;

/** The languages Haven's pages are written in (client/src/i18n); a member's choice is kept. */
export const UI_LANGUAGES = ['en', 'es'] as const;
export const uiLanguageSchema = z.enum(UI_LANGUAGES);

/**
 * `POST /api/auth/register`. `uiLanguage`: the language the page was in, so the emailed
 * link speaks it and the new account starts in it.
 */
export const registerBody = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  uiLanguage: uiLanguageSchema.optional(),
});

export const profileUpdateBody = z
  .object({
    displayName: displayNameSchema,
    area: areaSchema,
    languages: z.array(languageSchema).max(10),
    timeZone: timeZoneSchema,
    privacy: privacySchema.partial(),
    /** The language of Haven's pages, applied when the member signs in on any browser. */
    uiLanguage: uiLanguageSchema,
  })
  .partial()
  .strict();

/** What anyone may see of a member. */
export const publicUserSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  roles: z.array(roleSchema),
  area: areaSchema.optional(),
  languages: z.array(z.string()),
  partnerId: idSchema.nullable(),
});
/** What the member sees of themselves: the only view that carries an email. */
export const ownUserSchema = publicUserSchema.extend({
  email: z.string(),
  area: areaSchema,
  timeZone: z.string(),
  privacy: privacySchema,
  createdAt: z.string(),
  /** Absent until the member picks a language while signed in. */
  uiLanguage: uiLanguageSchema.optional(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;
export type OwnUser = z.infer<typeof ownUserSchema>;

export const userResponse = z.object({ user: ownUserSchema });
export const csrfResponse = z.object({ csrfToken: z.string() });

/** Admins (acting for the board) grant roles: a trained facilitator, a new advisor. */
export const rolesUpdateBody = z
  .object({
    roles: z
      .array(roleSchema)
      .min(1)
      .max(ROLES.length)
      .refine((roles) => roles.includes('participant'), 'every member stays a participant'),
  })
  .strict();
export const memberResponse = z.object({ member: publicUserSchema });

/** The longest name search; an email address (it holds an `@`) may be as long as one can be. */
export const MEMBER_NAME_QUERY_MAX = 40;
export const MEMBER_EMAIL_QUERY_MAX = 254;
/**
 * `GET /api/members` (admins, acting for the board): members whose display name contains
 * `q` (case and accents ignored) or, when `q` holds an `@`, whose email is exactly `q`
 * (case ignored; never a part of an address, so addresses cannot be probed letter by
 * letter); optionally only those holding `role`, or staff of `partnerId`; in name order.
 */
export const memberSearchQuery = pageQuery.extend({
  q: text(0, MEMBER_EMAIL_QUERY_MAX)
    .refine((q) => q.includes('@') || q.length <= MEMBER_NAME_QUERY_MAX, {
      message: `a name search is at most ${MEMBER_NAME_QUERY_MAX} characters`,
    })
    .optional(),
  role: roleSchema.optional(),
  partnerId: idSchema.optional(),
});
export type MemberSearchQuery = z.infer<typeof memberSearchQuery>;
/**
 * Public views only (privacy applied, never an email), roles and partner included;
 * `total` counts every match of the search, not only this page.
 */
export const memberPageResponse = pageOf(publicUserSchema).extend({
  total: z.number().int().nonnegative(),
});

/** `POST /api/auth/password-reset`: answered alike whether or not the address has an account. */
export const passwordResetBody = z.object({ email: emailSchema }).strict();
/** A token from an email link: 32 random bytes in base64url. */
export const emailTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from the link');
export const passwordResetConfirmBody = z
  .object({ token: emailTokenSchema, password: passwordSchema })
  .strict();
/** `POST /api/me/password`: the current password proves it is the member. */
export const passwordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })
  .strict();
export const acceptedResponse = z.object({ accepted: z.literal(true) });
/** `POST /api/auth/verify-email` and `POST /api/me/email/confirm`: the token from the link. */
export const emailTokenBody = z.object({ token: emailTokenSchema }).strict();
/** `POST /api/auth/verify-email/resend`: answered alike for every address. */
export const verificationResendBody = z.object({ email: emailSchema }).strict();
/** `POST /api/me/email`: a confirmation link goes to the new address. */
export const emailChangeBody = z
  .object({ newEmail: emailSchema, currentPassword: z.string().min(1).max(200) })
  .strict();

/** The organisation's sign-in policy (admins only). */
export const accountSettingsSchema = z.object({
  /** Admins without two-factor sign-in are refused every admin action (TWO_FACTOR_REQUIRED). */
  twoFactorRequiredForAdmins: z.boolean(),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export const accountSettingsPatchBody = z
  .object({ twoFactorRequiredForAdmins: z.boolean() })
  .strict();
export const accountSettingsResponse = z.object({ settings: accountSettingsSchema });
