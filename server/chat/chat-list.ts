import { Types } from 'mongoose';
import type { ChatGroupSummary } from '../../shared/chat/schemas.ts';
import type { GroupService } from '../community/groups/service.ts';
import type { Actor } from '../community/shared.ts';
import type { Contacts } from './contacts.ts';
import type { ChatModels } from './models.ts';
import type { ChatModeration } from './moderation.ts';

/**
 * The member's chat list: per group or conversation, the lines since their read marker
 * (others', not deleted), unread mentions, and when the last line came. Groups and private
 * conversations count the same way (contacts.ts uses `countsIn` too).
 */

/** Unread counts stop here: "99+" says enough, and the count stays one short index scan. */
export const UNREAD_CAP = 100;

const oid = (id: string) => new Types.ObjectId(id);

export async function countsIn(
  m: Pick<ChatModels, 'Message'>,
  userId: Types.ObjectId,
  chatId: Types.ObjectId,
  since: Types.ObjectId | undefined,
  /** Private conversations have no mentions: one query fewer. */
  withMentions = true,
): Promise<{ unread: number; mentions: number; lastMessageAt: number | null }> {
  const after = since ? { _id: { $gt: since } } : {};
  const [unread, mentions, last] = await Promise.all([
    m.Message.countDocuments(
      { groupId: chatId, ...after, senderId: { $ne: userId }, deletedAt: null },
      { limit: UNREAD_CAP },
    ),
    withMentions
      ? m.Message.countDocuments(
          { mentions: userId, groupId: chatId, ...after, deletedAt: null },
          { limit: UNREAD_CAP },
        )
      : 0,
    m.Message.findOne({ groupId: chatId }, { createdAt: 1 }).sort({ _id: -1 }).lean(),
  ]);
  return { unread, mentions, lastMessageAt: last ? last.createdAt.getTime() : null };
}

/** The member's read markers, by chat id. */
export async function readMarkersOf(
  m: Pick<ChatModels, 'Read'>,
  userId: string,
  chatIds?: Types.ObjectId[],
): Promise<Map<string, Types.ObjectId>> {
  const reads = await m.Read.find({
    userId: oid(userId),
    ...(chatIds ? { groupId: { $in: chatIds } } : {}),
  }).lean();
  return new Map(reads.map((r) => [String(r.groupId), r.lastReadId]));
}

export async function groupSummaries(
  m: Pick<ChatModels, 'Message' | 'Read'>,
  groups: GroupService,
  userId: string,
): Promise<ChatGroupSummary[]> {
  const [mine, readOf] = await Promise.all([groups.groupsOf(userId), readMarkersOf(m, userId)]);
  return Promise.all(
    mine.map(async ({ id, name }) => ({
      kind: 'group' as const,
      groupId: id,
      name,
      ...(await countsIn(m, oid(userId), oid(id), readOf.get(id))),
      online: null,
    })),
  );
}

/**
 * The member's groups with unread lines (others', not deleted) and unread mentions, then
 * their private conversations: with contacts, and past ones that have lines.
 */
export async function chatSummaries(
  m: Pick<ChatModels, 'Message' | 'Read'>,
  groups: GroupService,
  contacts: Pick<Contacts, 'list'>,
  moderation: Pick<ChatModeration, 'bannedGroupsOf'>,
  actor: Actor,
): Promise<ChatGroupSummary[]> {
  const [mine, conversations, banned] = await Promise.all([
    groupSummaries(m, groups, actor.id),
    contacts.list(actor),
    moderation.bannedGroupsOf(actor.id),
  ]);
  return [
    // A group whose chat they are banned from tells them nothing: no counts, no presence.
    ...mine.filter((g) => !banned.has(g.groupId)),
    ...conversations
      .filter((c) => c.status === 'contact' || (c.status === 'former' && c.lastMessageAt))
      .map((c) => ({
        kind: 'private' as const,
        groupId: c.conversationId,
        name: c.name,
        unread: c.unread,
        mentions: 0,
        lastMessageAt: c.lastMessageAt,
        online: null,
      })),
  ];
}
