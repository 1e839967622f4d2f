import type { Role } from '../../../../shared/api/accounts.ts';

/**
 * What the signed-in member's roles let the UI offer. These only decide what to show: the
 * server decides what is allowed, and a refusal is shown like any other.
 */
type Roles = readonly Role[] | undefined | null;

const has = (roles: Roles, ...wanted: Role[]) => wanted.some((role) => roles?.includes(role));

/** Facilitators know their area; moderators and admins act for the community. */
export const canCreateGroup = (roles: Roles) => has(roles, 'facilitator', 'moderator', 'admin');

/** Site moderators and admins handle reports (and may act on any group or event). */
export const canModerateContent = (roles: Roles) => has(roles, 'moderator', 'admin');

/** Admins read and answer all feedback. */
export const canManageFeedback = (roles: Roles) => has(roles, 'admin');
