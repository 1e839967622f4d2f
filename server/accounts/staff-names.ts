import { remove as withoutConfusables } from 'confusables';
import { AppError } from '../infra/errors.ts';
import type { AccountModels } from './models.ts';
import { nameKey } from './name-key.ts';

/**
 * What a name looks like, whatever letters spell it: look-alike letters from other scripts
 * and styled forms ("Mаria" with a Cyrillic а, "𝐌aria") become their plain Latin letter
 * (the `confusables` table), then accents, case, spaces and punctuation go (name-key.ts).
 */
export function nameSkeleton(name: string): string {
  return nameKey(withoutConfusables(name.normalize('NFKC'))).replace(/[^\p{L}\p{N}]/gu, '');
}

const STAFF_ROLES = ['moderator', 'admin'];

/**
 * Nobody takes a name that reads as a site moderator's or admin's: members trust what staff
 * say, and a copy ("Marisol Vega" with a Cyrillic е) would borrow that trust. Staff are few,
 * so their names are read and compared here rather than indexed.
 */
export async function refuseStaffLookalike(
  models: AccountModels,
  displayName: string,
  selfId?: string,
): Promise<void> {
  const wanted = nameSkeleton(displayName);
  if (wanted === '') return;
  const filter: Record<string, unknown> = { roles: { $in: STAFF_ROLES } };
  const staff = await models.User.find(filter, { displayName: 1 }).lean();
  const taken = staff.some(
    (member) => String(member._id) !== selfId && nameSkeleton(member.displayName) === wanted,
  );
  if (taken)
    throw new AppError('CONFLICT', 'this name reads as a staff member’s name', {
      displayName: ['reads as a staff member’s name; choose another'],
    });
}
