import {
  AGENDA_MAX_SEGMENTS,
  type AgendaKind,
  type AgendaSegment,
  DEFAULT_AGENDA,
  SEGMENT_MAX_MINUTES,
} from '../../../../../shared/meetings/agenda.ts';
import type { Problem, Problems } from '../../../forms/validation.ts';
import type { CreateMeetingInput } from './api.ts';
import { isCalendarDate } from './dates.ts';
import { isTimeZone } from './filters.ts';
import {
  type Audience,
  DEFAULT_CAPACITY,
  type EligibilityStatement,
  hasPlace,
  MEETING_LIMITS,
  type MeetingFormat,
  type MeetingType,
  type MeetingView,
  STATEMENT_FOR_AUDIENCE,
} from './model.ts';

/**
 * The meeting form as plain data: what the fields hold (all strings and flags, as inputs
 * give them), the browser-side checks, and the API body they become. Field names are the
 * API's paths, so the server's per-field problems land on the same fields. More specific
 * paths come first: the first listed field a server path starts with gets its problem.
 */
export const MEETING_FIELDS = [
  'title',
  'description',
  'type',
  'audience',
  'eligibility.statementKey',
  'eligibility',
  'format',
  'language',
  'recurrence.weekdays',
  'recurrence.localTime',
  'recurrence.localDateTime',
  'recurrence.timeZone',
  'recurrence.startsOn',
  'recurrence.until',
  'recurrence',
  'durationMinutes',
  'capacity',
  'location.placeName',
  'location.address',
  'location.city',
  'location.region',
  'location.country',
  'location.notes',
  'location',
  'area.country',
  'area',
  'partnerId',
  'agenda',
] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export interface MeetingFormValues {
  title: string;
  description: string;
  type: MeetingType;
  audience: Audience | '';
  requiresConfirmation: boolean;
  statementKey: EligibilityStatement;
  format: MeetingFormat;
  language: string;
  kind: 'weekly' | 'once';
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  localTime: string;
  localDateTime: string;
  timeZone: string;
  startsOn: string;
  until: string;
  durationMinutes: string;
  capacity: string;
  placeName: string;
  address: string;
  city: string;
  region: string;
  country: string;
  notes: string;
  /** For online meetings: the country they are meant for, so the country filter finds them. */
  areaCountry: string;
  /** The agenda's segments as the editor holds them; the standard agenda when untouched. */
  agenda: AgendaRow[];
}

/** One segment in the editor: minutes as typed. */
export interface AgendaRow {
  kind: AgendaKind;
  title: string;
  minutes: string;
}

export const agendaRows = (segments: AgendaSegment[]): AgendaRow[] =>
  segments.map((s) => ({ kind: s.kind, title: s.title ?? '', minutes: String(s.minutes) }));

const agendaOfRows = (rows: AgendaRow[]): AgendaSegment[] =>
  rows.map((row) => ({
    kind: row.kind,
    ...(row.title.trim() ? { title: row.title.trim() } : {}),
    minutes: Number(row.minutes),
  }));

/** A problem of one segment, for the editor to show beside it (its own checks). */
export function agendaRowProblem(row: AgendaRow): Problem | undefined {
  const minutes = wholeNumber(row.minutes, 1, SEGMENT_MAX_MINUTES);
  if (minutes) return minutes;
  if (row.kind === 'custom' && !row.title.trim()) return { key: 'required' };
  return text(row.title, 0, 60);
}

export function newMeetingValues(defaults: {
  timeZone: string;
  today: string;
  language: string;
}): MeetingFormValues {
  return {
    title: '',
    description: '',
    type: 'open',
    audience: '',
    requiresConfirmation: true,
    statementKey: STATEMENT_FOR_AUDIENCE['family-and-friends'],
    format: 'online',
    language: defaults.language,
    kind: 'weekly',
    weekdays: [],
    localTime: '19:00',
    localDateTime: '',
    timeZone: defaults.timeZone,
    startsOn: defaults.today,
    until: '',
    durationMinutes: '60',
    capacity: String(DEFAULT_CAPACITY),
    placeName: '',
    address: '',
    city: '',
    region: '',
    country: '',
    notes: '',
    areaCountry: '',
    agenda: agendaRows(DEFAULT_AGENDA),
  };
}

