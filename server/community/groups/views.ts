import { Types } from 'mongoose';
import type { Group } from '../../../shared/api/community.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import { type Actor, isStaff, peopleOf, personIn } from '../shared.ts';
import type { GroupDoc, GroupModels } from './models.ts';
import { hasId, shownCreator } from './visibility.ts';

const oid = (id: string) => new Types.ObjectId(id);

/**
 * Groups as `actor` sees them: member counts, whether they belong and may moderate, and
 * the people named on it (a creator only where visibility.ts allows). A page of groups is
 * three reads, whatever its length.
 */
export async function groupViews(
  m: GroupModels,
  users: UserDirectory,
  actor: Actor,
  groups: GroupDoc[],
): Promise<Group[]> {
  const ids = groups.map((g) => g._id);
  const counts = await m.Membership.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { groupId: { $in: ids } } },
    { $group: { _id: '$groupId', n: { $sum: 1 } } },
  ]);
  const countOf = new Map(counts.map((c) => [String(c._id), c.n]));
  const mine = new Set(
    (
      await m.Membership.distinct('groupId', {
        groupId: { $in: ids },
        userId: oid(actor.id),
      })
    ).map(String),
  );
  const people = await peopleOf(
    users,
    groups.flatMap((g) => [g.createdBy, ...g.moderatorIds]),
  );
  return groups.map((g) => {
    const amModerator = hasId(g.moderatorIds, actor.id);
    const area = g.area
      ? {
          country: g.area.country,
          ...(g.area.region ? { region: g.area.region } : {}),
          ...(g.area.city ? { city: g.area.city } : {}),
        }
      : null;
    return {
      id: String(g._id),
      name: g.name,
      description: g.description,
      language: g.language,
      kind: g.kind,
      area,
      topic: g.topic ?? null,
      timeZone: g.timeZone ?? null,
      createdBy: shownCreator(g, actor) ? personIn(people, g.createdBy) : null,
      createdAt: g.createdAt.toISOString(),
      memberCount: countOf.get(String(g._id)) ?? 0,
      moderators: g.moderatorIds.flatMap((id) => personIn(people, id) ?? []),
      amMember: mine.has(String(g._id)),
      amModerator,
      canModerate: amModerator || isStaff(actor),
    };
  });
}
