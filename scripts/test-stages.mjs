// The stages of `npm test`, built-ins only (scripts/haven.mjs runs them). The suite runs
// once per Node runtime: the machine's own, then the LTS production runs
// (scripts/node-lts.mjs). A stage runs wholly on its Node: vitest is started by that
// binary, its workers fork `process.execPath`, and the binary's folder comes first on PATH
// so tests that start `node` or `npm` by name get the same Node.
import { spawn } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';

/** The client's browser tests (Chromium against a Haven): run on one Node only, see below. */
const BROWSER_TESTS = 'tests/client/**/*.browser.test.ts';

/**
 * @typedef {{ bin: string, version: string, origin: string, browsers?: boolean }} Runtime
 *   a Node binary, the version it reports (`v22.23.5`) and where it comes from, for the log;
 *   `browsers: false` leaves out the browser tests on it (a whole run; default true)
 * @typedef {{ name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv }} Stage
 */

/** The environment of a stage on `runtime`: that Node's folder first on PATH. */
function envFor(runtime, env) {
  const rest = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  return { ...env, PATH: [dirname(runtime.bin), ...rest].join(delimiter) };
}

/**
 * @param {{ root: string, extra: string[], runtimes: Runtime[], env?: NodeJS.ProcessEnv }} options
 *   `extra`: test paths given to `npm test`, which run in vitest only (no browser tests)
 * @returns {Stage[]}
 */
export function testStages({ root, extra, runtimes, env = process.env }) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  const stages = [
    { name: 'lint and format (biome)', cmd: bin('biome'), args: ['check', '.'], env },
    { name: 'types (tsc)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'], env },
  ];
  for (const runtime of runtimes) {
    const on = `on Node ${runtime.version} (${runtime.origin})`;
    const runtimeEnv = envFor(runtime, env);
    // What a browser test adds is Chromium and the client; the server behind it is the code
    // the rest of the suite runs on every Node. Running them on one Node only keeps CI well
    // inside its 30 minutes on 2 cores (they were half of a 25-minute run). Paths given to
    // `npm test` run as given, on every Node.
    const browsers = runtime.browsers !== false || extra.length > 0;
    stages.push({
      name: `tests (vitest${browsers ? '' : ', no browser tests'}) ${on}`,
      cmd: runtime.bin,
      args: [
        join(root, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        ...(browsers ? [] : ['--exclude', BROWSER_TESTS]),
        ...extra,
      ],
      env: runtimeEnv,
    });
    // The live-meeting browser tests, in a loopback-only network namespace (scripts/e2e.mjs).
    if (extra.length === 0 && browsers) {
      stages.push({
        name: `browser end-to-end (live meetings) ${on}`,
        cmd: runtime.bin,
        args: [join(root, 'scripts', 'e2e.mjs')],
        env: runtimeEnv,
      });
    }
  }
  return stages;
}

/** Runs a command with inherited output; resolves with its exit code, forwarding Ctrl-C/TERM. */
export function runInherited(cmd, args, { cwd, env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`[haven] could not start ${cmd}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs the stages in order and stops at the first failure.
 * @param {Stage[]} stages
 * @returns {Promise<number>} 0, or the exit code of the stage that failed
 */
export async function runStages(stages, { cwd, log = console.log }) {
  for (const { name, cmd, args, env } of stages) {
    log(`[haven test] ${name}`);
    const started = Date.now();
    const code = await runInherited(cmd, args, { cwd, env });
    if (code !== 0) {
      log(`[haven test] ${name} failed (exit ${code})`);
      return code;
    }
    log(`[haven test] ${name}: passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return 0;
}
