#!/usr/bin/env node
// Runs mongoose's OWN mocha test suite against Haven's MongoDB stand-in.
//
// Why: Haven's unit tests only exercise the queries Haven itself writes. Mongoose's suite
// (thousands of tests written against a real mongod) is the widest compatibility check we can
// get for "does the stand-in behave like MongoDB for everything mongoose sends it". Each failure
// here is a place where the stand-in answers differently from mongod (or lacks a feature). The
// failures are grouped so the ones the project has decided not to support (geo, $where /
// server-side JavaScript, transactions/sessions, change streams) are kept apart from "other".
//
// Usage: node scripts/mongoose-suite.mjs [mongoose source dir] [test file/glob ...]
//   (env MONGOOSE_SUITE_GREP=<regex> passes --grep to mocha)
//   The mongoose source dir (default $MONGOOSE_SRC or /tmp/mongoose-src) is a checkout of the
//   mongoose repository with its devDependencies installed (mocha etc.). With no test files it
//   runs the files mongoose's own `npm test` runs. mongoose's mocha fixture only starts
//   mongodb-memory-server when MONGOOSE_TEST_URI is unset; we always set it, so no mongod is
//   downloaded or started. Writes every failure to bench-results/mongoose-suite.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [dirArg, ...fileArgs] = process.argv.slice(2);
const srcDir = resolve(dirArg || process.env.MONGOOSE_SRC || '/tmp/mongoose-src');
const mochaBin = join(srcDir, 'node_modules/mocha/bin/mocha.js');
if (!existsSync(join(srcDir, 'test/common.js')) || !existsSync(mochaBin)) {
  console.error(`${srcDir} is not a mongoose checkout with devDependencies installed`);
  process.exit(2);
}
// Same selection as mongoose's `npm test` (the encryption tests need mongocryptd).
const files = fileArgs.length > 0 ? fileArgs : ['./test/**/*.test.js'];
const grep = process.env.MONGOOSE_SUITE_GREP ? ['--grep', process.env.MONGOOSE_SUITE_GREP] : [];
const timeoutMs = process.env.MONGOOSE_SUITE_TEST_TIMEOUT || '10000'; // as mongoose's test:ci
const maxMinutes = Number(process.env.MONGOOSE_SUITE_MAX_MINUTES || 30);
const work = mkdtempSync(join(tmpdir(), 'mongoose-suite-'));
const reportFile = join(work, 'mocha.json');

