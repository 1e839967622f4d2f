import type { Model, Types } from 'mongoose';
import type { StaffBadge } from '../../shared/api/community/common.ts';
import type { Person } from '../../shared/api/community.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { RequestUser } from '../infra/api/routes.ts';

/** The member acting, as services see it: plain data, no request object. */
export type Actor = Pick<RequestUser, 'id' | 'roles'>;

/** Site moderators and admins keep every group, event and post safe. */
export const isStaff = (actor: Actor) =>
  actor.roles.includes('moderator') || actor.roles.includes('admin');

export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Unique indexes carry rules (one membership per member, one report per reporter), so
 * writes that rely on them wait until mongoose has built them; `init()` is memoised.
 */
export async function indexesReady(...models: Array<Pick<Model<unknown>, 'init'>>): Promise<void> {
  await Promise.all(models.map((model) => model.init()));
}

/**
 * Turns members' ids into `{ id, displayName }`; a deleted member is absent from the map,
 * and callers show `null` ("a deleted member").
 */
/** The badge shown beside a name: admin over moderator; none for anyone else. */
export const staffBadgeOf = (roles: readonly string[]): StaffBadge | undefined =>
  roles.includes('admin') ? 'admin' : roles.includes('moderator') ? 'moderator' : undefined;

export async function peopleOf(
  users: UserDirectory,
  ids: Array<Types.ObjectId | string | null | undefined>,
): Promise<Map<string, Person>> {
  const wanted = ids.filter((id): id is Types.ObjectId | string => Boolean(id)).map(String);
  const found = await users.publicUsers(wanted);
  return new Map(
    [...found].map(([id, user]) => {
      const staff = staffBadgeOf(user.roles);
      return [id, { id, displayName: user.displayName, ...(staff ? { staff } : {}) }];
    }),
  );
}

export const personIn = (
  people: Map<string, Person>,
  id: Types.ObjectId | string | null | undefined,
): Person | null => (id ? (people.get(String(id)) ?? null) : null);

export const iso = (date: Date | null | undefined): string | null =>
  date ? date.toISOString() : null;

/** Folds accents and case so "Ciudad de México" and "ciudad de mexico" find the same groups. */
export const foldKey = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** A stored report of anything (a post, a comment, a chat line), as far as its fields go. */
interface StoredReport {
  _id: unknown;
  reason: string;
  note?: string | null | undefined;
  status: string;
  action?: string | null | undefined;
  createdAt: Date;
  resolvedAt?: Date | null | undefined;
}

/** What a moderator sees of one report itself, whatever it reports. */
export function reportFields<R extends StoredReport>(r: R) {
  return {
    id: String(r._id),
    reason: r.reason as R['reason'],
    note: r.note ?? null,
    status: r.status as R['status'],
    action: (r.action ?? null) as NonNullable<R['action']> | null,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: iso(r.resolvedAt),
  };
}
