#!/usr/bin/env node
// Builds (once) and caches the mediasoup worker from Debian's own libraries.
//
// mediasoup's postinstall downloads a prebuilt worker or fetches meson and its subprojects
// from the internet; neither is reachable here, so the project builds the worker itself
// following ../shared/design/worker-build (architecture.md, "mediasoup: 3.12.16, worker
// built from Debian's libraries"). Node built-ins only: the bootstrap calls this before
// anything else is known to work, and calls it on every start, so a cache hit must be quick.
// The cache lives outside the clone (HAVEN_CACHE_DIR, default ~/.cache/haven) so fresh
// clones and CI runs on the same machine reuse it; its key changes with the recipe.
//
//   import { ensureWorker } from './build-worker.mjs'; const bin = await ensureWorker();
//   node scripts/build-worker.mjs      # progress on stderr, the binary's path on stdout

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensurePackages, fetchSrtpSource } from './worker-build/debian.mjs';
import { RERUN, run, WorkerBuildError } from './worker-build/proc.mjs';

export { DEBIAN_PACKAGES } from './worker-build/debian.mjs';
export { WorkerBuildError } from './worker-build/proc.mjs';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.dirname(path.dirname(SCRIPT));
const RECIPE_DIR = path.join(ROOT, 'scripts', 'worker-build');
const MEDIASOUP_DIR = path.join(ROOT, 'node_modules', 'mediasoup');

const LOCK_WAIT_MS = 30 * 60_000;

/** Returns the absolute path of a runnable mediasoup-worker, building it on first use. */
export async function ensureWorker({ log = console.log } = {}) {
  const version = JSON.parse(
    fs.readFileSync(path.join(MEDIASOUP_DIR, 'package.json'), 'utf8'),
  ).version;
  const cacheRoot = process.env.HAVEN_CACHE_DIR || path.join(os.homedir(), '.cache', 'haven');
  const dir = path.join(cacheRoot, `mediasoup-worker-${version}-${recipeHash().slice(0, 12)}`);
  const bin = path.join(dir, 'mediasoup-worker');
  if (isUsable(bin)) return bin;

  fs.mkdirSync(dir, { recursive: true });
  const release = await acquireLock(path.join(dir, '.lock'), log);
  try {
    // Whoever held the lock before us may have finished the very build we came for.
    if (isUsable(bin)) {
      log(`mediasoup worker built by another process: ${bin}`);
      return bin;
    }
    const started = Date.now();
    log(`building mediasoup ${version} worker into ${dir} (a few minutes on 2 cores)`);
    await buildInto(dir, bin, log);
    log(`mediasoup worker ready in ${Math.round((Date.now() - started) / 1000)} s: ${bin}`);
    return bin;
  } finally {
    release();
  }
}

/** Changes to this script or to any recipe file must give a new cache entry. */
function recipeHash() {
  const hash = createHash('sha256').update(fs.readFileSync(SCRIPT));
  for (const rel of listFiles(RECIPE_DIR).sort()) {
    hash.update(`\0${rel}\0`).update(fs.readFileSync(path.join(RECIPE_DIR, rel)));
  }
  return hash.digest('hex');
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [rel];
  });
}

function isUsable(bin) {
  try {
    const st = fs.statSync(bin);
    fs.accessSync(bin, fs.constants.X_OK);
    return st.isFile() && st.size > 0;
  } catch {
    return false;
  }
}

// ---- lock: mkdir is atomic, so exactly one caller builds; the others wait and reuse ----

