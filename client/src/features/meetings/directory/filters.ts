import { hoursLeftToday, isCalendarDate, mondayOf, todayIn } from './dates.ts';
import {
  AUDIENCES,
  type Audience,
  isOneOf,
  MEETING_FORMATS,
  MEETING_TYPES,
  type MeetingFormat,
  type MeetingType,
} from './model.ts';

/**
 * The directory's filters live in the address (`/meetings?language=es&soon=today`), so a
 * filtered view can be shared or bookmarked. Parsing is forgiving: a value that is not one
 * the page knows is dropped, never sent to the server.
 */
export const SOON_OPTIONS = ['now', '2h', 'today', 'week'] as const;
export type Soon = (typeof SOON_OPTIONS)[number];
export const VIEWS = ['list', 'week'] as const;
export type View = (typeof VIEWS)[number];

export interface DirectoryFilters {
  language?: string;
  type?: MeetingType;
  /** Only with type=specialised. */
  audience?: Audience;
  format?: MeetingFormat;
  country?: string;
  soon?: Soon;
  /** An explicitly chosen zone; absent means the viewer's default. */
  tz?: string;
  view?: View;
  /** The Monday of the week shown in the week view. */
  week?: string;
}

/** The order keys appear in the address, so equal filters give equal URLs. */
const KEYS = [
  'language',
  'type',
  'audience',
  'format',
  'country',
  'soon',
  'tz',
  'view',
  'week',
] as const;

const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const COUNTRY = /^[A-Z]{2}$/;

export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function parseFilters(search: string): DirectoryFilters {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(key) ?? undefined;
  const out: DirectoryFilters = {};
  const language = get('language');
  if (language && LANGUAGE.test(language)) out.language = language;
  const type = get('type');
  if (isOneOf(MEETING_TYPES, type)) out.type = type;
  const audience = get('audience');
  if (out.type === 'specialised' && isOneOf(AUDIENCES, audience)) out.audience = audience;
  const format = get('format');
  if (isOneOf(MEETING_FORMATS, format)) out.format = format;
  const country = get('country');
  if (country && COUNTRY.test(country)) out.country = country;
  const soon = get('soon');
  if (isOneOf(SOON_OPTIONS, soon)) out.soon = soon;
  const tz = get('tz');
  if (isTimeZone(tz)) out.tz = tz;
  const view = get('view');
  if (view === 'week') out.view = view;
  const week = get('week');
  if (isCalendarDate(week)) out.week = mondayOf(week);
  return out;
}

/** "?language=es&type=open", or "" when nothing is chosen. */
export function filtersToSearch(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    if (key === 'audience' && filters.type !== 'specialised') continue;
    if (key === 'view' && value === 'list') continue;
    params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Sets one filter (undefined or '' clears it); changing the type drops a stale audience. */
export function withFilter<K extends keyof DirectoryFilters>(
  filters: DirectoryFilters,
  key: K,
  value: DirectoryFilters[K] | '',
): DirectoryFilters {
  const next: DirectoryFilters = { ...filters };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value as DirectoryFilters[K];
  if (next.type !== 'specialised') delete next.audience;
  return next;
}

/** Whether any of the filters a person sets in the form is set (view and week are not). */
export function hasChosenFilters(filters: DirectoryFilters): boolean {
  return KEYS.some((key) => key !== 'view' && key !== 'week' && filters[key] !== undefined);
}

/** Whether the filters leave meetings out (a chosen zone only changes how times read). */
export function narrowsResults(filters: DirectoryFilters): boolean {
  return KEYS.some(
    (key) => key !== 'view' && key !== 'week' && key !== 'tz' && filters[key] !== undefined,
  );
}

export function clearFilters(filters: DirectoryFilters): DirectoryFilters {
  const out: DirectoryFilters = {};
  if (filters.view) out.view = filters.view;
  if (filters.week) out.week = filters.week;
  return out;
}

export interface ListRequest {
  /** Stable while the filters, zone and day stay the same (used to reuse a loaded list). */
  key: string;
  /** The query string for GET /api/meetings. */
  params: Record<string, string>;
  /** For "today": keep only meetings in progress or starting on this local date. */
  onlyDate: string | null;
}

const SOON_HOURS: Record<Exclude<Soon, 'today'>, number> = { now: 0, '2h': 2, week: 168 };

function baseParams(filters: DirectoryFilters, zone: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.language) params.language = filters.language;
  if (filters.type) params.type = filters.type;
  if (filters.audience && filters.type === 'specialised') params.audience = filters.audience;
  if (filters.format) params.format = filters.format;
  if (filters.country) params.country = filters.country;
  params.tz = zone;
  return params;
}

export const PAGE_SIZE = 20;

/** What the list view asks the server for, in the viewer's zone `zone`. */
export function listRequest(
  filters: DirectoryFilters,
  zone: string,
  now: Date | number = Date.now(),
): ListRequest {
  const params: Record<string, string> = {
    ...baseParams(filters, zone),
    limit: String(PAGE_SIZE),
  };
  let onlyDate: string | null = null;
  if (filters.soon === 'today') {
    params.startingWithinHours = String(hoursLeftToday(zone, now));
    onlyDate = todayIn(zone, now);
  } else if (filters.soon) {
    params.startingWithinHours = String(SOON_HOURS[filters.soon]);
  }
  const { startingWithinHours: _hours, ...stable } = params;
  return {
    key: JSON.stringify({ ...stable, soon: filters.soon ?? null, onlyDate }),
    params,
    onlyDate,
  };
}

/** The most meetings the week view lays out; past that it asks for narrower filters. */
export const WEEK_MEETING_LIMIT = 100;

export interface WeekRequest {
  key: string;
  params: Record<string, string>;
  monday: string;
  zone: string;
}

/** The week view ignores "starting soon": it shows the whole week it is on. */
export function weekRequest(filters: DirectoryFilters, zone: string, monday: string): WeekRequest {
  const params = { ...baseParams(filters, zone), limit: String(WEEK_MEETING_LIMIT) };
  return { key: JSON.stringify({ ...params, monday }), params, monday, zone };
}
