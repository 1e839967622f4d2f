import { type Model, Types } from 'mongoose';
import { z } from 'zod';
import type { Person } from '../../shared/api/community.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';

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

const cursorShape = z.tuple([
  z.union([z.string(), z.number(), z.null()]),
  z.string().regex(/^[a-f0-9]{24}$/),
]);

/** Opaque page cursors: base64url of the last item's sort key and id (docs/api.md). */
export function encodeCursor(key: string | number | null, id: Types.ObjectId | string): string {
  return Buffer.from(JSON.stringify([key, String(id)])).toString('base64url');
}

export function decodeCursor(cursor: string): { key: string | number | null; id: string } {
  try {
    const [key, id] = cursorShape.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return { key, id };
  } catch {
    throw new AppError('INVALID_INPUT', 'invalid query', { cursor: ['is not a cursor we issued'] });
  }
}

/** A cursor over a date-ordered list: the last item's instant (ms) and id. */
export function decodeTimeCursor(cursor: string): { at: Date; id: Types.ObjectId } {
  const { key, id } = decodeCursor(cursor);
  if (typeof key !== 'number')
    throw new AppError('INVALID_INPUT', 'invalid query', { cursor: ['is not a cursor we issued'] });
  return { at: new Date(key), id: new Types.ObjectId(id) };
}

/**
 * Turns members' ids into `{ id, displayName }`; a deleted member is absent from the map,
 * and callers show `null` ("a deleted member").
 */
export async function peopleOf(
  users: UserDirectory,
  ids: Array<Types.ObjectId | string | null | undefined>,
): Promise<Map<string, Person>> {
  const wanted = ids.filter((id): id is Types.ObjectId | string => Boolean(id)).map(String);
  const found = await users.publicUsers(wanted);
  return new Map([...found].map(([id, user]) => [id, { id, displayName: user.displayName }]));
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
