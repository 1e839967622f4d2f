import type { PublicUser, Role } from '../../../../shared/api/accounts.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { ADMIN_PATHS } from './paths.ts';

/**
 * The admins' member page as plain data: what the address asks for, what a member's form
 * holds, and the API steps a save takes. No React, no zod: tested in node.
 */

/**
 * The roles of the contract, in its order, repeated without zod (importing the shared
 * schema module would pull zod into the page). `satisfies` keeps it a subset of `Role`;
 * tests/client/admin/model.test.ts checks it is the whole set, in order.
 */
export const ROLES = [
  'participant',
  'facilitator',
  'trainer',
  'champion',
  'moderator',
  'advisor',
  'admin',
] as const satisfies readonly Role[];

/** The longest name search the API accepts (`memberSearchQuery`). */
export const MAX_QUERY_LENGTH = 40;
/** An email address (it holds an `@`) may be as long as one can be. */
export const MAX_EMAIL_QUERY_LENGTH = 254;
export const PAGE_SIZE = 20;

export interface MemberFilters {
  /** Part of a display name, or a whole email address, trimmed; '' for everyone. */
  q: string;
  role: Role | '';
  /** Staff of this partner organisation only; '' for anyone. */
  partnerId: string;
}

const isId = (value: string | null): value is string =>
  value !== null && /^[a-f0-9]{24}$/.test(value);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The filters in the page's address (`?q=&role=&partnerId=`); anything unusable is left out. */
export function readFilters(search: string): MemberFilters {
  const params = new URLSearchParams(search);
  const typed = (params.get('q') ?? '').trim().slice(0, MAX_EMAIL_QUERY_LENGTH);
  const q = typed.includes('@') ? typed : typed.slice(0, MAX_QUERY_LENGTH);
  const role = params.get('role');
  const partnerId = params.get('partnerId');
  return { q, role: isRole(role) ? role : '', partnerId: isId(partnerId) ? partnerId : '' };
}

/** `?a=1&b=2` of the values that are set, or '' when none is. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The page's own address for these filters. */
export function membersPath(filters: MemberFilters): string {
  return `${ADMIN_PATHS.members}${queryString({
    q: filters.q.trim(),
    role: filters.role,
    partnerId: filters.partnerId,
  })}`;
}

/** `GET /api/members` for these filters and page. */
export function membersApiPath(filters: MemberFilters, cursor?: string | null): string {
  return `/api/members${queryString({
    q: filters.q.trim(),
    role: filters.role,
    partnerId: filters.partnerId,
    cursor,
    limit: PAGE_SIZE,
  })}`;
}

/** One key per search, so a slow answer for an old search is recognised and dropped. */
export function filtersKey(filters: MemberFilters): string {
  return JSON.stringify([filters.q.trim(), filters.role, filters.partnerId]);
}

/** What a member's form holds: the roles ticked, and the partner they are staff of ('' none). */
export interface MemberDraft {
  roles: Role[];
  partnerId: string;
}

/** Roles in the order of ROLES, each once, always with participant (the API requires it). */
export function normaliseRoles(roles: Iterable<Role>): Role[] {
  const chosen = new Set<Role>(roles);
  chosen.add('participant');
  return ROLES.filter((role) => chosen.has(role));
}

export function draftOf(member: Pick<PublicUser, 'roles' | 'partnerId'>): MemberDraft {
  return { roles: normaliseRoles(member.roles), partnerId: member.partnerId ?? '' };
}

/** The draft with `role` ticked or not; participant, and any `locked` role, never change. */
export function withRole(
  draft: MemberDraft,
  role: Role,
  on: boolean,
  locked: readonly Role[] = [],
): MemberDraft {
  if (role === 'participant' || locked.includes(role)) return draft;
  const roles = on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role);
  return { ...draft, roles: normaliseRoles(roles) };
}

/**
 * Roles a box cannot change: participant for everyone, and admin on the admin's own card
 * (the server refuses an admin removing it from themselves; the box says so up front).
 */
export function lockedRoles(member: Pick<PublicUser, 'id' | 'roles'>, viewerId: string): Role[] {
  return member.id === viewerId && member.roles.includes('admin')
    ? ['participant', 'admin']
    : ['participant'];
}

/** One API call of a save. A partner link moves in two: unlink from the old, link to the new. */
export type SaveStep =
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'unlink'; partnerId: string }
  | { kind: 'link'; partnerId: string };

/** The calls that turn `member` into `draft`, roles first; none when nothing changed. */
export function planSave(
  member: Pick<PublicUser, 'roles' | 'partnerId'>,
  draft: MemberDraft,
): SaveStep[] {
  const steps: SaveStep[] = [];
  const roles = normaliseRoles(draft.roles);
  if (normaliseRoles(member.roles).join() !== roles.join()) steps.push({ kind: 'roles', roles });
  const from = member.partnerId ?? '';
  if (from !== draft.partnerId) {
    if (from) steps.push({ kind: 'unlink', partnerId: from });
    if (draft.partnerId) steps.push({ kind: 'link', partnerId: draft.partnerId });
  }
  return steps;
}

/** The member as the server holds them after `step` succeeded. */
export function afterStep<M extends Pick<PublicUser, 'roles' | 'partnerId'>>(
  member: M,
  step: SaveStep,
): M {
  if (step.kind === 'roles') return { ...member, roles: step.roles };
  if (step.kind === 'unlink') return { ...member, partnerId: null };
  return { ...member, partnerId: step.partnerId };
}

/**
 * The translation key for a refused step: where the generic `errors.<CODE>` would mislead
 * (an admin's own role, a member who is staff elsewhere), a message that says what happened.
 */
export type ProblemKey =
  | `admin.members.problems.${'ownAdmin' | 'memberGone' | 'otherPartner' | 'partnerGone'}`
  | `errors.${ErrorCode}`;

export function problemKey(step: SaveStep['kind'] | null, code: ErrorCode): ProblemKey {
  if (step === 'roles' && code === 'INVALID_TRANSITION') return 'admin.members.problems.ownAdmin';
  if (step === 'roles' && code === 'NOT_FOUND') return 'admin.members.problems.memberGone';
  if (step === 'link' && code === 'CONFLICT') return 'admin.members.problems.otherPartner';
  if ((step === 'link' || step === 'unlink') && code === 'NOT_FOUND')
    return 'admin.members.problems.partnerGone';
  return `errors.${code}`;
}

/** "Sevilla, Andalucía, Spain" from what the member chose to show. */
export function placeLine(
  area: { city?: string; region?: string; country?: string } | undefined,
  language: string,
): string {
  if (!area) return '';
  let country = area.country ?? '';
  if (country) {
    try {
      country = new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
    } catch {
      // An unknown code is shown as it is.
    }
  }
  return [area.city, area.region, country].filter(Boolean).join(', ');
}

/** Partners by name, for the select. */
export function byName<T extends { name: string }>(items: readonly T[], language: string): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name, language));
}
