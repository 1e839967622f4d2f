import type { Types } from 'mongoose';
import type { PublicUser } from '../../shared/api/accounts.ts';
import type { ChatMessage } from '../../shared/chat/schemas.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { staffBadgeOf } from '../community/shared.ts';
import type { ChatMessageDoc } from './models.ts';

/**
 * Stored lines as members see them. Names are looked up now, unless `known` has them: a
 * rename shows on old lines, a deleted member shows as such, staff carry their badge.
 */
export async function lineViews(
  users: UserDirectory,
  docs: ChatMessageDoc[],
  known?: Map<string, PublicUser>,
): Promise<ChatMessage[]> {
  const ids = docs.flatMap((d) => [d.senderId, d.replyTo?.senderId ?? null]);
  const people = known ?? (await users.publicUsers(ids.filter((id) => id !== null).map(String)));
  const nameOf = (id: Types.ObjectId | null) =>
    id ? (people.get(String(id))?.displayName ?? null) : null;
  const staffOf = (id: Types.ObjectId | null) => {
    const badge = id ? staffBadgeOf(people.get(String(id))?.roles ?? []) : undefined;
    return badge ? { senderStaff: badge } : {};
  };
  return docs.map((d) => ({
    id: String(d._id),
    kind: d.kind ?? 'group',
    groupId: String(d.groupId),
    senderId: d.senderId ? String(d.senderId) : null,
    senderName: nameOf(d.senderId),
    ...staffOf(d.senderId),
    clientId: d.clientId,
    text: d.text,
    replyTo: d.replyTo
      ? {
          id: String(d.replyTo.id),
          senderName: nameOf(d.replyTo.senderId),
          excerpt: d.replyTo.excerpt,
        }
      : null,
    mentions: d.mentions.map(String),
    reactions: d.reactions.map((r) => ({ emoji: r.emoji, userIds: r.userIds.map(String) })),
    createdAt: d.createdAt.getTime(),
    editedAt: d.editedAt ? d.editedAt.getTime() : null,
    deletedAt: d.deletedAt ? d.deletedAt.getTime() : null,
  }));
}
