import { EventEmitter } from 'node:events';
import { Types } from 'mongoose';
import type { Page } from '../../../shared/api/common.ts';
import type {
  CreateGroupInput,
  Group,
  GroupDetail,
  GroupListQuery,
} from '../../../shared/api/community.ts';
import { distinctIds, type UserDirectory } from '../../accounts/user-directory.ts';
import { findPageWith, type SortSpec } from '../../infra/api/paging.ts';
import { type ChangeMarks, markOf, NO_MARKS } from '../../infra/change-marks.ts';
import { AppError } from '../../infra/errors.ts';
import {
  type Actor,
  foldKey,
  indexesReady,
  isDuplicateKey,
  isStaff,
  peopleOf,
  personIn,
} from '../shared.ts';
import { type GroupDoc, type GroupModels, MAX_GROUP_MODERATORS } from './models.ts';
import { groupViews } from './views.ts';
import { hasId } from './visibility.ts';

const BY_NAME: SortSpec = { field: 'nameKey', kind: 'string', direction: 1 };

/** A member list shows at most this many people; the rest are still counted. */
const MAX_LISTED = 500;

const oid = (id: string) => new Types.ObjectId(id);

/** Who joined or left which group (group chat moves the member's sockets in or out). */
export type MembershipEvents = {
  joined: [userId: string, groupId: string];
  left: [userId: string, groupId: string];
};

export class GroupService {
  readonly #m: GroupModels;
  readonly #users: UserDirectory;
  readonly memberships = new EventEmitter<MembershipEvents>();
  /** Group chat keeps memberships and moderators per node (chat/send-facts.ts). */
  readonly #marks: Pick<ChangeMarks, 'move'>;

  constructor(models: GroupModels, users: UserDirectory, marks = NO_MARKS) {
    this.#m = models;
    this.#users = users;
    this.#marks = marks;
  }

  async create(actor: Actor, input: CreateGroupInput): Promise<Group> {
    await indexesReady(this.#m.Membership);
    const area = input.area
      ? { ...input.area, ...(input.area.city ? { cityKey: foldKey(input.area.city) } : {}) }
      : null;
    const group = await this.#m.Group.create({
      name: input.name,
      nameKey: foldKey(input.name),
      description: input.description,
      language: input.language,
      kind: input.kind,
      area,
      topic: input.topic ?? null,
      timeZone: input.timeZone ?? null,
      createdBy: oid(actor.id),
      // Creating a group makes its creator its first member and (visible) moderator.
      moderatorIds: [oid(actor.id)],
    });
    await this.#m.Membership.create({ groupId: group._id, userId: oid(actor.id) });
    await this.#marks.move(markOf.group(String(group._id)), markOf.user(actor.id));
    return (await this.#views(actor, [group.toObject()]))[0] as Group;
  }

