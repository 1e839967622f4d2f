// The bare baseline: the database calls Haven made for one request (recorded in Haven's
// process through mongoose's debug hook, see haven-child.ts), replayed through the mongodb
// driver from the bench process, without Haven's HTTP, session, validation and view work.
// What Haven adds is the difference. Replaying what was recorded, rather than a query
// written here, keeps the baseline true when the services change their queries.
import { EJSON } from 'bson';
import type { mongo } from 'mongoose';

type Db = mongo.Db;
type Document = mongo.Document;

export interface RecordedCall {
  collection: string;
  method: string;
  args: unknown[];
}

export function parseRecorded(line: string): RecordedCall[] {
  // Relaxed: numbers come back as numbers (the driver ignores a `limit` given as an Int32 object).
  return EJSON.parse(line, { relaxed: true }) as RecordedCall[];
}

const READS = [
  'find',
  'findOne',
  'aggregate',
  'countDocuments',
  'distinct',
  'estimatedDocumentCount',
];

/** Only reads are replayed: a list has no business writing, and a replayed write would change the data. */
export const replayable = (calls: RecordedCall[]) => calls.filter((c) => READS.includes(c.method));

export function replayer(db: Db, calls: RecordedCall[]): () => Promise<void> {
  const reads = replayable(calls);
  return async () => {
    for (const call of reads) {
      const collection = db.collection(call.collection);
      const [a, b, c] = call.args as [Document, Document, Document];
      switch (call.method) {
        case 'find':
          await collection.find(a, b).toArray();
          break;
        case 'aggregate':
          await collection.aggregate(a as unknown as Document[], b).toArray();
          break;
        case 'findOne':
          await collection.findOne(a, b);
          break;
        case 'countDocuments':
          await collection.countDocuments(a, b);
          break;
        case 'distinct':
          await collection.distinct(a as unknown as string, b, c);
          break;
        case 'estimatedDocumentCount':
          await collection.estimatedDocumentCount(a);
          break;
      }
    }
  };
}

/** "find meetings, find meetings, find users" for the report. */
export const describeCalls = (calls: RecordedCall[]) =>
  replayable(calls)
    .map((c) => `${c.method} ${c.collection}`)
    .join(', ');
