import type { Problem } from '../../forms/validation.ts';
import {
  type EventKind,
  type FeedbackTopic,
  type GroupKind,
  COMMUNITY_LIMITS as L,
  type Point,
  type PostKind,
  type ReportReason,
} from './constants.ts';
import { wallTimeToInstant } from './time.ts';

/**
 * Browser-side checks for the community forms, run before sending so a person hears what
 * to fix in their own language at once. They mirror shared/api/community/*.ts (the server
 * checks again); field names are the API's paths, as the server reports its own problems.
 */
export type CommunityProblem =
  | Problem
  | { key: 'url' }
  | { key: 'endBeforeStart' }
  | { key: 'eventTooLong'; days: number }
  | { key: 'endInPast' }
  | { key: 'capacity'; min: number; max: number };

export type CommunityProblems<F extends string> = Partial<Record<F, CommunityProblem>>;

function only<F extends string>(
  entries: Record<F, CommunityProblem | undefined>,
): CommunityProblems<F> {
  const out: CommunityProblems<F> = {};
  for (const [field, problem] of Object.entries(entries) as [F, CommunityProblem | undefined][]) {
    if (problem) out[field] = problem;
  }
  return out;
}

function required(value: string, { min, max }: { min: number; max: number }) {
  const length = value.trim().length;
  if (length === 0) return { key: 'required' } as const;
  if (length < min) return { key: 'tooShort', min } as const;
  if (length > max) return { key: 'tooLong', max } as const;
  return undefined;
}

function optional(value: string, limits: { min: number; max: number }) {
  return value.trim() ? required(value, limits) : undefined;
}