  /** Alphabetical (accent- and case-insensitive); the cursor carries the last group's id. */
  async list(actor: Actor, query: GroupListQuery): Promise<Page<Group>> {
    const filter: Record<string, unknown> = {};
    if (query.kind) filter.kind = query.kind;
    if (query.language) filter.language = query.language;
    if (query.country) filter['area.country'] = query.country;
    if (query.city) filter['area.cityKey'] = foldKey(query.city);
    if (query.mine) {
      filter._id = { $in: await this.#m.Membership.distinct('groupId', { userId: oid(actor.id) }) };
    }
    return findPageWith(this.#m.Group, filter, BY_NAME, query, (docs) => this.#views(actor, docs));
  }

  /**
   * Members see the members who chose `showInGroupMemberLists` (and the moderators, who
   * are visible by role) plus a count of the rest. Group moderators see exactly the same:
   * a member's privacy choice is not overridden for peers; what a moderator needs to act
   * is the moderator list, the counts, and the ids of those listed (appointments). Site
   * staff, who handle reports, see the same view even when they are not members.
   */
  async get(actor: Actor, id: string): Promise<GroupDetail> {
    const group = await this.#find(id);
    const [view] = await this.#views(actor, [group]);
    if (!view) throw new AppError('NOT_FOUND', 'no such group');
    if (!view.amMember && !isStaff(actor)) return { group: view, members: null };
    const memberships = await this.#m.Membership.find({ groupId: group._id })
      .sort({ joinedAt: 1, _id: 1 })
      .lean();
    const listable = await this.#users.listable(memberships.map((m) => String(m.userId)));
    const shown = new Set([...listable.map((u) => u.id), ...group.moderatorIds.map(String)]);
    const people = await peopleOf(this.#users, [...shown]);
    const listed = memberships
      .filter((m) => shown.has(String(m.userId)) && people.has(String(m.userId)))
      .map((m) => ({
        user: personIn(people, m.userId) as NonNullable<ReturnType<typeof personIn>>,
        isModerator: hasId(group.moderatorIds, String(m.userId)),
        joinedAt: m.joinedAt.toISOString(),
      }));
    return {
      group: view,
      members: {
        listed: listed.slice(0, MAX_LISTED),
        hiddenCount: view.memberCount - listed.length,
      },
    };
  }

  /** Joining twice is a no-op (the unique index decides between racing requests). */
  async join(actor: Actor, id: string): Promise<Group> {
    const group = await this.#find(id);
    await indexesReady(this.#m.Membership);
    try {
      await this.#m.Membership.create({ groupId: group._id, userId: oid(actor.id) });
      await this.#marks.move(markOf.group(String(group._id)), markOf.user(actor.id));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await this.#marks.move(markOf.user(actor.id));
    this.memberships.emit('joined', actor.id, id);
    return this.#viewOne(actor, group._id);
  }

  /**
   * The last moderator cannot leave while others remain (INVALID_TRANSITION: appoint
   * someone first). We refuse rather than hand over, because moderating is a role a
   * member accepts, never one that lands on them. Leaving an empty group is allowed.
   */
  async leave(actor: Actor, id: string): Promise<Group> {
    const group = await this.#find(id);
    if (hasId(group.moderatorIds, actor.id)) {
      const stepped = await this.#pullModeratorUnlessLast(group._id, actor.id);
      if (!stepped) {
        const others = await this.#m.Membership.countDocuments({
          groupId: group._id,
          userId: { $ne: oid(actor.id) },
        });
        if (others > 0)
          throw new AppError(
            'INVALID_TRANSITION',
            'appoint another group moderator before leaving',
          );
        await this.#m.Group.updateOne(
          { _id: group._id },
          { $pull: { moderatorIds: oid(actor.id) } },
        );
      }
    }
    await this.#m.Membership.deleteOne({ groupId: group._id, userId: oid(actor.id) });
    await this.#marks.move(markOf.group(id), markOf.user(actor.id));
    this.memberships.emit('left', actor.id, id);
    return this.#viewOne(actor, group._id);
  }

  /**
   * Only a member who chose to appear in member lists can be appointed: moderators are
   * shown to everyone, so appointing someone must not reveal a member who stayed hidden.
   */
  async addModerator(actor: Actor, id: string, userId: string): Promise<Group> {
    const group = await this.#find(id);
    this.#assertCanModerate(actor, group);
    if (hasId(group.moderatorIds, userId)) return this.#viewOne(actor, group._id);
    // A hidden member and a non-member get the same answer: a different one would tell a
    // group moderator that someone who chose to stay hidden belongs to the group.
    const member = await this.#m.Membership.exists({ groupId: group._id, userId: oid(userId) });
    const listable = (await this.#users.listable([userId])).length > 0;
    if (!member || !listable)
      throw new AppError(
        'NOT_FOUND',
        'no member of this group who shows in member lists has this id',
      );
    const result = await this.#m.Group.updateOne(
      { _id: group._id, [`moderatorIds.${MAX_GROUP_MODERATORS - 1}`]: { $exists: false } },
      { $addToSet: { moderatorIds: oid(userId) } },
    );
    if (result.matchedCount === 0)
      throw new AppError('CONFLICT', `a group has at most ${MAX_GROUP_MODERATORS} moderators`);
    await this.#marks.move(markOf.group(id));
    // The member may have left between the check and the update: undo rather than keep
    // a moderator who is not in the group.
    if (!(await this.#m.Membership.exists({ groupId: group._id, userId: oid(userId) }))) {
      await this.#m.Group.updateOne({ _id: group._id }, { $pull: { moderatorIds: oid(userId) } });
      await this.#marks.move(markOf.group(id));
      throw new AppError('NOT_FOUND', 'this member is not in the group');
    }
    return this.#viewOne(actor, group._id);
  }

  /** Any group moderator (or site staff) may remove one, but never the last. */
  async removeModerator(actor: Actor, id: string, userId: string): Promise<Group> {
    const group = await this.#find(id);
    this.#assertCanModerate(actor, group);
    const pulled = await this.#pullModeratorUnlessLast(group._id, userId);
    await this.#marks.move(markOf.group(id));
    if (!pulled) {
      const fresh = await this.#find(id);
      if (hasId(fresh.moderatorIds, userId))
        throw new AppError('INVALID_TRANSITION', 'a group keeps at least one moderator');
    }
    return this.#viewOne(actor, group._id);
  }

  /** For events: may this member attach an event to the group? */
  async canPostTo(actor: Actor, groupId: string): Promise<boolean> {
    const group = await this.#m.Group.exists({ _id: groupId });
    if (!group) throw new AppError('NOT_FOUND', 'no such group');
    if (isStaff(actor)) return true;
    return Boolean(
      await this.#m.Membership.exists({ groupId: oid(groupId), userId: oid(actor.id) }),
    );
  }

  /**
   * A member's place in a group, for group chat: 'moderator' (the group's, or site staff
   * who are members), 'member', or null (not a member: nothing to read or write).
   */
  async roleIn(actor: Actor, groupId: string): Promise<'moderator' | 'member' | null> {
    // Through the driver: every chat line asks this, and mongoose's query machinery cost more
    // CPU than the query itself (bench:chat's profile). The ids are checked by the callers.
    const [group, membership] = await Promise.all([
      this.#m.Group.collection.findOne<Pick<GroupDoc, 'moderatorIds'>>(
        { _id: oid(groupId) },
        { projection: { moderatorIds: 1 } },
      ),
      this.#m.Membership.collection.findOne(
        { groupId: oid(groupId), userId: oid(actor.id) },
        { projection: { _id: 1 } },
      ),
    ]);
    if (!group) throw new AppError('NOT_FOUND', 'no such group');
    if (!membership) return null;
    return hasId(group.moderatorIds, actor.id) || isStaff(actor) ? 'moderator' : 'member';
  }

  /** Every member's id (for group chat's presence list; a group's size is bounded in practice). */
  async memberIdsOf(groupId: string): Promise<string[]> {
    const ids = await this.#m.Membership.distinct('userId', { groupId: oid(groupId) });
    return ids.map(String);
  }

  /**
   * Of `memberIds` (a group's), those the group's members may see named, as its member list
   * shows them: who chose to be listed, and the moderators.
   */
  async shownMembersOf(groupId: string, memberIds: string[]): Promise<Set<string>> {
    const [group, listable] = await Promise.all([
      this.#m.Group.findById(groupId, { moderatorIds: 1 }).lean(),
      this.#users.listable(memberIds),
    ]);
    return new Set([...listable.map((u) => u.id), ...(group?.moderatorIds ?? []).map(String)]);
  }

  /** The groups a member belongs to, with their names. */
  async groupsOf(userId: string): Promise<Array<{ id: string; name: string }>> {
    const ids = await this.#m.Membership.distinct('groupId', { userId: oid(userId) });
    const groups = await this.#m.Group.find({ _id: { $in: ids } }, { name: 1 }).lean();
    return groups.map((g) => ({ id: String(g._id), name: g.name }));
  }

  /** The ids of each member's groups, for several members in one query (presence). */
  async groupIdsOfMembers(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const ids = distinctIds(userIds);
    const result = new Map(ids.map((id) => [id, [] as string[]]));
    if (ids.length === 0) return result;
    const found = await this.#m.Membership.find(
      { userId: { $in: ids.map(oid) } },
      { groupId: 1, userId: 1 },
    ).lean();
    for (const m of found) result.get(String(m.userId))?.push(String(m.groupId));
    return result;
  }

