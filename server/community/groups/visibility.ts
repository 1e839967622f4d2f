import type { Types } from 'mongoose';
import { type Actor, isStaff } from '../shared.ts';
import type { GroupDoc } from './models.ts';

export const hasId = (ids: Types.ObjectId[], id: string) => ids.some((one) => String(one) === id);

/**
 * A group's creator is named while they moderate it (moderators are shown to all: taking the
 * role means being visible in it), and to themselves and site staff. One who stepped down may
 * have chosen to stay out of member lists; naming them as creator would undo that.
 */
export const shownCreator = (g: Pick<GroupDoc, 'createdBy' | 'moderatorIds'>, actor: Actor) =>
  g.createdBy !== null &&
  (hasId(g.moderatorIds, String(g.createdBy)) ||
    String(g.createdBy) === actor.id ||
    isStaff(actor));