async function acquireLock(lockDir, log) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let lastNote = 0;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(
        path.join(lockDir, 'owner.json'),
        JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
      );
      const release = () => fs.rmSync(lockDir, { recursive: true, force: true });
      // A plain exit (error, process.exit) must not leave a lock that makes others wait.
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = readOwner(lockDir);
    if (isStale(lockDir, owner)) {
      log(`removing stale build lock left by pid ${owner?.pid ?? '?'}`);
      // Rename first so two waiters cannot both delete (one of them a fresh lock).
      const aside = `${lockDir}.stale-${process.pid}`;
      try {
        fs.renameSync(lockDir, aside);
        fs.rmSync(aside, { recursive: true, force: true });
      } catch {}
      continue;
    }
    if (Date.now() > deadline) {
      throw new WorkerBuildError(
        `gave up waiting for the worker build of pid ${owner?.pid} (lock ${lockDir}); ` +
          `if no build is running, remove that folder and run: ${RERUN}`,
      );
    }
    if (Date.now() - lastNote > 30_000) {
      log(`another process (pid ${owner?.pid ?? '?'}) is building the worker; waiting for it`);
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function readOwner(lockDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(lockDir, 'owner.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isStale(lockDir, owner) {
  if (!owner) {
    // Owner file not written yet, or its writer died right after mkdir: allow a grace period.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 30_000;
    } catch {
      return false;
    }
  }
  if (owner.host !== os.hostname()) return false; // cannot probe pids on another machine
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
}

// ---- the build itself ----

async function buildInto(dir, bin, log) {
  const asRoot = await ensurePackages(log);
  const scratch = path.join(dir, 'build');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });

  const tarball = await fetchSrtpSource(scratch, asRoot, log);

  log('preparing the worker source with shim subprojects and libsrtp from source');
  const worker = path.join(scratch, 'worker');
  fs.cpSync(path.join(MEDIASOUP_DIR, 'worker'), worker, { recursive: true });
  const subprojects = path.join(worker, 'subprojects');
  fs.rmSync(subprojects, { recursive: true, force: true });
  fs.cpSync(path.join(RECIPE_DIR, 'shims'), subprojects, { recursive: true });
  // The libsrtp2 shim would link Debian's libsrtp2, whose NSS ciphers cost a third of a
  // worker's capacity; the real source is built with crypto-library=openssl instead.
  fs.rmSync(path.join(subprojects, 'libsrtp2'), { recursive: true, force: true });
  await run(['tar', 'xf', tarball, '-C', subprojects]);
  const srcDir = fs.readdirSync(subprojects).find((n) => /^libsrtp-\d/.test(n));
  if (!srcDir) throw new WorkerBuildError(`no libsrtp-* folder in ${tarball}`);
  fs.renameSync(path.join(subprojects, srcDir), path.join(subprojects, 'libsrtp2'));
  // bookworm ships meson 1.0.1; the worker asks for 1.1.0 but builds fine with 1.0 (verified).
  const mesonBuild = path.join(worker, 'meson.build');
  fs.writeFileSync(
    mesonBuild,
    fs
      .readFileSync(mesonBuild, 'utf8')
      .replace(/meson_version\s*:\s*'>=\s*[\d.]+'/, "meson_version: '>= 1.0.0'"),
  );

  log('meson setup (release)');
  await run(['meson', 'setup', 'build', '-Dbuildtype=release', '--wrap-mode=nodownload'], {
    cwd: worker,
  });

  log('compiling with ninja');
  await run(['ninja', '-C', 'build', 'mediasoup-worker'], {
    cwd: worker,
    env: { ...process.env, NINJA_STATUS: '[%f/%t] ' },
    onLine: ninjaProgress(log),
  });

  const built = path.join(worker, 'build', 'mediasoup-worker');
  verify(built, log);
  const tmp = `${bin}.tmp-${process.pid}`;
  fs.copyFileSync(built, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, bin); // atomic: a concurrent fast path never sees a half-written file
  fs.rmSync(scratch, { recursive: true, force: true });
}

/** Prints ninja's [n/N] only every 10% or every 10 s: enough to show it is alive. */
function ninjaProgress(log) {
  let lastPct = -1;
  let lastAt = Date.now();
  return (line) => {
    const m = /^\[(\d+)\/(\d+)\]/.exec(line);
    if (!m) return;
    const [done, total] = [Number(m[1]), Number(m[2])];
    const pct = Math.floor((done / total) * 10) * 10;
    if (pct > lastPct || Date.now() - lastAt > 10_000 || done === total) {
      log(`  compiling [${done}/${total}] ${Math.floor((done / total) * 100)}%`);
      lastPct = pct;
      lastAt = Date.now();
    }
  };
}

function verify(built, log) {
  log('verifying the binary');
  if (!isUsable(built)) throw new WorkerBuildError(`ninja finished but ${built} is missing`);
  const ldd = spawnSync('ldd', [built], { encoding: 'utf8' });
  const libs = `${ldd.stdout}${ldd.stderr}`;
  if (/not found/.test(libs)) {
    throw new WorkerBuildError(`the worker misses shared libraries:\n${libs}`);
  }
  if (!/libssl\.so/.test(libs) || !/libcrypto\.so/.test(libs)) {
    log('WARNING: the worker is not linked against OpenSSL (libssl/libcrypto); check the recipe');
  }
  if (/libnss3\.so/.test(libs)) {
    log("WARNING: the worker links NSS (Debian's libsrtp2): it will carry a third fewer streams");
  }
  // Without MEDIASOUP_VERSION the worker exits 41 right after the dynamic loader succeeded.
  const probe = spawnSync(built, [], { env: {}, encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 41) {
    throw new WorkerBuildError(
      `the built worker does not start (exit ${probe.status}): ${probe.stderr}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // Progress goes to stderr so `$(node scripts/build-worker.mjs)` captures just the path.
  ensureWorker({ log: (m) => console.error(`[worker] ${m}`) }).then(
    (bin) => console.log(bin),
    (err) => {
      console.error(`[worker] ${err instanceof WorkerBuildError ? err.message : err.stack}`);
      process.exit(1);
    },
  );
}
