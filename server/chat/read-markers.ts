import { Types } from 'mongoose';
import { indexesReady, isDuplicateKey } from '../community/shared.ts';
import type { ChatModels } from './models.ts';

const oid = (id: string) => new Types.ObjectId(id);

/**
 * Moves a member's read marker in a chat forward to `messageId`, never back: markers from
 * two tabs can arrive in either order, and unread counts (chat-list.ts) read from it.
 */
export async function moveReadMarker(
  m: ChatModels,
  userId: string,
  groupId: string,
  messageId: string,
): Promise<void> {
  await indexesReady(m.Read);
  const key = { userId: oid(userId), groupId: oid(groupId) };
  const moved = await m.Read.updateOne(
    { ...key, lastReadId: { $lt: oid(messageId) } },
    { $set: { lastReadId: oid(messageId) } },
  );
  if (moved.matchedCount > 0) return;
  try {
    await m.Read.create({ ...key, lastReadId: oid(messageId) });
  } catch (error) {
    // A marker already at or past this line: nothing to move.
    if (!isDuplicateKey(error)) throw error;
  }
}