function startStandin() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/infra/mongo-standin/main.ts', '--dir', join(work, 'data')].concat([
      '--port',
      '0',
      '--quiet',
      '--watch-stdin',
    ]),
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('stand-in did not start in 60s')), 60_000);
    child.on('exit', (code) => fail(new Error(`stand-in exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      ok({ child, port: JSON.parse(line).port, stderr: () => stderr });
    });
  });
}

function runMocha(port) {
  const args = [
    mochaBin,
    '--exit',
    '--timeout',
    timeoutMs,
    '--ignore',
    'test/encryption/**/*.test.js',
  ].concat(['--reporter', 'json', '--reporter-option', `output=${reportFile}`], grep, files);
  const env = { ...process.env, MONGOOSE_TEST_URI: `mongodb://127.0.0.1:${port}/` };
  for (const k of ['MONGOOSE_REPLSET_URI', 'START_REPLICA_SET', 'REPLICA_SET', 'CI']) delete env[k];
  env.MONGOMS_DISABLE_POSTINSTALL = '1';
  const child = spawn(process.execPath, args, {
    cwd: srcDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (d) => {
    tail = (tail + d).slice(-3000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const killer = setTimeout(() => child.kill('SIGKILL'), maxMinutes * 60_000);
  return new Promise((ok) =>
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      ok({ code, signal, tail });
    }),
  );
}

// Category from test title, file and error text. Order matters: the first match wins.
const CATEGORIES = [
  ['geo', /geo|2dsphere|\b2d\b|\$near|\$within|\$box|\$center|\$polygon|haystack|GeoJSON/i],
  [
    '$where/server-side JS',
    /\$where|\$function|\$accumulator|map-?reduce|server-?side javascript|\$eval/i,
  ],
  ['change streams', /change ?stream|\bwatch\(|\.watch\b|\$changeStream|changes\.test/i],
  ['transactions/sessions', /transaction|session|causal|replica ?set|replset/i],
];
const categorize = (f) => {
  const text = `${f.fullTitle}\n${f.file}\n${f.err?.message ?? ''}`;
  return CATEGORIES.find(([, re]) => re.test(text))?.[0] ?? 'other';
};
// Error "kind": first line of the message with values blurred, so similar errors group.
const kindOf = (msg) =>
  (msg || '(no message)')
    .split('\n')[0]
    .replace(/\d+/g, 'N')
    .replace(/(['"`]).*?\1/g, '…')
    .slice(0, 90);

const t0 = Date.now();
const standin = await startStandin();
console.log(`stand-in listening on ${standin.port}; running mocha in ${srcDir}`);
let run;
try {
  run = await runMocha(standin.port);
} finally {
  standin.child.removeAllListeners('exit');
  const stopped = new Promise((r) => standin.child.once('exit', r));
  if (standin.child.exitCode === null) standin.child.kill('SIGTERM');
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
  if (standin.child.exitCode === null) standin.child.kill('SIGKILL');
}
const seconds = Math.round((Date.now() - t0) / 1000);
if (!existsSync(reportFile)) {
  console.error(
    `mocha wrote no report (exit ${run.code ?? run.signal}); output tail:\n${run.tail}`,
  );
  console.error(`stand-in stderr tail:\n${standin.stderr()}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
rmSync(work, { recursive: true, force: true });

const { stats } = report;
const failures = report.failures.map((f) => ({
  category: categorize(f),
  title: f.fullTitle,
  file: f.file?.replace(`${srcDir}/`, ''),
  error: f.err?.message?.split('\n')[0] ?? '',
  kind: kindOf(f.err?.message),
  stack: f.err?.stack?.split('\n').slice(0, 6).join('\n'),
}));
const byCategory = {};
for (const f of failures) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
const ran = stats.passes + stats.failures;
const rate = ran ? ((100 * stats.passes) / ran).toFixed(1) : '0';
const pkg = JSON.parse(readFileSync(join(srcDir, 'package.json'), 'utf8'));

console.log(`\nmongoose ${pkg.version} suite (${srcDir}) vs stand-in, ${seconds}s`);
console.log(`files: ${files.join(' ')}  mocha exit: ${run.code ?? run.signal}`);
console.log(
  `total ${stats.tests}  passed ${stats.passes}  failed ${stats.failures}  pending ${stats.pending}`,
);
console.log(
  `pass rate ${rate}% of tests that ran (failed "before" hooks hide their suite's tests)`,
);
console.log('\nfailures by category:');
for (const [cat, n] of Object.entries(byCategory).sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(n).padStart(5)}  ${cat}`);
}
const other = failures.filter((f) => f.category === 'other');
const kinds = new Map();
for (const f of other) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f]);
const sortedKinds = [...kinds.entries()].sort((a, b) => b[1].length - a[1].length);
console.log(`\n"other" failures (${other.length}) by error kind, most common first:`);
for (const [kind, list] of sortedKinds) {
  console.log(`  [${list.length}] ${kind}`);
  for (const f of list.slice(0, 8)) console.log(`      - ${f.title}`);
  if (list.length > 8) console.log(`      … ${list.length - 8} more`);
}

const outDir = join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'mongoose-suite.json');
const meta = { mongooseVersion: pkg.version, srcDir, files, grep, seconds, mochaExit: run.code };
const pending = report.pending.map((t) => t.fullTitle);
const passed = report.passes.map((t) => t.fullTitle);
const body = { meta, stats, byCategory, failures, pending, passed };
writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
console.log(`\nfull failure list: ${out}`);
