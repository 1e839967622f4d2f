import { z } from 'zod';
import { slipNameSchema } from '../api/attendance.ts';
import { idSchema, languageSchema, text } from '../api/common.ts';

/**
 * Training records, certificates and the facilitator grant (docs/training.md, "Records,
 * certificates and gated hosting"). Courses themselves live in the training feature; this
 * side only hears that a member completed one, and keeps what that earns them.
 */

export const TRACKS = ['foundations', 'facilitator', 'champion'] as const;
export const trackSchema = z.enum(TRACKS);
export type Track = z.infer<typeof trackSchema>;

/**
 * 16 characters of RFC 4648 base32 (80 random bits): unguessable, short enough to type from
 * paper, and free of 0/1/8/9 so O, I and B are never misread. Typed codes are upper-cased and
 * may carry the spaces or dashes a printed code is grouped with.
 */
export const CERTIFICATE_CODE_LENGTH = 16;
export const certificateCodeSchema = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{16}$/, 'must be a certificate code'));
export const codeParams = z.object({ code: certificateCodeSchema });

/**
 * The name printed on a certificate: the member's display name at issue, or one they choose
 * once. The attendance slip's rule: 1-80 characters, and no control characters, separators or
 * bidirectional overrides that could make the printed name read differently from the stored one.
 */
export const certificateNameSchema = slipNameSchema;

/** What the completion hook reports; checked on arrival like any other input. */
export const courseCompletionSchema = z
  .object({
    courseId: idSchema,
    courseTitle: text(1, 200),
    track: trackSchema,
    language: languageSchema,
  })
  .strict();
export type CourseCompletion = z.infer<typeof courseCompletionSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A certificate as its owner sees it. */
export const certificateSchema = z.object({
  code: z.string(),
  nameOnCertificate: z.string(),
  /** Whether the member already used their one chance to choose the printed name. */
  nameChosen: z.boolean(),
  courseId: idSchema,
  courseTitle: z.string(),
  track: trackSchema,
  language: z.string(),
  issuedAt: z.iso.datetime(),
  /** The date printed and verified (UTC), so every page shows the same day. */
  issuedOn: isoDate,
  keepVerifiableAfterDeletion: z.boolean(),
  /** Where anyone checks it: the public page in the client (the API's twin is `verify`). */
  verifyPath: z.string(),
});
export type CertificateView = z.infer<typeof certificateSchema>;
export const certificatesResponse = z.object({ certificates: z.array(certificateSchema) });
export const certificateResponse = z.object({ certificate: certificateSchema });

/** The printable page: the certificate and the absolute address its QR code points to. */
export const certificatePrintResponse = z.object({
  certificate: certificateSchema,
  verifyUrl: z.string(),
});

export const certificatePatchBody = z
  .object({
    keepVerifiableAfterDeletion: z.boolean().optional(),
    nameOnCertificate: certificateNameSchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'name at least one field');

/**
 * The public check: only the name on the certificate, the course and the date. The member's
 * id, track, language and other certificates are never part of it.
 */
export const certificateVerifyResponse = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    certificate: z.object({
      nameOnCertificate: z.string(),
      courseTitle: z.string(),
      issuedOn: isoDate,
    }),
  }),
  z.object({ valid: z.literal(false) }),
]);

export const trainingRecordResponse = z.object({
  record: z.object({
    courses: z.array(
      z.object({
        courseId: idSchema,
        courseTitle: z.string(),
        track: trackSchema,
        completedAt: z.iso.datetime(),
      }),
    ),
    tracks: z.array(z.object({ track: trackSchema, completedAt: z.iso.datetime() })),
    facilitatorTrainingComplete: z.boolean(),
  }),
});

export const grantBody = z.object({ userId: idSchema }).strict();
export const grantResponse = z.object({
  grant: z.object({ userId: idSchema, role: z.literal('facilitator'), alreadyHeld: z.boolean() }),
});

/**
 * The organisation's training policy. `facilitatorCourseIds` names the courses that make up
 * the facilitator track; empty means any facilitator-track course completes it (one course
 * today).
 */
export const trainingSettingsSchema = z.object({
  autoGrantFacilitator: z.boolean(),
  facilitatorCourseIds: z.array(idSchema).max(50),
});
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;
export const trainingSettingsResponse = z.object({ settings: trainingSettingsSchema });
export const trainingSettingsPatchBody = trainingSettingsSchema
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'name at least one field');
