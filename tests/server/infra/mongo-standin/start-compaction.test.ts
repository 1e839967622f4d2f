import { appendFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { START_COMPACTION_RATIO } from '../../../../server/infra/mongo-standin/persistence/data-dir.ts';
import { connect, makeTempDir, memoryLogger, removeDir, startMongoStandin } from './helpers.ts';

const DB = 'standin_start';
const PAD = 'x'.repeat(1000);

let dir: string;
let standin: MongoStandin | null = null;

async function stop(): Promise<void> {
  await standin?.close();
  standin = null;
}

/** Starts the stand-in, runs `work` on a connection, and stops it again. */
async function session(
  work: (items: ReturnType<Awaited<ReturnType<typeof connect>>['collection']>) => Promise<void>,
  logger = memoryLogger(),
): Promise<ReturnType<typeof memoryLogger>> {
  standin = await startMongoStandin({ dataDir: dir, logger: logger.logger });
  const conn = await connect(standin, DB);
  await work(conn.collection('items'));
  await conn.close();
  await stop();
  return logger;
}

async function snapshotFile(): Promise<{ ino: number; mtimeMs: number; size: number }> {
  const s = await stat(join(dir, 'snapshot.bson'));
  return { ino: s.ino, mtimeMs: s.mtimeMs, size: s.size };
}

async function journalBytes(): Promise<number> {
  let total = 0;
  for (const f of await readdir(dir)) {
    if (/^journal-\d+\.bson$/.test(f)) total += (await stat(join(dir, f))).size;
  }
  return total;
}

function loaded(logger: ReturnType<typeof memoryLogger>): { compacted: boolean } {
  const entry = logger.entries.find((e) => e.msg === 'mongo stand-in: data loaded');
  return entry?.obj as { compacted: boolean };
}

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-start');
});
afterEach(stop);
afterAll(async () => {
  await removeDir(dir);
});

describe('mongo stand-in start with a large snapshot', () => {
  it('leaves the snapshot alone while the journal is small next to it', async () => {
    await session(async (items) => {
      await items.insertMany(Array.from({ length: 2000 }, (_, n) => ({ n, pad: PAD })));
    });
    // This start folds the first journal into the first snapshot.
    await session(async () => {});
    const before = await snapshotFile();
    expect(before.size).toBeGreaterThan(2_000_000);

    const logs: ReturnType<typeof memoryLogger>[] = [];
    for (let round = 0; round < 3; round++) {
      logs.push(
        await session(async (items) => {
          await items.insertOne({ n: 10_000 + round, pad: PAD });
        }),
      );
    }
    expect(await snapshotFile()).toEqual(before);
    expect(logs.map((log) => loaded(log).compacted)).toEqual([false, false, false]);
    expect(await journalBytes()).toBeLessThan(before.size * START_COMPACTION_RATIO);

    await session(async (items) => {
      expect(await items.countDocuments()).toBe(2003);
    });
  });

  it('folds the journal into a new snapshot once it passes the ratio', async () => {
    const before = await snapshotFile();
    // Updates rewrite whole documents, so the journal grows past half the snapshot's size.
    await session(async (items) => {
      await items.updateMany({ n: { $lt: 1200 } }, { $set: { touched: true } });
    });
    expect(await journalBytes()).toBeGreaterThanOrEqual(before.size * START_COMPACTION_RATIO);

    const log = await session(async (items) => {
      expect(await items.countDocuments({ touched: true })).toBe(1200);
    });
    expect(loaded(log).compacted).toBe(true);
    expect((await snapshotFile()).ino).not.toBe(before.ino);
    expect(await journalBytes()).toBe(0);
  });

  it('appends after a torn journal tail without hiding later writes', async () => {
    await session(async (items) => {
      await items.insertOne({ n: 'before-tear', pad: PAD });
    });
    const journals = (await readdir(dir)).filter((f) => /^journal-\d+\.bson$/.test(f));
    expect(journals).toHaveLength(1);
    // A crash mid-write leaves half a frame at the end.
    await appendFile(join(dir, journals[0] as string), Buffer.from([200, 0, 0, 0, 1, 2, 3]));
    await session(async (items) => {
      await items.insertOne({ n: 'after-tear', pad: PAD });
    });
    await session(async (items) => {
      const ns = (await items.find({ n: { $type: 'string' } }).toArray()).map((d) => d.n);
      expect(ns.sort()).toEqual(['after-tear', 'before-tear']);
    });
  });
});
