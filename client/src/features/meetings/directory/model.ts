import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { MeetingView, OccurrenceView } from '../../../../../shared/api/directory.ts';

/**
 * The directory's vocabulary on the client. Copied from shared/api/directory.ts rather than
 * imported, because that module builds zod schemas at load time and would pull zod into the
 * first-paint bundle; tests/client/meetings/directory/model.test.ts fails if the copies drift apart.
 */
export const MEETING_TYPES = ['open', 'specialised'] as const;
export const MEETING_FORMATS = ['online', 'in-person', 'hybrid'] as const;
export const AUDIENCES = [
  'family-and-friends',
  'women',
  'young-people',
  'lgbtq',
  'veterans',
] as const;
export const ELIGIBILITY_STATEMENTS = [
  'family-or-friend-of-someone-with-addictive-behaviour',
  'identifies-as-woman',
  'aged-18-to-25',
  'identifies-as-lgbtq',
  'served-in-armed-forces',
] as const;

export type MeetingType = (typeof MEETING_TYPES)[number];
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type EligibilityStatement = (typeof ELIGIBILITY_STATEMENTS)[number];
export type { MeetingView, OccurrenceView };

/** The statement a joiner is asked to confirm, by default, for each audience. */
export const STATEMENT_FOR_AUDIENCE: Record<Audience, EligibilityStatement> = {
  'family-and-friends': 'family-or-friend-of-someone-with-addictive-behaviour',
  women: 'identifies-as-woman',
  'young-people': 'aged-18-to-25',
  lgbtq: 'identifies-as-lgbtq',
  veterans: 'served-in-armed-forces',
};

/** Limits of the create schema, for the form's own checks before sending. */
export const MEETING_LIMITS = {
  title: { min: 3, max: 120 },
  description: { min: 1, max: 2000 },
  durationMinutes: { min: 15, max: 480 },
  capacity: { min: 2, max: 1000 },
  placeName: { max: 120 },
  address: { max: 200 },
  city: { max: 80 },
  region: { max: 80 },
  notes: { max: 500 },
} as const;

export const DEFAULT_CAPACITY = 20;

const ID = /^[a-f0-9]{24}$/;
/** A route parameter is used in an API path only when it looks like an id. */
export function isMeetingId(value: string | undefined): value is string {
  return typeof value === 'string' && ID.test(value);
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

type Member = Pick<OwnUser, 'id' | 'roles' | 'partnerId'>;

/** Who sees "New meeting": facilitators, admins and partner staff (the server decides). */
export function mayCreateMeetings(user: Member | null): boolean {
  if (!user) return false;
  return user.roles.includes('facilitator') || user.roles.includes('admin') || !!user.partnerId;
}

/** Mirrors server/meetings/directory/policy.ts mayManage, to decide whether to show "Edit". */
export function mayManageMeeting(
  user: Member | null,
  meeting: Pick<MeetingView, 'createdBy' | 'facilitatorIds' | 'partnerId'>,
): boolean {
  if (!user) return false;
  if (user.roles.includes('admin')) return true;
  if (
    user.roles.includes('facilitator') &&
    (meeting.createdBy === user.id || meeting.facilitatorIds.includes(user.id))
  )
    return true;
  return user.partnerId !== null && meeting.partnerId === user.partnerId;
}

/** Online and hybrid meetings are joined here; in-person ones are found on the map. */
export function isJoinable(format: MeetingFormat): boolean {
  return format !== 'in-person';
}

export function hasPlace(format: MeetingFormat): boolean {
  return format !== 'online';
}

export const meetingPath = (id: string) => `/meetings/${id}`;
export const editPath = (id: string) => `/meetings/${id}/edit`;
export const livePath = (id: string) => `/meetings/${id}/live`;
export const NEW_MEETING_PATH = '/meetings/new';
export const DIRECTORY_PATH = '/meetings';
export const calendarUrl = (id: string) => `/api/meetings/${id}/calendar.ics`;

/** Messages one page leaves for the next in history state (the shell's flashes are fixed). */
export type MeetingNote = 'created' | 'saved';
export type DirectoryNote = 'deleted';
