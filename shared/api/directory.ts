import { z } from 'zod';
import { agendaSchema } from '../meetings/agenda.ts';
import {
  canonicalTimeZone,
  countrySchema,
  idSchema,
  languageSchema,
  nameText,
  text,
  timeZoneSchema,
} from './common.ts';

/**
 * The meeting directory's public contract. Every schema is strict: unknown keys are refused,
 * filters are enums or anchored patterns, so nothing a client sends can become a query
 * operator or a field the client should not set (createdBy, timestamps).
 */

export const MEETING_TYPES = ['open', 'specialised'] as const;
export const MEETING_FORMATS = ['online', 'in-person', 'hybrid'] as const;
/** Who a specialised meeting is for; the client translates each key. */
export const AUDIENCES = [
  'family-and-friends',
  'women',
  'young-people',
  'lgbtq',
  'veterans',
] as const;
/** What a joiner confirms about themselves; keys, so the client shows them in its language. */
export const ELIGIBILITY_STATEMENTS = [
  'family-or-friend-of-someone-with-addictive-behaviour',
  'identifies-as-woman',
  'aged-18-to-25',
  'identifies-as-lgbtq',
  'served-in-armed-forces',
] as const;

export const meetingTypeSchema = z.enum(MEETING_TYPES);
export type MeetingType = z.infer<typeof meetingTypeSchema>;
export const meetingFormatSchema = z.enum(MEETING_FORMATS);
export const audienceSchema = z.enum(AUDIENCES);

/** Intl accepts any casing ("europe/london"); calendars and the UI want the canonical name. */
const zoneSchema = timeZoneSchema.transform((zone) => canonicalTimeZone(zone) ?? zone);

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
}

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like "2026-10-20"')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return y >= 2000 && y <= 2200 && isRealDate(y, m, d);
  }, 'must be a real date');
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like "19:00"');
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must look like "2026-10-20T19:00"')
  .refine((value) => localDateSchema.safeParse(value.slice(0, 10)).success, 'must be a real date');

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
const weekdaySchema = z.number().int().min(1).max(7);

export const weeklyRecurrenceSchema = z
  .strictObject({
    kind: z.literal('weekly'),
    weekdays: z
      .array(weekdaySchema)
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'must not repeat a weekday')
      .transform((days) => [...days].sort((a, b) => a - b)),
    localTime: localTimeSchema,
    timeZone: zoneSchema,
    startsOn: localDateSchema,
    until: localDateSchema.optional(),
  })
  .refine((rec) => rec.until === undefined || rec.until >= rec.startsOn, {
    message: 'must not be before startsOn',
    path: ['until'],
  });
export const onceRecurrenceSchema = z.strictObject({
  kind: z.literal('once'),
  localDateTime: localDateTimeSchema,
  timeZone: zoneSchema,
});
export const recurrenceSchema = z.discriminatedUnion('kind', [
  weeklyRecurrenceSchema,
  onceRecurrenceSchema,
]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const locationSchema = z.strictObject({
  placeName: text(1, 120),
  address: text(1, 200),
  city: text(1, 80),
  region: text(1, 80).optional(),
  country: countrySchema,
  notes: text(1, 500).optional(),
});
export const meetingAreaSchema = z.strictObject({
  country: countrySchema.optional(),
  region: text(1, 80).optional(),
  city: text(1, 80).optional(),
});
export const eligibilitySchema = z.strictObject({
  requiresConfirmation: z.boolean(),
  statementKey: z.enum(ELIGIBILITY_STATEMENTS),
});

/** Field by field, without defaults: the base of both create and update. */
const meetingFields = {
  title: nameText(3, 120),
  description: text(1, 2000),
  type: meetingTypeSchema,
  audience: audienceSchema.nullable(),
  format: meetingFormatSchema,
  language: languageSchema,
  recurrence: recurrenceSchema,
  durationMinutes: z.number().int().min(15).max(480),
  facilitatorIds: z
    .array(idSchema)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a member'),
  capacity: z.number().int().min(2).max(1000),
  partnerId: idSchema.nullable(),
  location: locationSchema.nullable(),
  area: meetingAreaSchema.nullable(),
  eligibility: eligibilitySchema.nullable(),
  /** The timed segments the live meeting runs through (shared/meetings/agenda.ts); null: the standard one. */
  agenda: agendaSchema.nullable(),
};

type RuleInput = {
  type: string;
  format: string;
  audience?: string | null | undefined;
  location?: unknown;
  area?: unknown;
  eligibility?: unknown;
};

/** Rules that span fields; the service runs them again on a meeting merged with a PATCH. */
function crossFieldRules(meeting: RuleInput, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (meeting.type === 'specialised' && !meeting.audience)
    issue('audience', 'required for a specialised meeting');
  if (meeting.type === 'open' && meeting.audience)
    issue('audience', 'only for specialised meetings');
  if (meeting.type === 'open' && meeting.eligibility)
    issue('eligibility', 'only for specialised meetings');
  const physical = meeting.format !== 'online';
  if (physical && !meeting.location)
    issue('location', 'required for in-person and hybrid meetings');
  if (!physical && meeting.location) issue('location', 'only for in-person and hybrid meetings');
  // The area of a meeting with a place is that place; only online meetings name one freely.
  if (physical && meeting.area) issue('area', 'derived from the location; leave it out');
}

export const createMeetingBody = z
  .strictObject({
    ...meetingFields,
    audience: meetingFields.audience.optional(),
    facilitatorIds: meetingFields.facilitatorIds.optional(),
    capacity: meetingFields.capacity.default(20),
    partnerId: meetingFields.partnerId.optional(),
    location: meetingFields.location.optional(),
    area: meetingFields.area.optional(),
    eligibility: meetingFields.eligibility.optional(),
    agenda: meetingFields.agenda.optional(),
  })
  .superRefine(crossFieldRules);
export type CreateMeetingInput = z.infer<typeof createMeetingBody>;

/** A PATCH names only what changes; `null` clears audience, partner, location, area, eligibility. */
export const updateMeetingBody = z.strictObject(meetingFields).partial();
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const occurrenceSchema = z.object({
  startsAt: z.string().describe('UTC, ISO 8601'),
  endsAt: z.string(),
  startsAtLocal: z.string().describe("ISO 8601 with the offset of the viewer's time zone"),
  endsAtLocal: z.string(),
  weekdayLocal: z.number().int().min(1).max(7),
});
export type OccurrenceView = z.infer<typeof occurrenceSchema>;

export const meetingSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  type: meetingTypeSchema,
  audience: audienceSchema.nullable(),
  format: meetingFormatSchema,
  language: z.string(),
  recurrence: recurrenceSchema,
  durationMinutes: z.number(),
  facilitatorIds: z.array(idSchema),
  /** Display names of the facilitators who still have an account. */
  facilitators: z.array(z.object({ id: idSchema, displayName: z.string() })),
  capacity: z.number(),
  partnerId: idSchema.nullable(),
  location: locationSchema.nullable(),
  area: meetingAreaSchema,
  eligibility: eligibilitySchema.nullable(),
  /** The meeting's own agenda, or the standard one when it has none. */
  agenda: agendaSchema,
  createdBy: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextOccurrence: occurrenceSchema.nullable(),
  inProgress: z.boolean(),
});
export type MeetingView = z.infer<typeof meetingSchema>;
export const meetingResponse = z.object({ meeting: meetingSchema });

