import { Types } from 'mongoose';
import type { ChatMessage } from '../../shared/chat/schemas.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { indexesReady } from '../community/shared.ts';
import { lineViews } from './line-views.ts';
import type { ChatMessageDoc, ChatModels } from './models.ts';

/** A group's lines as a reader asks for them; who may read is the service's to decide. */

const oid = (id: string) => new Types.ObjectId(id);

/** Newest first `before` a line (or from the newest); `after` one, oldest first. */
export async function readPage(
  m: ChatModels,
  users: UserDirectory,
  query: {
    groupId: string;
    before?: string | undefined;
    after?: string | undefined;
    limit?: number | undefined;
  },
  defaultLimit: number,
): Promise<{ messages: ChatMessage[]; more: boolean }> {
  const limit = query.limit ?? defaultLimit;
  const filter: Record<string, unknown> = { groupId: oid(query.groupId) };
  if (query.before) filter._id = { $lt: oid(query.before) };
  if (query.after) filter._id = { $gt: oid(query.after) };
  const docs = await m.Message.find(filter)
    .sort({ _id: query.after ? 1 : -1 })
    .limit(limit + 1)
    .lean();
  return {
    messages: await lineViews(users, docs.slice(0, limit) as ChatMessageDoc[]),
    more: docs.length > limit,
  };
}

/** Lines of the group with these words (all of them), newest first; deleted lines never. */
export async function searchLines(
  m: ChatModels,
  users: UserDirectory,
  groupId: string,
  q: string,
  limit: number,
): Promise<ChatMessage[]> {
  await indexesReady(m.Message);
  // Each word must appear: quoted terms are ANDed by $text, bare ones would be ORed.
  const terms = q
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '')}"`)
    .join(' ');
  const docs = await m.Message.find({
    groupId: oid(groupId),
    deletedAt: null,
    $text: { $search: terms },
  })
    .sort({ _id: -1 })
    .limit(limit)
    .lean();
  return lineViews(users, docs as ChatMessageDoc[]);
}
