import { appendFile, open, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeFrame,
  readFrames,
} from '../../../../server/infra/mongo-standin/persistence/framing.ts';
import { Journal } from '../../../../server/infra/mongo-standin/persistence/journal.ts';
import { makeTempDir, removeDir } from './helpers.ts';

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-journal');
});

afterAll(async () => {
  await removeDir(dir);
});

const record = (i: number): Buffer =>
  encodeFrame(serialize({ op: 'put', i, pad: 'x'.repeat(i % 50) }));

async function readAll(path: string): Promise<{ items: number[]; discardedBytes: number }> {
  const items: number[] = [];
  const res = await readFrames(path, (p) => items.push((deserialize(p) as { i: number }).i));
  return { items, discardedBytes: res.discardedBytes };
}

describe('mongo stand-in journal framing', () => {
  it('reads every intact frame of a clean file', async () => {
    const path = join(dir, 'clean.bson');
    await writeFile(path, Buffer.concat([0, 1, 2, 3].map(record)));
    expect(await readAll(path)).toEqual({ items: [0, 1, 2, 3], discardedBytes: 0 });
  });

  it('ignores a torn final record', async () => {
    const path = join(dir, 'torn.bson');
    const frames = [0, 1, 2].map(record);
    await writeFile(path, Buffer.concat(frames));
    const full = (await stat(path)).size;
    // Cut the last frame at every possible point: header-only, mid-header, mid-payload.
    for (const cut of [1, 4, 8, 12, (frames[2] as Buffer).length - 1]) {
      await writeFile(path, Buffer.concat(frames));
      await truncate(path, full - cut);
      const res = await readAll(path);
      expect(res.items).toEqual([0, 1]);
      expect(res.discardedBytes).toBe((frames[2] as Buffer).length - cut);
    }
  });

  it('stops at a record whose checksum does not match, and at a zero-filled tail', async () => {
    const path = join(dir, 'corrupt.bson');
    const frames = [0, 1, 2].map(record);
    const bytes = Buffer.concat(frames);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff;
    await writeFile(path, bytes);
    expect((await readAll(path)).items).toEqual([0, 1]);

    const zeroed = join(dir, 'zeroed.bson');
    await writeFile(zeroed, Buffer.concat(frames));
    await appendFile(zeroed, Buffer.alloc(4096));
    expect(await readAll(zeroed)).toEqual({ items: [0, 1, 2], discardedBytes: 4096 });
  });

  it('group-commits concurrent appends into fewer fsyncs, in order', async () => {
    const path = join(dir, 'group.bson');
    const journal = new Journal(await open(path, 'a'));
    const n = 300;
    await Promise.all(Array.from({ length: n }, (_, i) => journal.append([record(i)])));
    await journal.close();
    expect(journal.stats.appends).toBe(n);
    expect(journal.stats.syncs).toBeGreaterThan(0);
    expect(journal.stats.syncs).toBeLessThan(n);
    expect((await readAll(path)).items).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('rotates to a new file at an exact point of the append order', async () => {
    const a = join(dir, 'rot-a.bson');
    const b = join(dir, 'rot-b.bson');
    const journal = new Journal(await open(a, 'a'));
    const first = [0, 1, 2].map((i) => journal.append([record(i)]));
    const old = journal.rotate(await open(b, 'a'));
    const second = [3, 4].map((i) => journal.append([record(i)]));
    await Promise.all([...first, ...second]);
    await (await old).close();
    await journal.close();
    expect((await readAll(a)).items).toEqual([0, 1, 2]);
    expect((await readAll(b)).items).toEqual([3, 4]);
    expect((await readFile(b)).length).toBeGreaterThan(0);
  });
});