  /** The groups a member moderates (and belongs to), with their names: their chat reports. */
  async moderatedBy(userId: string): Promise<Array<{ id: string; name: string }>> {
    const groups = await this.#m.Group.find({ moderatorIds: oid(userId) }, { name: 1 }).lean();
    const member = await this.memberOf(
      userId,
      groups.map((g) => String(g._id)),
    );
    return groups
      .filter((g) => member.has(String(g._id)))
      .map((g) => ({ id: String(g._id), name: g.name }));
  }

  /** Group names by id (for lists that show a group's name beside something of it). */
  async namesOf(groupIds: string[]): Promise<Map<string, string>> {
    if (groupIds.length === 0) return new Map();
    const groups = await this.#m.Group.find(
      { _id: { $in: [...new Set(groupIds)].map(oid) } },
      { name: 1 },
    ).lean();
    return new Map(groups.map((g) => [String(g._id), g.name]));
  }

  /** The ids among `groupIds` of groups the member belongs to. */
  async memberOf(userId: string, groupIds: string[]): Promise<Set<string>> {
    if (groupIds.length === 0) return new Set();
    const found = await this.#m.Membership.find(
      { userId: oid(userId), groupId: { $in: groupIds.map(oid) } },
      { groupId: 1 },
    ).lean();
    return new Set(found.map((m) => String(m.groupId)));
  }

  async exportFor(userId: string) {
    const memberships = await this.#m.Membership.find({ userId: oid(userId) }).lean();
    const groups = await this.#m.Group.find({
      $or: [{ createdBy: oid(userId) }, { _id: { $in: memberships.map((m) => m.groupId) } }],
    }).lean();
    const byId = new Map(groups.map((g) => [String(g._id), g]));
    return {
      groupsCreated: groups
        .filter((g) => String(g.createdBy) === userId)
        .map((g) => ({ id: String(g._id), name: g.name, createdAt: g.createdAt.toISOString() })),
      memberships: memberships.map((m) => ({
        groupId: String(m.groupId),
        name: byId.get(String(m.groupId))?.name ?? null,
        joinedAt: m.joinedAt.toISOString(),
        moderator: hasId(byId.get(String(m.groupId))?.moderatorIds ?? [], userId),
      })),
    };
  }

  /**
   * Memberships go; moderator roles go even if it was the last one (a deletion is never
   * refused; site staff appoint a new moderator); groups they created stay, unattributed.
   */
  async eraseFor(userId: string): Promise<void> {
    const id = oid(userId);
    await this.#m.Membership.deleteMany({ userId: id });
    await this.#m.Group.updateMany({ moderatorIds: id }, { $pull: { moderatorIds: id } });
    await this.#m.Group.updateMany({ createdBy: id }, { $set: { createdBy: null } });
    await this.#marks.move(markOf.user(userId));
  }

  /** One conditional update: pulls `userId` only while another moderator remains. */
  async #pullModeratorUnlessLast(groupId: Types.ObjectId, userId: string): Promise<boolean> {
    const result = await this.#m.Group.updateOne(
      { _id: groupId, moderatorIds: oid(userId), 'moderatorIds.1': { $exists: true } },
      { $pull: { moderatorIds: oid(userId) } },
    );
    return result.modifiedCount === 1;
  }

  #assertCanModerate(actor: Actor, group: GroupDoc): void {
    if (!hasId(group.moderatorIds, actor.id) && !isStaff(actor))
      throw new AppError('FORBIDDEN', 'only the group’s moderators can do this');
  }

  async #find(id: string): Promise<GroupDoc> {
    const group = await this.#m.Group.findById(id).lean();
    if (!group) throw new AppError('NOT_FOUND', 'no such group');
    return group as GroupDoc;
  }

  async #viewOne(actor: Actor, id: Types.ObjectId): Promise<Group> {
    return (await this.#views(actor, [await this.#find(String(id))]))[0] as Group;
  }

  #views(actor: Actor, groups: GroupDoc[]): Promise<Group[]> {
    return groupViews(this.#m, this.#users, actor, groups);
  }
}
