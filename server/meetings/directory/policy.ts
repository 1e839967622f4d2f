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

/**
 * Whose facilitator training is complete (the training record, docs/training.md). The
 * directory asks; it never reads training's collections itself.
 */
export interface TrainingGate {
  trainedAmong(ids: string[]): Promise<Set<string>>;
}

/**
 * A facilitator slot is for a facilitator, or for staff of the meeting's partner, and in
 * both cases only once their facilitator training is complete (`trained`); admins act for
 * the board and need no training record. Partner staff are trained like everyone who runs
 * a meeting: the meeting is the same peer-led format inside a service (docs/training.md).
 */
export function mayFacilitate(
  member: PublicUser | undefined,
  partnerId: string | null,
  trained: boolean,
): boolean {
  if (!member) return false;
  const eligible =
    member.roles.includes('facilitator') || (partnerId !== null && member.partnerId === partnerId);
  return eligible && (trained || member.roles.includes('admin'));
}

/**
 * Opening and co-hosting the live meeting: those who run it (`mayManage`) once trained, and
 * admins always. Editing the listing stays with `mayManage`: an untrained creator may still
 * prepare a meeting for a trained colleague to run.
 */
export function mayHost(user: RequestUser, meeting: MeetingOwnership, trained: boolean): boolean {
  if (isAdmin(user)) return true;
  return trained && mayManage(user, meeting);
}

/** The listing's complaint about each facilitator who may not be named, by field. */
export function facilitatorErrors(
  ids: string[],
  partnerId: string | null,
  members: Map<string, PublicUser>,
  trained: Set<string>,
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  ids.forEach((id, index) => {
    const member = members.get(id);
    if (mayFacilitate(member, partnerId, trained.has(id))) return;
    fields[`facilitatorIds.${index}`] = [
      mayFacilitate(member, partnerId, true)
        ? 'has not completed facilitator training'
        : "must be a facilitator, or staff of the meeting's partner",
    ];
  });
  return fields;
}
