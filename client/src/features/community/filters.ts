import {
  FEEDBACK_STATUSES,
  type FeedbackStatus,
  GROUP_KINDS,
  type GroupKind,
  PAGE_SIZE,
  POINTS,
  POST_KINDS,
  type Point,
  type PostKind,
} from './constants.ts';
import { dayEndInstant, dayStartInstant } from './time.ts';

/**
 * The lists' filters live in the address (`/posts?point=2`), so a filtered list can be
 * bookmarked, shared and reached with Back. Unknown or malformed values are dropped rather
 * than sent on: the server would refuse them with a 400.
 */

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const ID = /^[a-f0-9]{24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string | number>(list: readonly T[], value: unknown): T | undefined =>
  list.find((item) => String(item) === value);

function read(search: string): URLSearchParams {
  return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
}

/** `?a=1&b=2` from the defined, non-empty values, or '' when there are none. */
export function toSearch(values: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface GroupFilters {
  country?: string;
  city?: string;
  language?: string;
  kind?: GroupKind;
  mine?: boolean;
}

export function parseGroupFilters(search: string): GroupFilters {
  const q = read(search);
  const city = q.get('city')?.trim().slice(0, 80);
  return {
    country: COUNTRY.test(q.get('country') ?? '') ? (q.get('country') as string) : undefined,
    city: city || undefined,
    language: LANGUAGE.test(q.get('language') ?? '') ? (q.get('language') as string) : undefined,
    kind: oneOf(GROUP_KINDS, q.get('kind')),
    mine: q.get('mine') === 'true' || undefined,
  };
}

export const groupFiltersSearch = (f: GroupFilters) =>
  toSearch({ ...f, mine: f.mine ? 'true' : undefined });

export function groupListQuery(f: GroupFilters, cursor?: string | null): string {
  return toSearch({
    ...f,
    mine: f.mine ? 'true' : undefined,
    limit: PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}

export interface EventFilters {
  /** Calendar days ("2030-05-01") in the viewer's zone. */
  from?: string;
  to?: string;
  country?: string;
  group?: string;
}

export function parseEventFilters(search: string): EventFilters {
  const q = read(search);
  const day = (key: string) => (DATE.test(q.get(key) ?? '') ? (q.get(key) as string) : undefined);
  return {
    from: day('from'),
    to: day('to'),
    country: COUNTRY.test(q.get('country') ?? '') ? (q.get('country') as string) : undefined,
    group: ID.test(q.get('group') ?? '') ? (q.get('group') as string) : undefined,
  };
}

/** "From 10 May until 5 May": a window that ends before it starts (same day is one day). */
export const datesBackwards = (f: EventFilters): boolean =>
  Boolean(f.from && f.to && f.to < f.from);

export const eventFiltersSearch = (f: EventFilters) => toSearch({ ...f });

/** Days become instants in the viewer's zone; "to" includes the whole of that day. */
export function eventListQuery(f: EventFilters, zone: string, cursor?: string | null): string {
  return toSearch({
    from: f.from ? (dayStartInstant(f.from, zone) ?? undefined) : undefined,
    to: f.to ? (dayEndInstant(f.to, zone) ?? undefined) : undefined,
    country: f.country,
    groupId: f.group,
    limit: PAGE_SIZE,
    cursor: cursor ?? undefined,
  });
}

export interface PostFilters {
  point?: Point;
  kind?: PostKind;
}

export function parsePostFilters(search: string): PostFilters {
  const q = read(search);
  return { point: oneOf(POINTS, q.get('point')), kind: oneOf(POST_KINDS, q.get('kind')) };
}

export const postFiltersSearch = (f: PostFilters) => toSearch({ ...f });

export const postListQuery = (f: PostFilters, cursor?: string | null) =>
  toSearch({ ...f, limit: PAGE_SIZE, cursor: cursor ?? undefined });

export function parseFeedbackStatus(search: string): FeedbackStatus | undefined {
  return oneOf(FEEDBACK_STATUSES, read(search).get('status'));
}

export const pageQuery = (cursor?: string | null, extra: Record<string, string | undefined> = {}) =>
  toSearch({ ...extra, limit: PAGE_SIZE, cursor: cursor ?? undefined });