/** http(s) to a named host, without a user name or password (the server also refuses IPs). */
export function isShareableUrl(value: string): boolean {
  const text = value.trim();
  if (!text || text.length > L.url.max) return false;
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname.includes('.') &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

const urlProblem = (value: string, needed: boolean): CommunityProblem | undefined => {
  if (!value.trim()) return needed ? { key: 'required' } : undefined;
  return isShareableUrl(value) ? undefined : { key: 'url' };
};

// Groups ----------------------------------------------------------------------------------

export interface GroupValues {
  name: string;
  description: string;
  language: string;
  kind: GroupKind;
  country: string;
  region: string;
  city: string;
  topic: string;
  timeZone: string;
}
export const GROUP_FIELDS = [
  'name',
  'description',
  'language',
  'kind',
  'topic',
  'area.country',
  'area.region',
  'area.city',
  'timeZone',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export function validateGroup(v: GroupValues): CommunityProblems<GroupField> {
  const isArea = v.kind === 'area';
  return only<GroupField>({
    name: required(v.name, L.groupName),
    description: required(v.description, L.groupDescription),
    language: v.language ? undefined : { key: 'required' },
    kind: undefined,
    topic: isArea ? undefined : required(v.topic, L.groupTopic),
    // An area group needs a country; a topic group may name an area too.
    'area.country':
      !v.country && (isArea || v.region.trim() || v.city.trim()) ? { key: 'required' } : undefined,
    'area.region': optional(v.region, L.areaText),
    'area.city': optional(v.city, L.areaText),
    timeZone: undefined,
  });
}

/** The body of `POST /groups`: empty optional fields left out. */
export function groupBody(v: GroupValues) {
  const area = v.country
    ? {
        country: v.country,
        ...(v.region.trim() ? { region: v.region.trim() } : {}),
        ...(v.city.trim() ? { city: v.city.trim() } : {}),
      }
    : undefined;
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    language: v.language,
    kind: v.kind,
    ...(area ? { area } : {}),
    ...(v.kind === 'topic' && v.topic.trim() ? { topic: v.topic.trim() } : {}),
    ...(v.timeZone ? { timeZone: v.timeZone } : {}),
  };
}

// Events ----------------------------------------------------------------------------------

export interface EventValues {
  title: string;
  description: string;
  kind: EventKind;
  /** Wall-clock times ("2030-05-01T18:00") in `timeZone`. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  locationType: 'online' | 'in-person';
  url: string;
  venue: string;
  address: string;
  city: string;
  region: string;
  country: string;
  /** '' means no limit. */
  capacity: string;
  groupId: string;
}
export const EVENT_FIELDS = [
  'title',
  'description',
  'kind',
  'startsAt',
  'endsAt',
  'timeZone',
  'location.url',
  'location.venue',
  'location.address',
  'location.city',
  'location.region',
  'location.country',
  'capacity',
  'groupId',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export function parseCapacity(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= L.capacity.min && n <= L.capacity.max ? n : undefined;
}

export function validateEvent(v: EventValues, now = new Date()): CommunityProblems<EventField> {
  const start = wallTimeToInstant(v.startsAt, v.timeZone);
  const end = wallTimeToInstant(v.endsAt, v.timeZone);
  let endProblem: CommunityProblem | undefined;
  if (!v.endsAt) endProblem = { key: 'required' };
  else if (!end) endProblem = { key: 'invalid' };
  else if (start && end <= start) endProblem = { key: 'endBeforeStart' };
  else if (start && end.getTime() - start.getTime() > L.eventDays * 24 * 3600 * 1000)
    endProblem = { key: 'eventTooLong', days: L.eventDays };
  else if (end <= now) endProblem = { key: 'endInPast' };
  const inPerson = v.locationType === 'in-person';
  return only<EventField>({
    title: required(v.title, L.eventTitle),
    description: required(v.description, L.eventDescription),
    kind: undefined,
    startsAt: !v.startsAt ? { key: 'required' } : start ? undefined : { key: 'invalid' },
    endsAt: endProblem,
    timeZone: v.timeZone ? undefined : { key: 'required' },
    'location.url': inPerson ? undefined : urlProblem(v.url, false),
    'location.venue': inPerson ? required(v.venue, L.venue) : undefined,
    'location.address': inPerson ? optional(v.address, L.address) : undefined,
    'location.city': inPerson ? required(v.city, L.eventCity) : undefined,
    'location.region': inPerson ? optional(v.region, L.areaText) : undefined,
    'location.country': inPerson && !v.country ? { key: 'required' } : undefined,
    capacity:
      parseCapacity(v.capacity) === undefined
        ? { key: 'capacity', min: L.capacity.min, max: L.capacity.max }
        : undefined,
    groupId: undefined,
  });
}

/** The fields of `POST /events` (and of a full `PATCH`), once `validateEvent` found nothing. */
export function eventBody(v: EventValues) {
  const location =
    v.locationType === 'online'
      ? { type: 'online' as const, ...(v.url.trim() ? { url: v.url.trim() } : {}) }
      : {
          type: 'in-person' as const,
          venue: v.venue.trim(),
          ...(v.address.trim() ? { address: v.address.trim() } : {}),
          city: v.city.trim(),
          ...(v.region.trim() ? { region: v.region.trim() } : {}),
          country: v.country,
        };
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    kind: v.kind,
    startsAt: wallTimeToInstant(v.startsAt, v.timeZone)?.toISOString() ?? v.startsAt,
    endsAt: wallTimeToInstant(v.endsAt, v.timeZone)?.toISOString() ?? v.endsAt,
    timeZone: v.timeZone,
    location,
    capacity: parseCapacity(v.capacity) ?? null,
  };
}

// Posts, comments, reports ----------------------------------------------------------------

export interface PostValues {
  kind: PostKind;
  title: string;
  body: string;
  url: string;
  point: Point | '';
}
export const POST_FIELDS = ['kind', 'title', 'body', 'url', 'point'] as const;
export type PostField = (typeof POST_FIELDS)[number];

/** Videos and articles are shared as links (never embedded), so they need one. */
export const needsUrl = (kind: PostKind) => kind !== 'idea';

export function validatePost(v: PostValues): CommunityProblems<PostField> {
  return only<PostField>({
    kind: undefined,
    title: required(v.title, L.postTitle),
    body: required(v.body, L.postBody),
    url: urlProblem(v.url, needsUrl(v.kind)),
    point: v.point === '' ? { key: 'required' } : undefined,
  });
}

export function postBody(v: PostValues) {
  return {
    kind: v.kind,
    title: v.title.trim(),
    body: v.body.trim(),
    ...(v.url.trim() ? { url: v.url.trim() } : {}),
    point: v.point === '' ? 1 : v.point,
  };
}

export const validateComment = (body: string): CommunityProblems<'body'> =>
  only({ body: required(body, L.comment) });

export function validateReport(
  reason: ReportReason | '',
  note: string,
): CommunityProblems<'reason' | 'note'> {
  return only({
    reason: reason ? undefined : { key: 'required' },
    note: optional(note, L.reportNote),
  });
}

export function validateFeedback(
  topic: FeedbackTopic | '',
  message: string,
): CommunityProblems<'topic' | 'message'> {
  return only({
    topic: topic ? undefined : { key: 'required' },
    message: required(message, L.feedbackMessage),
  });
}

export const validateResponse = (response: string): CommunityProblems<'response'> =>
  only({ response: optional(response, L.feedbackResponse) });
