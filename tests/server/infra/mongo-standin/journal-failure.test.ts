import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, memoryLogger, removeDir, startMongoStandin } from './helpers.ts';

const DB = 'standin_journal_failure';
const SHUTDOWN_IN_PROGRESS = 91;

let dir: string;
let standin: MongoStandin | null = null;

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-journal-failure');
});
afterEach(async () => {
  await standin?.close();
  standin = null;
});
afterAll(async () => {
  await removeDir(dir);
});

describe('mongo stand-in after its journal fails', () => {
  it('refuses writes and reads, and keeps only what reached the disk', async () => {
    const mem = memoryLogger();
    const failures: Error[] = [];
    standin = await startMongoStandin({
      dataDir: dir,
      logger: mem.logger,
      onJournalFailure: (err) => failures.push(err),
    });
    const conn = await connect(standin, DB);
    const items = conn.collection('items');
    await items.insertOne({ _id: 'durable' as never });

    await standin.breakJournalForTests();
    // The write that meets the failure is applied in memory, then its journaling fails.
    await expect(items.insertOne({ _id: 'unjournaled' as never })).rejects.toMatchObject({
      code: 1,
    });
    expect(failures).toHaveLength(1);
    expect(mem.entries).toContainEqual(
      expect.objectContaining({ msg: 'mongo stand-in: journal failed, refusing commands' }),
    );
    // Every later command is refused before it touches memory, reads included: memory now
    // holds 'unjournaled', which a restart will not have.
    await expect(items.insertOne({ _id: 'refused' as never })).rejects.toMatchObject({
      code: SHUTDOWN_IN_PROGRESS,
    });
    await expect(items.find({}).toArray()).rejects.toMatchObject({ code: SHUTDOWN_IN_PROGRESS });
    expect(failures).toHaveLength(1);
    await conn.close();
    await standin.close();

    standin = await startMongoStandin({ dataDir: dir });
    const again = await connect(standin, DB);
    const ids = (await again.collection('items').find({}).toArray()).map((d) => d._id);
    expect(ids).toEqual(['durable']);
    await again.close();
  });
});