/** Normalised for matching: case, accents and spacing do not decide whether a city matches. */
export function cityKey(city: string): string {
  return city
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const listMeetingsQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  language: languageSchema.optional(),
  type: meetingTypeSchema.optional(),
  format: meetingFormatSchema.optional(),
  country: countrySchema.optional(),
  city: text(1, 80).optional(),
  partnerId: idSchema.optional(),
  audience: audienceSchema.optional(),
  /** In progress now, or starting within this many hours. */
  startingWithinHours: z.coerce.number().int().min(0).max(168).optional(),
  tz: zoneSchema.optional(),
});
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuery>;

/** An instant ("2026-10-20T18:00:00Z", "…+01:00"), or a date taken as midnight in `tz`. */
const windowEdgeSchema = z.union([
  localDateSchema,
  z.iso.datetime({ offset: true, message: 'must be a date or an ISO date-time with offset' }),
]);
export const MAX_OCCURRENCE_WINDOW_DAYS = 92;
export const occurrencesQuery = z.strictObject({
  from: windowEdgeSchema.optional(),
  to: windowEdgeSchema.optional(),
  tz: zoneSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(200),
});
export type OccurrencesQuery = z.infer<typeof occurrencesQuery>;
export const occurrencesResponse = z.object({
  meetingId: idSchema,
  timeZone: z.string(),
  items: z.array(occurrenceSchema),
  /** True when the window held more occurrences than `limit`. */
  truncated: z.boolean(),
});

/** The week view asks for all its meetings at once; a window of a month at most. */
export const MAX_BATCH_MEETINGS = 100;
export const MAX_BATCH_WINDOW_DAYS = 31;
export const meetingsOccurrencesQuery = z.strictObject({
  ids: z
    .string()
    .regex(
      new RegExp(`^[a-f0-9]{24}(,[a-f0-9]{24}){0,${MAX_BATCH_MEETINGS - 1}}$`),
      `must be 1 to ${MAX_BATCH_MEETINGS} meeting ids separated by commas`,
    )
    .transform((ids) => [...new Set(ids.split(','))]),
  from: windowEdgeSchema,
  to: windowEdgeSchema,
  tz: zoneSchema.optional(),
  /** Per meeting. */
  limit: z.coerce.number().int().min(1).max(200).default(200),
});
export type MeetingsOccurrencesQuery = z.infer<typeof meetingsOccurrencesQuery>;
export const meetingsOccurrencesResponse = z.object({
  timeZone: z.string(),
  /** One entry per asked meeting that exists, in the order asked; removed ones are absent. */
  meetings: z.array(occurrencesResponse.omit({ timeZone: true })),
});

export const joinMeetingBody = z.strictObject({ confirmEligibility: z.boolean().optional() });
export const joinMeetingResponse = z.object({
  meetingId: idSchema,
  livePath: z.string(),
  inProgress: z.boolean(),
  nextOccurrence: occurrenceSchema.nullable(),
});
