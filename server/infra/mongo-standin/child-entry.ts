import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to start the stand-in's CLI in a child: node's arguments before the CLI's own. */
export interface ChildEntry {
  nodeArgs: string[];
  /** 'bundle' is one plain .mjs file; 'tsx' compiles main.ts at every start (about 1 s more). */
  kind: 'bundle' | 'tsx';
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const MAIN = join(HERE, 'main.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts'))
    .sort();
}

/** Hash of the stand-in's sources and the versions of what gets bundled in, so any edit rebuilds. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(HERE)) hash.update(file).update(readFileSync(file));
  for (const pkg of ['bson', 'mingo', 'esbuild']) {
    try {
      hash.update(readFileSync(join(HERE, '../../../node_modules', pkg, 'package.json')));
    } catch {
      hash.update(`${pkg}:absent`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles of other sources (older commits, other checkouts sharing ~/.cache/haven) are deleted
 * when a new bundle is written, but only once unused for this long: every start marks its
 * bundle used (its mtime), and a Haven started from another checkout in the last day may still
 * restart its child from its own bundle. A longer-running one rebuilds it (see below).
 */
export const STALE_BUNDLE_MS = 24 * 3_600_000;
const BUNDLE_FILE = /^mongo-standin-[0-9a-f]{16}\.mjs(\.\d+\.\d+\.tmp)?$/;

const cached = new Map<string, Promise<ChildEntry>>();

/**
 * The stand-in's CLI bundled by esbuild into one file (bson and mingo included) under
 * ~/.cache/haven, built once per source hash: a child then starts in about 0.3 s instead of
 * the 1-2 s tsx spends compiling on every start, which matters because tests start many Havens.
 * Without esbuild (it comes with tsx), the child runs main.ts through tsx. Called at every
 * (re)start of a child: a bundle pruned meanwhile is built again.
 */
export async function standinChildEntry(
  cacheDir = join(homedir(), '.cache', 'haven'),
): Promise<ChildEntry> {
  let pending = cached.get(cacheDir);
  if (!pending) {
    pending = build(cacheDir).catch(() => ({ kind: 'tsx', nodeArgs: ['--import', 'tsx', MAIN] }));
    cached.set(cacheDir, pending);
  }
  const entry = await pending;
  if (entry.kind === 'bundle' && !markUsed(entry.nodeArgs[0] as string)) {
    if (cached.get(cacheDir) === pending) cached.delete(cacheDir);
    return standinChildEntry(cacheDir);
  }
  return entry;
}

/** Sets the bundle's mtime to now (its "last used"); false when it is gone. */
function markUsed(path: string): boolean {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A read-only cache still serves its bundle; only its absence matters here.
  }
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** Deletes other bundles (and abandoned temporary files) unused for STALE_BUNDLE_MS. */
function pruneStale(cacheDir: string, keep: string): void {
  const before = Date.now() - STALE_BUNDLE_MS;
  for (const name of readdirSync(cacheDir)) {
    if (name === keep || !BUNDLE_FILE.test(name)) continue;
    const path = join(cacheDir, name);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
      // Gone already (another start pruned it), or not ours to delete: either way, leave it.
    }
  }
}

async function build(cacheDir: string): Promise<ChildEntry> {
  const name = `mongo-standin-${sourceHash()}.mjs`;
  const out = join(cacheDir, name);
  const ready = (): boolean => {
    try {
      return statSync(out).size > 0;
    } catch {
      return false;
    }
  };
  if (!ready()) {
    mkdirSync(cacheDir, { recursive: true });
    const { build: esbuild } = await import('esbuild');
    // Built beside the target and renamed, so concurrent starts never run a half-written file.
    const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
    await esbuild({
      entryPoints: [MAIN],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: tmp,
      logLevel: 'silent',
    });
    renameSync(tmp, out);
    pruneStale(cacheDir, name);
  }
  return { kind: 'bundle', nodeArgs: [out] };
}
