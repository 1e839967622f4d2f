import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
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

let cached: Promise<ChildEntry> | null = null;

/**
 * The stand-in's CLI bundled by esbuild into one file (bson and mingo included) under
 * ~/.cache/haven, built once per source hash: a child then starts in about 0.3 s instead of
 * the 1-2 s tsx spends compiling on every start, which matters because tests start many Havens.
 * Without esbuild (it comes with tsx), the child runs main.ts through tsx.
 */
export function standinChildEntry(
  cacheDir = join(homedir(), '.cache', 'haven'),
): Promise<ChildEntry> {
  cached ??= build(cacheDir).catch(() => ({ kind: 'tsx', nodeArgs: ['--import', 'tsx', MAIN] }));
  return cached;
}

async function build(cacheDir: string): Promise<ChildEntry> {
  const out = join(cacheDir, `mongo-standin-${sourceHash()}.mjs`);
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
  }
  return { kind: 'bundle', nodeArgs: [out] };
}