export function valuesFromMeeting(meeting: MeetingView, today: string): MeetingFormValues {
  const rec = meeting.recurrence;
  const place = meeting.location;
  const base = newMeetingValues({ timeZone: rec.timeZone, today, language: meeting.language });
  return {
    ...base,
    title: meeting.title,
    description: meeting.description,
    type: meeting.type,
    audience: meeting.audience ?? '',
    requiresConfirmation: meeting.eligibility?.requiresConfirmation ?? false,
    statementKey:
      meeting.eligibility?.statementKey ??
      (meeting.audience ? STATEMENT_FOR_AUDIENCE[meeting.audience] : base.statementKey),
    format: meeting.format,
    kind: rec.kind,
    weekdays: rec.kind === 'weekly' ? [...rec.weekdays] : [],
    localTime: rec.kind === 'weekly' ? rec.localTime : base.localTime,
    localDateTime: rec.kind === 'once' ? rec.localDateTime : '',
    startsOn: rec.kind === 'weekly' ? rec.startsOn : today,
    until: rec.kind === 'weekly' ? (rec.until ?? '') : '',
    durationMinutes: String(meeting.durationMinutes),
    capacity: String(meeting.capacity),
    placeName: place?.placeName ?? '',
    address: place?.address ?? '',
    city: place?.city ?? '',
    region: place?.region ?? '',
    country: place?.country ?? '',
    notes: place?.notes ?? '',
    areaCountry: meeting.format === 'online' ? (meeting.area.country ?? '') : '',
    agenda: agendaRows(meeting.agenda),
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;
const COUNTRY = /^[A-Z]{2}$/;

function text(value: string, min: number, max: number): Problem | undefined {
  const length = value.trim().length;
  if (length === 0 && min > 0) return { key: 'required' };
  if (length < min) return { key: 'tooShort', min };
  if (length > max) return { key: 'tooLong', max };
  return undefined;
}

function wholeNumber(value: string, min: number, max: number): Problem | undefined {
  if (!value.trim()) return { key: 'required' };
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? undefined : { key: 'invalid' };
}

/** The checks the form runs before sending; the limits mirror shared/api/directory.ts. */
export function validateMeeting(v: MeetingFormValues): Problems<MeetingField> {
  const L = MEETING_LIMITS;
  const found: Partial<Record<MeetingField, Problem | undefined>> = {
    title: text(v.title, L.title.min, L.title.max),
    description: text(v.description, L.description.min, L.description.max),
    audience: v.type === 'specialised' && !v.audience ? { key: 'required' } : undefined,
    'recurrence.timeZone': isTimeZone(v.timeZone) ? undefined : { key: 'required' },
    durationMinutes: wholeNumber(v.durationMinutes, L.durationMinutes.min, L.durationMinutes.max),
    capacity: wholeNumber(v.capacity, L.capacity.min, L.capacity.max),
    agenda:
      v.agenda.length === 0 || v.agenda.length > AGENDA_MAX_SEGMENTS
        ? { key: 'invalid' }
        : v.agenda.some((row) => agendaRowProblem(row))
          ? { key: 'invalid' }
          : undefined,
  };
  if (v.kind === 'weekly') {
    found['recurrence.weekdays'] = v.weekdays.length ? undefined : { key: 'required' };
    found['recurrence.localTime'] = TIME.test(v.localTime) ? undefined : { key: 'required' };
    found['recurrence.startsOn'] = isCalendarDate(v.startsOn) ? undefined : { key: 'required' };
    if (v.until && !isCalendarDate(v.until)) found['recurrence.until'] = { key: 'invalid' };
    else if (v.until && isCalendarDate(v.startsOn) && v.until < v.startsOn)
      found['recurrence.until'] = { key: 'invalid' };
  } else {
    const match = DATE_TIME.exec(v.localDateTime);
    found['recurrence.localDateTime'] =
      match && isCalendarDate(match[1]) ? undefined : { key: 'required' };
  }
  if (hasPlace(v.format)) {
    found['location.placeName'] = text(v.placeName, 1, L.placeName.max);
    found['location.address'] = text(v.address, 1, L.address.max);
    found['location.city'] = text(v.city, 1, L.city.max);
    found['location.region'] = text(v.region, 0, L.region.max);
    found['location.country'] = COUNTRY.test(v.country) ? undefined : { key: 'required' };
    found['location.notes'] = text(v.notes, 0, L.notes.max);
  }
  const out: Problems<MeetingField> = {};
  for (const field of MEETING_FIELDS) {
    const problem = found[field];
    if (problem) out[field] = problem;
  }
  return out;
}

/** The fields a PATCH and a create both carry; `partnerId` and facilitators are left alone. */
export type MeetingBody = Omit<CreateMeetingInput, 'partnerId' | 'facilitatorIds'>;

/**
 * The body for POST /api/meetings or PATCH /api/meetings/:id. What does not apply to the
 * chosen type or format is sent as null, so an edit clears it. `original` keeps an online
 * meeting's region and city, which the form does not show.
 */
export function meetingBody(v: MeetingFormValues, original?: MeetingView): MeetingBody {
  const specialised = v.type === 'specialised';
  const physical = hasPlace(v.format);
  const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  const { country: _country, ...areaRest } = original?.format === 'online' ? original.area : {};
  const area = { ...areaRest, ...(v.areaCountry ? { country: v.areaCountry } : {}) };
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    type: v.type,
    audience: specialised && v.audience ? v.audience : null,
    eligibility:
      specialised && v.requiresConfirmation
        ? { requiresConfirmation: true, statementKey: v.statementKey }
        : null,
    format: v.format,
    language: v.language,
    recurrence:
      v.kind === 'weekly'
        ? {
            kind: 'weekly',
            weekdays: [...v.weekdays].sort((a, b) => a - b),
            localTime: v.localTime,
            timeZone: v.timeZone,
            startsOn: v.startsOn,
            ...(v.until ? { until: v.until } : {}),
          }
        : { kind: 'once', localDateTime: v.localDateTime, timeZone: v.timeZone },
    durationMinutes: Number(v.durationMinutes),
    capacity: Number(v.capacity),
    location: physical
      ? {
          placeName: v.placeName.trim(),
          address: v.address.trim(),
          city: v.city.trim(),
          ...optional('region', v.region),
          country: v.country,
          ...optional('notes', v.notes),
        }
      : null,
    area: !physical && Object.keys(area).length ? area : null,
    // The standard agenda is sent as null, so the meeting follows the standard if it changes.
    agenda: sameAgenda(agendaOfRows(v.agenda), DEFAULT_AGENDA) ? null : agendaOfRows(v.agenda),
  };
}

function sameAgenda(a: AgendaSegment[], b: AgendaSegment[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (s, i) => s.kind === b[i]?.kind && s.minutes === b[i]?.minutes && s.title === b[i]?.title,
    )
  );
}
