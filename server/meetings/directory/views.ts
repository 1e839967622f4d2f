import type { PublicUser } from '../../../shared/api/accounts.ts';
import {
  type CreateMeetingInput,
  cityKey,
  type MeetingView,
  type Recurrence,
} from '../../../shared/api/directory.ts';
import { type AgendaSegment, DEFAULT_AGENDA } from '../../../shared/meetings/agenda.ts';
import type { CalendarEvent } from './icalendar.ts';
import type { MeetingRecord } from './models.ts';
import { isInProgress, lastEnd, nextOccurrence, type Occurrence, viewOf } from './recurrence.ts';

/** Conversions between stored meetings, API input and API views; no I/O, no rules. */

/** Only the fields of the rule's kind: a stored sub-document may carry empty leftovers. */
export function cleanRecurrence(rec: Recurrence): Recurrence {
  if (rec.kind === 'once')
    return { kind: 'once', localDateTime: rec.localDateTime, timeZone: rec.timeZone };
  return {
    kind: 'weekly',
    weekdays: [...rec.weekdays],
    localTime: rec.localTime,
    timeZone: rec.timeZone,
    startsOn: rec.startsOn,
    ...(rec.until ? { until: rec.until } : {}),
  };
}

function cleanArea(area: MeetingRecord['area']): {
  country?: string;
  region?: string;
  city?: string;
} {
  const out: { country?: string; region?: string; city?: string } = {};
  if (area?.country) out.country = area.country;
  if (area?.region) out.region = area.region;
  if (area?.city) out.city = area.city;
  return out;
}

function cleanLocation(location: MeetingRecord['location']): MeetingView['location'] {
  if (!location) return null;
  return {
    placeName: location.placeName,
    address: location.address,
    city: location.city,
    ...(location.region ? { region: location.region } : {}),
    country: location.country,
    ...(location.notes ? { notes: location.notes } : {}),
  };
}

/**
 * The current-or-next occurrence the meeting stores (schedule.ts), while it is still
 * current: the same answer as computing it, without the time-zone arithmetic that made
 * most of a list request's work. Null when it has to be computed (ended, or never stored).
 */
function storedOccurrence(record: MeetingRecord, now: number): Occurrence | null {
  const { nextStart, nextEnd } = record;
  if (!(nextStart instanceof Date) || !(nextEnd instanceof Date)) return null;
  return nextEnd.getTime() > now ? { start: nextStart.getTime(), end: nextEnd.getTime() } : null;
}

export function toView(
  record: MeetingRecord,
  members: Map<string, PublicUser>,
  viewerZone: string,
  now: number,
): MeetingView {
  const recurrence = cleanRecurrence(record.recurrence);
  const next =
    storedOccurrence(record, now) ?? nextOccurrence(recurrence, record.durationMinutes, now);
  const facilitatorIds = record.facilitatorIds.map(String);
  return {
    id: String(record._id),
    title: record.title,
    description: record.description,
    type: record.type,
    audience: record.audience ?? null,
    format: record.format,
    language: record.language,
    recurrence,
    durationMinutes: record.durationMinutes,
    facilitatorIds,
    facilitators: facilitatorIds.flatMap((id) => {
      const member = members.get(id);
      return member ? [{ id, displayName: member.displayName }] : [];
    }),
    capacity: record.capacity,
    partnerId: record.partnerId ? String(record.partnerId) : null,
    location: cleanLocation(record.location),
    area: cleanArea(record.area),
    eligibility: record.eligibility
      ? {
          requiresConfirmation: record.eligibility.requiresConfirmation,
          statementKey: record.eligibility.statementKey,
        }
      : null,
    agenda: agendaOf(record),
    createdBy: record.createdBy ? String(record.createdBy) : null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    nextOccurrence: next ? viewOf(next, viewerZone) : null,
    inProgress: isInProgress(next, now),
  };
}

/** A stored meeting as create input, so a PATCH can be merged and validated as a whole. */
export function toInput(record: MeetingRecord): Record<string, unknown> {
  const area = cleanArea(record.area);
  return {
    title: record.title,
    description: record.description,
    type: record.type,
    audience: record.audience ?? null,
    format: record.format,
    language: record.language,
    recurrence: cleanRecurrence(record.recurrence),
    durationMinutes: record.durationMinutes,
    facilitatorIds: record.facilitatorIds.map(String),
    capacity: record.capacity,
    partnerId: record.partnerId ? String(record.partnerId) : null,
    location: cleanLocation(record.location),
    // A meeting with a place has its area derived; only an online one carries its own.
    area: record.format === 'online' && Object.keys(area).length ? area : null,
    eligibility: record.eligibility
      ? {
          requiresConfirmation: record.eligibility.requiresConfirmation,
          statementKey: record.eligibility.statementKey,
        }
      : null,
    agenda: record.agenda?.length ? record.agenda.map(cleanSegment) : null,
  };
}

/** What is written to the database for validated input (facilitators already settled). */
export function toStored(input: CreateMeetingInput & { facilitatorIds: string[] }) {
  const area = input.location
    ? {
        country: input.location.country,
        city: input.location.city,
        ...(input.location.region ? { region: input.location.region } : {}),
      }
    : (input.area ?? {});
  const end = lastEnd(input.recurrence, input.durationMinutes);
  return {
    title: input.title,
    description: input.description,
    type: input.type,
    audience: input.audience ?? null,
    format: input.format,
    language: input.language,
    recurrence: input.recurrence,
    durationMinutes: input.durationMinutes,
    facilitatorIds: input.facilitatorIds,
    capacity: input.capacity,
    partnerId: input.partnerId ?? null,
    location: input.location ?? null,
    area,
    cityKey: area.city ? cityKey(area.city) : null,
    eligibility: input.eligibility ?? null,
    agenda: input.agenda ?? null,
    activeUntil: end === null ? null : new Date(end),
  };
}

/** A stored segment without what mongoose adds (absent titles come back as undefined). */
const cleanSegment = (segment: AgendaSegment): AgendaSegment => ({
  kind: segment.kind,
  ...(segment.title ? { title: segment.title } : {}),
  minutes: segment.minutes,
});

/** The meeting's own agenda, or the standard one. */
export function agendaOf(record: Pick<MeetingRecord, 'agenda'>): AgendaSegment[] {
  return record.agenda?.length ? record.agenda.map(cleanSegment) : DEFAULT_AGENDA;
}

/** A stored meeting as the .ics writer's event; `origin` makes the join page's address absolute. */
export function calendarEventOf(
  meeting: MeetingRecord,
  origin: string,
  now: number,
): CalendarEvent {
  const id = String(meeting._id);
  const place = meeting.location;
  const location = place
    ? [place.placeName, place.address, place.city, place.region, place.country]
        .filter(Boolean)
        .join(', ')
    : undefined;
  const url = meeting.format === 'in-person' ? undefined : `${origin}/meetings/${id}`;
  const description = place?.notes
    ? `${meeting.description}\n\n${place.notes}`
    : meeting.description;
  return {
    uid: `meeting-${id}@haven`,
    title: meeting.title,
    description,
    recurrence: meeting.recurrence,
    durationMinutes: meeting.durationMinutes,
    location,
    url,
    lastModified: meeting.updatedAt.getTime(),
    now,
  };
}
