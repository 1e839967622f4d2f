import type { PublicUser } from '../../../shared/api/accounts.ts';
import type { RequestUser } from '../../infra/api/routes.ts';
import { AppError } from '../../infra/errors.ts';

/**
 * Who may run which meeting, as plain functions of the member and the meeting so the rules
 * read in one place. Trained facilitators run community meetings; partner staff run the
 * in-service meetings of their own organisation; admins act for the board.
 */

export interface MeetingOwnership {
  createdBy: string | null;
  facilitatorIds: string[];
  partnerId: string | null;
}

const isAdmin = (user: RequestUser) => user.roles.includes('admin');
const isFacilitator = (user: RequestUser) => user.roles.includes('facilitator');

/**
 * May `user` put a meeting under `partnerId` (null: a community meeting)? Only staff of a
 * partner may label a meeting as that partner's; only facilitators run community meetings.
 */
export function assertMayPlace(user: RequestUser, partnerId: string | null): void {
  if (isAdmin(user)) return;
  if (partnerId === null) {
    if (isFacilitator(user)) return;
    throw new AppError(
      'FORBIDDEN',
      user.partnerId
        ? 'partner staff create in-service meetings: set partnerId to your partner'
        : 'only facilitators and admins create meetings',
    );
  }
  if (user.partnerId !== partnerId) {
    throw new AppError('FORBIDDEN', 'meetings of a partner are created by its own staff');
  }
}

export function mayManage(user: RequestUser, meeting: MeetingOwnership): boolean {
  if (isAdmin(user)) return true;
  if (
    isFacilitator(user) &&
    (meeting.createdBy === user.id || meeting.facilitatorIds.includes(user.id))
  )
    return true;
  return user.partnerId !== null && meeting.partnerId === user.partnerId;
}

/** A facilitator slot is for a trained facilitator, or for staff of the meeting's partner. */
export function mayFacilitate(member: PublicUser | undefined, partnerId: string | null): boolean {
  if (!member) return false;
  if (member.roles.includes('facilitator')) return true;
  return partnerId !== null && member.partnerId === partnerId;
}
