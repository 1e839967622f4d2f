import { z } from 'zod';
import {
  countrySchema,
  idSchema,
  nameText,
  pageOf,
  pageQuery,
  text,
  timeZoneSchema,
} from '../common.ts';
import { webLinkSchema } from '../links.ts';
import { personSchema } from './common.ts';

export const EVENT_KINDS = ['social', 'conference', 'training-day', 'other'] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
/** A hard ceiling on places, also for "no limit" events: it bounds the event document. */
export const MAX_EVENT_PLACES = 5000;
/** Longest event: a multi-day conference. */
export const MAX_EVENT_DURATION_MS = 14 * 24 * 3600 * 1000;

export const eventLocationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('online'), url: webLinkSchema.optional() }).strict(),
  z
    .object({
      type: z.literal('in-person'),
      venue: text(1, 120),
      address: text(1, 200).optional(),
      city: text(1, 80),
      region: text(1, 80).optional(),
      country: countrySchema,
    })
    .strict(),
]);
export type EventLocation = z.infer<typeof eventLocationSchema>;

/** Instants travel as ISO 8601 with an offset and are stored in UTC; `timeZone` is where it happens. */
const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time like 2030-05-01T18:00:00Z' })
  .transform((value) => new Date(value));

const eventFields = {
  title: nameText(3, 120),
  description: text(1, 4000),
  kind: eventKindSchema,
  startsAt: instant,
  endsAt: instant,
  timeZone: timeZoneSchema,
  location: eventLocationSchema,
  /** null: no limit other than MAX_EVENT_PLACES. */
  capacity: z.number().int().min(1).max(MAX_EVENT_PLACES).nullable(),
};

function checkTimes(
  event: { startsAt?: Date | undefined; endsAt?: Date | undefined },
  issue: z.RefinementCtx,
) {
  // Refinements also run when a field already failed (zod keeps going to report every
  // issue), so only compare values that did parse into dates.
  if (!(event.startsAt instanceof Date) || !(event.endsAt instanceof Date)) return;
  if (event.endsAt <= event.startsAt)
    issue.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  else if (event.endsAt.getTime() - event.startsAt.getTime() > MAX_EVENT_DURATION_MS)
    issue.addIssue({ code: 'custom', path: ['endsAt'], message: 'an event lasts 14 days at most' });
}

export const createEventBody = z
  .object({
    ...eventFields,
    capacity: eventFields.capacity.default(null),
    groupId: idSchema.optional(),
  })
  .strict()
  .superRefine(checkTimes);
export type CreateEventInput = z.infer<typeof createEventBody>;

/** Cancelling is a one-way step (`status: 'cancelled'`); the group an event belongs to stays. */
export const updateEventBody = z
  .object({ ...eventFields, status: z.literal('cancelled') })
  .partial()
  .strict()
  .superRefine(checkTimes)
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdateEventInput = z.infer<typeof updateEventBody>;

export const eventListQuery = pageQuery
  .extend({
    /** Events still running at or after this instant; default now (upcoming). */
    from: instant.optional(),
    /** Events starting before this instant. */
    to: instant.optional(),
    country: countrySchema.optional(),
    groupId: idSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || query.to > query.from, {
    path: ['to'],
    message: 'must be after from',
  });
export type EventListQuery = z.infer<typeof eventListQuery>;

export const rsvpBody = z.object({ going: z.boolean() }).strict();

export const eventSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  kind: eventKindSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** An online event's link is shown only to those going, the creator and site staff. */
  location: eventLocationSchema,
  capacity: z.number().int().nullable(),
  groupId: idSchema.nullable(),
  createdBy: personSchema.nullable(),
  status: z.enum(EVENT_STATUSES),
  goingCount: z.number().int(),
  placesLeft: z.number().int().nullable(),
  amGoing: z.boolean(),
  canEdit: z.boolean(),
  /** Only the creator sees who is going; everyone else sees counts. */
  attendees: z.array(personSchema).optional(),
});
export type CommunityEvent = z.infer<typeof eventSchema>;
export const eventResponse = z.object({ event: eventSchema });
export const eventPage = pageOf(eventSchema);
