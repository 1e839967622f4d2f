// Inserting the bench's data fast: insertMany in batches through Haven's own mongoose models
// (so every document passes the models' validation and casting), on the bench's own
// connection to the database Haven uses. The lookup collection goes through the bare driver.
import { DateTime } from 'luxon';
import mongoose, { type Connection } from 'mongoose';
import { eventModels } from '../../../server/community/events/models.ts';
import { groupModels } from '../../../server/community/groups/models.ts';
import { postModels } from '../../../server/community/posts/models.ts';
import { directoryModels } from '../../../server/meetings/directory/models.ts';
import { eventDoc, groupDoc, meetingDoc, postDoc, type Random } from './fixtures.ts';

export const LOOKUP_COLLECTION = 'bench_lookup';
const BATCH = 1_000;
const LOOKUP_BATCH = 10_000;

export async function connectBench(uri: string, dbName: string): Promise<Connection> {
  // autoIndex off: Haven's own connection has built the models' indexes already.
  return mongoose.createConnection(uri, { dbName, autoIndex: false }).asPromise();
}

async function inBatches<T>(
  count: number,
  size: number,
  make: (i: number) => T,
  insert: (docs: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < count; start += size) {
    const docs: T[] = [];
    for (let i = start; i < Math.min(count, start + size); i++) docs.push(make(i));
    await insert(docs);
  }
}

export async function insertMeetings(
  connection: Connection,
  r: Random,
  count: number,
  memberIds: string[],
): Promise<void> {
  const { Meeting } = directoryModels(connection);
  const now = DateTime.now();
  await inBatches(
    count,
    BATCH,
    () => meetingDoc(r, memberIds, now),
    (docs) => Meeting.insertMany(docs),
  );
}

export async function insertCommunity(
  connection: Connection,
  r: Random,
  counts: { posts: number; groups: number; events: number },
  memberIds: string[],
): Promise<void> {
  const now = Date.now();
  const { Post } = postModels(connection);
  const { Group, Membership } = groupModels(connection);
  const { Event } = eventModels(connection);
  await inBatches(
    counts.posts,
    BATCH,
    () => postDoc(r, memberIds, now),
    (docs) => Post.insertMany(docs),
  );
  await inBatches(
    counts.groups,
    BATCH,
    (i) => groupDoc(r, memberIds, i),
    async (docs) => {
      const groups = await Group.insertMany(docs);
      // As the service does: the creator is the group's first member.
      await Membership.insertMany(
        groups.map((g) => ({ groupId: g._id, userId: g.createdBy, joinedAt: new Date(now) })),
      );
    },
  );
  await inBatches(
    counts.events,
    BATCH,
    () => eventDoc(r, memberIds, now),
    (docs) => Event.insertMany(docs),
  );
}

/** A bench-only collection of `count` small documents with an index on `key`. */
export async function insertLookupDocs(connection: Connection, count: number): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('no database on the bench connection');
  const collection = db.collection(LOOKUP_COLLECTION);
  await collection.createIndex({ key: 1 });
  await inBatches(
    count,
    LOOKUP_BATCH,
    (i) => ({ key: lookupKey(i), n: i, group: i % 97, note: `document ${i}` }),
    (docs) => collection.insertMany(docs, { ordered: false }),
  );
}

export const lookupKey = (i: number) => `k${String(i).padStart(8, '0')}`;
