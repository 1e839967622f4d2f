import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standinChildEntry } from '../../../../server/infra/mongo-standin/child-entry.ts';
import { makeTempDir, removeDir } from './helpers.ts';

const HOUR_MS = 3_600_000;
let cacheDir: string;

async function aged(name: string, ageMs: number): Promise<void> {
  const path = join(cacheDir, name);
  await writeFile(path, 'export {};\n');
  const when = new Date(Date.now() - ageMs);
  await utimes(path, when, when);
}

beforeEach(async () => {
  cacheDir = await makeTempDir('mongo-standin-cache');
});
afterEach(async () => {
  await removeDir(cacheDir);
});

describe('mongo stand-in: bundle cache', () => {
  it('prunes bundles of other sources unused for a day when it writes a new one', async () => {
    await aged('mongo-standin-0000000000000001.mjs', 48 * HOUR_MS);
    await aged('mongo-standin-0000000000000002.mjs.123.456.tmp', 48 * HOUR_MS);
    // Another checkout's bundle, started an hour ago: its Haven may still restart a child.
    await aged('mongo-standin-0000000000000003.mjs', HOUR_MS);
    await aged('node-notes.txt', 48 * HOUR_MS);

    const entry = await standinChildEntry(cacheDir);
    expect(entry.kind).toBe('bundle');
    const current = entry.nodeArgs[0] as string;
    expect((await readdir(cacheDir)).sort()).toEqual(
      [
        current.slice(cacheDir.length + 1),
        'mongo-standin-0000000000000003.mjs',
        'node-notes.txt',
      ].sort(),
    );
  });

  it('marks the current bundle as used at every start, and rebuilds it if it was pruned meanwhile', async () => {
    const current = (await standinChildEntry(cacheDir)).nodeArgs[0] as string;
    const old = new Date(Date.now() - 48 * HOUR_MS);
    await utimes(current, old, old);
    await standinChildEntry(cacheDir);
    expect(Date.now() - (await stat(current)).mtimeMs).toBeLessThan(HOUR_MS);

    // A long-running Haven whose bundle another checkout pruned still restarts its child.
    await rm(current);
    const again = await standinChildEntry(cacheDir);
    expect(again.nodeArgs[0]).toBe(current);
    expect((await stat(current)).size).toBeGreaterThan(0);
  });
});
