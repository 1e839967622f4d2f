// Idempotent setup steps for scripts/haven.mjs, built-ins only. Each answers a short
// word for the progress line ("up to date", "installed", ...) and does nothing when
// what it guards has not changed, so the second `npm start` is quick.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, relative } from 'node:path';

function sha256(...parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

function runVisible(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export async function ensureNpmPackages(root) {
  const stampFile = join(root, 'node_modules', '.haven-install-stamp');
  const want = sha256(
    readFileSync(join(root, 'package.json')),
    readOr(join(root, 'package-lock.json'), ''),
  );
  if (readOr(stampFile, '') === want) return 'up to date';
  console.log('    installing npm packages (npm ci); this takes a minute the first time');
  // MEDIASOUP_WORKER_BIN set during install is mediasoup's own way to skip its worker
  // download; package.json's allowScripts says the same to npm 11.
  const code = runVisible('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    env: { ...process.env, MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN || 'skip' },
  });
  if (code !== 0) throw new Error(`npm ci failed (exit ${code}); see the output above`);
  writeFileSync(stampFile, want);
  return 'installed';
}

function isInstalled(pkg) {
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a JS template
    const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { stdio: 'pipe' });
    return status.toString().includes('install ok installed');
  } catch {
    return false;
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** apt-get as root, or through passwordless sudo; `update` only when an install fails. */
function aptGet(args) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, prefix] = asRoot ? ['apt-get', []] : ['sudo', ['-n', 'apt-get']];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return runVisible(cmd, [...prefix, ...args], { env });
}

export async function ensureDebianPackages(packages, { optional = false } = {}) {
  if (packages.length === 0) return 'none needed';
  if (!hasCommand('dpkg-query') || !hasCommand('apt-get')) {
    const message = `not a Debian-like system: install ${packages.join(', ')} yourself, then rerun`;
    if (optional) return message;
    throw new Error(message);
  }
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return 'up to date';
  console.log(`    installing ${missing.join(', ')} with apt-get`);
  let code = aptGet(['install', '-y', '--no-install-recommends', ...missing]);
  if (code !== 0) {
    aptGet(['update']);
    code = aptGet(['install', '-y', '--no-install-recommends', ...missing]);
  }
  if (code !== 0) {
    const message = `could not install ${missing.join(', ')}; run: sudo apt-get install -y ${missing.join(' ')}`;
    if (optional) return message;
    throw new Error(message);
  }
  return `installed ${missing.join(', ')}`;
}

function listFiles(dir, skip) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.has(entry.name)) continue;
    if (entry.isDirectory()) out.push(...listFiles(path, skip));
    else out.push(path);
  }
  return out;
}

/** The client is rebuilt only when its sources, shared/ or the lock file changed. */
export async function ensureClientBuild(root) {
  const dist = join(root, 'client', 'dist');
  const stampFile = join(dist, '.haven-build-stamp');
  const skip = new Set(['dist', 'node_modules']);
  const files = [
    ...listFiles(join(root, 'client'), skip),
    ...listFiles(join(root, 'shared'), skip),
  ].sort();
  const hash = createHash('sha256');
  hash.update(readOr(join(root, 'package-lock.json'), ''));
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  const want = hash.digest('hex');
  if (readOr(stampFile, '') === want && existsSync(join(dist, 'index.html'))) return 'up to date';
  const code = runVisible(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root },
  );
  if (code !== 0) throw new Error(`client build failed (exit ${code})`);
  mkdirSync(dist, { recursive: true });
  writeFileSync(stampFile, want);
  const size = files.length;
  return `built from ${size} source files`;
}

function redisAnswers(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** The suite's Redis tests need the machine's standard Redis on 6379; start one if none answers. */
export async function ensureRedisRunning() {
  if (await redisAnswers(6379)) return 'answering on 127.0.0.1:6379';
  const code = runVisible('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  if (code !== 0) throw new Error('could not start redis-server on 6379');
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisAnswers(6379)) return 'started on 127.0.0.1:6379';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('redis-server was started but does not answer on 6379');
}
