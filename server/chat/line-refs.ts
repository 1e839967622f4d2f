import { Types } from 'mongoose';
import { namesMentioned } from '../../shared/chat/mention-names.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import { AppError } from '../infra/errors.ts';
import type { ChatMessageDoc, ChatModels } from './models.ts';
import type { ChatModeration } from './moderation.ts';

/** What a new line points at: the line it answers, and the members it mentions. */

/** A reply shows the start of the line it answers. */
const EXCERPT = 120;

const oid = (id: string) => new Types.ObjectId(id);

export type ReplyRef = NonNullable<ChatMessageDoc['replyTo']>;

/** The line answered, which must be in the same group; none when the line answers nothing. */
export async function replyRef(
  m: ChatModels,
  groupId: string,
  replyTo: string | undefined,
): Promise<ReplyRef | null> {
  if (!replyTo) return null;
  const original = await m.Message.findOne({ _id: oid(replyTo), groupId: oid(groupId) }).lean();
  if (!original) throw new AppError('NOT_FOUND', 'no such message in this group to reply to');
  return {
    id: original._id,
    senderId: original.senderId,
    excerpt: excerptOf(original.text),
  };
}

/**
 * The replies to a line show what it says now: the start of its edited words, or nothing
 * once it is deleted (a copy of a deleted line's words would outlive its tombstone). The
 * line is read again here, and a deletion is final: an edit's refresh that comes after the
 * deletion's writes no words back (it only touches excerpts not yet cleared), and one that
 * read the line before the deletion is followed by the deletion's own. The replies changed,
 * for their readers to hear of.
 */
export async function refreshExcerpts(
  m: ChatModels,
  lineId: Types.ObjectId,
): Promise<ChatMessageDoc[]> {
  const line = await m.Message.findById(lineId, { groupId: 1, text: 1, deletedAt: 1 }).lean();
  if (!line) return [];
  const replies = { groupId: line.groupId, 'replyTo.id': lineId };
  const gone = line.deletedAt !== null || line.text === null;
  const { modifiedCount } = await m.Message.updateMany(
    gone ? replies : { ...replies, 'replyTo.excerpt': { $ne: null } },
    { $set: { 'replyTo.excerpt': gone ? null : excerptOf(line.text) } },
  );
  if (modifiedCount === 0) return [];
  return (await m.Message.find(replies).lean()) as ChatMessageDoc[];
}

const excerptOf = (text: string | null) => (text === null ? null : text.slice(0, EXCERPT));

/**
 * A reply just stored shows its line as it is now: the excerpt was read before the reply
 * was stored, and a deletion or edit meanwhile found no reply to change. The reply, if its
 * excerpt had to change (none or one).
 */
export async function replyFollows(
  m: ChatModels,
  reply: ChatMessageDoc,
): Promise<ChatMessageDoc[]> {
  if (!reply.replyTo) return [];
  const line = await m.Message.findById(reply.replyTo.id, { text: 1, deletedAt: 1 }).lean();
  const excerpt = !line || line.deletedAt !== null ? null : excerptOf(line.text);
  if (excerpt === reply.replyTo.excerpt) return [];
  const changed = await m.Message.findOneAndUpdate(
    { _id: reply._id },
    { $set: { 'replyTo.excerpt': excerpt } },
    { returnDocument: 'after' },
  ).lean();
  return changed ? [changed as ChatMessageDoc] : [];
}

/**
 * Only members of the group who may read its chat, and whom the text names ("@Name", as the
 * browser writes a mention), can be mentioned; others (a member banned from the chat, one
 * not named: a ping nobody could see the reason for) are dropped, and the sender learns
 * nothing of which.
 */
export async function mentionable(
  src: {
    groups: Pick<GroupService, 'memberOf'>;
    moderation: Pick<ChatModeration, 'bannedAmong'>;
    users: Pick<UserDirectory, 'publicUsers'>;
  },
  line: { groupId: string; text: string },
  ids: string[],
  self: string,
): Promise<Types.ObjectId[]> {
  const { groupId, text } = line;
  const wanted = [...new Set(ids)].filter((id) => id !== self);
  if (wanted.length === 0) return [];
  const [members, banned, people] = await Promise.all([
    Promise.all(
      wanted.map(async (id) =>
        (await src.groups.memberOf(id, [groupId])).has(groupId) ? id : null,
      ),
    ),
    src.moderation.bannedAmong(groupId, wanted),
    src.users.publicUsers(wanted),
  ]);
  const names = wanted.flatMap((id) => people.get(id)?.displayName ?? []);
  const found = namesMentioned(text, names);
  const named = (id: string) => found.has(people.get(id)?.displayName ?? '');
  return members.filter((id): id is string => id !== null && !banned.has(id) && named(id)).map(oid);
}
