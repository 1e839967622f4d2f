import { Types } from 'mongoose';
import type { ChatModels } from './models.ts';

/** A member's chat lines in "download my data", and what deleting the account does to them. */

const oid = (id: string) => new Types.ObjectId(id);
const ERASE_BATCH = 1_000;

/** Their own lines, groups' and private ones. */
export async function exportLines(m: ChatModels, userId: string) {
  const mine = await m.Message.find({ senderId: oid(userId) })
    .sort({ _id: 1 })
    .lean();
  return mine.map((line) => ({
    kind: line.kind ?? 'group',
    groupId: String(line.groupId),
    text: line.text,
    createdAt: line.createdAt.toISOString(),
    editedAt: line.editedAt?.toISOString() ?? null,
    deleted: line.deletedAt !== null,
  }));
}

/**
 * Their lines become tombstones from "a deleted member" (the conversation keeps its shape;
 * nothing of theirs stays); their reactions, mentions and read markers go.
 */
export async function eraseLines(m: ChatModels, userId: string): Promise<void> {
  const id = oid(userId);
  const erased = { text: null, deletedAt: new Date(), mentions: [], reactions: [] };
  // Each line gets a client id of its own: (group, sender, clientId) is unique, every erased
  // line's sender is the same null, and members see each other's client ids, so one who
  // copied another's and then left would otherwise make the other's erasure fail.
  for (;;) {
    const batch = await m.Message.find({ senderId: id }, { _id: 1 }).limit(ERASE_BATCH).lean();
    if (batch.length === 0) break;
    await m.Message.bulkWrite(
      batch.map(({ _id }) => ({
        updateOne: {
          filter: { _id, senderId: id },
          update: { $set: { ...erased, senderId: null, clientId: `erased-${String(_id)}` } },
        },
      })),
    );
  }
  await m.Message.updateMany(
    { 'replyTo.senderId': id },
    { $set: { 'replyTo.senderId': null, 'replyTo.excerpt': null } },
  );
  await m.Message.updateMany(
    { 'reactions.userIds': id },
    { $pull: { 'reactions.$[].userIds': id } },
  );
  // A reaction only they had goes with them.
  await m.Message.updateMany(
    { reactions: { $elemMatch: { userIds: { $size: 0 } } } },
    { $pull: { reactions: { userIds: { $size: 0 } } } },
  );
  await m.Message.updateMany({ mentions: id }, { $pull: { mentions: id } });
  await m.Read.deleteMany({ userId: id });
}
