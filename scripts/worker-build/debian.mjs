// Debian side of the worker build: the packages it needs and libsrtp's source package.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onPath, RERUN, run, WorkerBuildError } from './proc.mjs';

// python3 and the compilers are named explicitly: slim images lack them and meson needs both.
export const DEBIAN_PACKAGES = [
  'meson',
  'ninja-build',
  'pkg-config',
  'python3',
  'gcc',
  'g++',
  'libuv1-dev',
  'libssl-dev',
  'libsrtp2-dev',
  'libusrsctp-dev',
  'libabsl-dev',
  'nlohmann-json3-dev',
];

/**
 * Installs whichever packages are missing. Returns the prefix that runs a command as root
 * ([] when root, ['sudo', '-n'] with passwordless sudo, null when neither is possible).
 */
export async function ensurePackages(log) {
  log('checking Debian packages');
  if (process.platform !== 'linux' || !onPath('apt-get') || !onPath('dpkg-query')) {
    throw new WorkerBuildError(
      'cannot build the mediasoup worker here: it needs a Debian-like Linux (apt-get, dpkg). ' +
        `On Debian bookworm: sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')} && ${RERUN}. ` +
        'Elsewhere, run the project on Debian bookworm (or a container of it).',
    );
  }
  const missing = missingPackages();
  const asRoot = rootPrefix();
  if (missing.length === 0) return asRoot;
  if (!asRoot) {
    throw new WorkerBuildError(
      `missing Debian packages: ${missing.join(' ')}. This process is not root and cannot ` +
        'use sudo without a password, so install them yourself, then rerun:\n' +
        `  sudo apt-get install -y ${missing.join(' ')} && ${RERUN}`,
    );
  }
  log(`installing ${missing.length} Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    run([...asRoot, 'apt-get', 'install', '-y', ...missing], {
      env,
      onLine: (line) => line.startsWith('Setting up ') && log(`  ${line}`),
    });
  try {
    await install();
  } catch (err) {
    // Fresh images ship without package lists: update once, then try again.
    if (!/Unable to locate package|has no installation candidate/.test(err.output)) throw err;
    log('package lists are missing or out of date: apt-get update');
    await run([...asRoot, 'apt-get', 'update'], { env });
    await install();
  }
  const still = missingPackages();
  if (still.length) throw new WorkerBuildError(`apt-get did not install: ${still.join(' ')}`);
  return asRoot;
}

function missingPackages() {
  const format = '$' + '{Package} $' + '{db:Status-Abbrev}\n'; // dpkg's fields, not JS's
  const out = spawnSync('dpkg-query', ['-W', `-f=${format}`, ...DEBIAN_PACKAGES], {
    encoding: 'utf8',
  }).stdout;
  const installed = new Set(
    out
      .split('\n')
      .filter((line) => /^\S+ ii/.test(line))
      .map((line) => line.split(' ')[0]),
  );
  return DEBIAN_PACKAGES.filter((p) => !installed.has(p));
}

function rootPrefix() {
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) {
    return ['sudo', '-n'];
  }
  return null;
}

/**
 * Downloads libsrtp2's .orig tarball through a private deb-src list, leaving the machine's
 * own apt configuration, lists and caches untouched; needs no root. Returns its path.
 */
export async function fetchSrtpSource(scratch, asRoot, log) {
  const { mirror, suite, keyring } = findMirror();
  log(`fetching the libsrtp2 source package (${suite} main) from ${mirror}`);
  const apt = path.join(scratch, 'srcapt');
  fs.mkdirSync(path.join(apt, 'lists', 'partial'), { recursive: true });
  fs.mkdirSync(path.join(apt, 'cache', 'archives', 'partial'), { recursive: true });
  fs.writeFileSync(
    path.join(apt, 'src.sources'),
    `Types: deb-src\nURIs: ${mirror}\nSuites: ${suite}\nComponents: main\nSigned-By: ${keyring}\n`,
  );
  const opts = [
    ...['-o', 'Dir::Etc::SourceList=/dev/null', '-o', `Dir::Etc::SourceParts=${apt}`],
    ...['-o', `Dir::State::Lists=${apt}/lists`, '-o', `Dir::Cache=${apt}/cache`],
    // As root apt downloads as _apt, which cannot enter root's private cache folder.
    ...(asRoot?.length === 0 ? ['-o', 'APT::Sandbox::User=root'] : []),
  ];
  await run(['apt-get', ...opts, 'update']);
  const dest = path.join(scratch, 'srtp');
  fs.mkdirSync(dest, { recursive: true });
  await run(['apt-get', ...opts, 'source', '--download-only', 'libsrtp2'], { cwd: dest });
  const orig = fs.readdirSync(dest).find((n) => /^libsrtp2_.*\.orig\.tar\./.test(n));
  if (!orig) throw new WorkerBuildError(`apt-get source put no libsrtp2 tarball in ${dest}`);
  return path.join(dest, orig);
}

/** The mirror and release the machine's apt already uses (deb822 or one-line format). */
export function findMirror() {
  const fallback = {
    mirror: 'http://deb.debian.org/debian',
    suite: 'bookworm',
    keyring: '/usr/share/keyrings/debian-archive-keyring.gpg',
  };
  const entries = [];
  const partsDir = '/etc/apt/sources.list.d';
  const parts = fs.existsSync(partsDir) ? fs.readdirSync(partsDir).sort() : [];
  for (const file of ['/etc/apt/sources.list', ...parts.map((f) => path.join(partsDir, f))]) {
    const text = readOr(file);
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = {};
        for (const m of stanza.matchAll(/^([\w-]+):[ \t]*(.*)$/gm)) {
          field[m[1].toLowerCase()] = m[2].trim();
        }
        if (field.enabled === 'no' || !field.uris || !field.suites) continue;
        if (!field.types?.split(/\s+/).includes('deb')) continue;
        for (const suite of field.suites.split(/\s+/)) {
          entries.push({ mirror: field.uris.split(/\s+/)[0], suite, keyring: field['signed-by'] });
        }
      }
    } else if (file.endsWith('.list')) {
      for (const m of text.matchAll(/^[ \t]*deb[ \t]+(?:\[([^\]]*)\][ \t]+)?(\S+)[ \t]+(\S+)/gm)) {
        const keyring = /signed-by=(\S+)/.exec(m[1] ?? '')?.[1];
        entries.push({ mirror: m[2], suite: m[3], keyring });
      }
    }
  }
  // The release's own suite (not -updates, -security) on the machine's Debian mirror.
  const codename = /^VERSION_CODENAME=(\S+)/m.exec(readOr('/etc/os-release'))?.[1];
  const main = entries.filter((e) => !e.suite.includes('-') && !e.mirror.includes('security'));
  const pick = main.find((e) => e.suite === codename) ?? main[0];
  if (!pick) return fallback;
  // Signed-By may also hold an inline key block; only a file path can be written back.
  const keyring = pick.keyring?.startsWith('/') ? pick.keyring : fallback.keyring;
  return { mirror: pick.mirror.replace(/\/+$/, ''), suite: pick.suite, keyring };
}

function readOr(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
