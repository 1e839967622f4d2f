#!/usr/bin/env node
// The two commands of the README (`npm start`, `npm test`) land here. This file may run
// before `npm install` ever has, so it uses only Node's built-ins: it installs what is
// missing (npm packages, Debian packages, the mediasoup worker, the client build), each
// step skipped when nothing changed, then starts the server or runs the suite.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureClientBuild,
  ensureDebianPackages,
  ensureNpmPackages,
  ensureRedisRunning,
} from './setup-steps.mjs';
import { runInherited, runStages, testStages } from './test-stages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2] ?? 'start';

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Haven needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

/** Runs each step with a numbered progress line, so a newcomer sees what happens and why. */
async function setup({ forTests }) {
  const steps = [
    ['npm packages', () => ensureNpmPackages(root)],
    [
      'Debian packages',
      () =>
        ensureDebianPackages(forTests ? ['redis-server', 'chromium'] : [], { optional: !forTests }),
    ],
    [
      'mediasoup worker',
      async () => {
        const { ensureWorker } = await import('./build-worker.mjs');
        process.env.MEDIASOUP_WORKER_BIN = await ensureWorker({
          log: (m) => console.log(`    ${m}`),
        });
        return process.env.MEDIASOUP_WORKER_BIN;
      },
    ],
    ['client build', () => ensureClientBuild(root)],
  ];
  if (forTests) {
    steps.push([
      'Node 22 LTS for the second test run',
      async () => {
        const { ensureNodeLts } = await import('./node-lts.mjs');
        const { bin, status } = await ensureNodeLts({ log: (m) => console.log(`    ${m}`) });
        return `${status}: ${bin}`;
      },
    ]);
    steps.push(['Redis for the tests', () => ensureRedisRunning()]);
  }
  for (const [index, [name, run]] of steps.entries()) {
    const started = Date.now();
    console.log(`[haven ${index + 1}/${steps.length}] ${name}...`);
    const result = await run();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[haven ${index + 1}/${steps.length}] ${name}: ${result ?? 'ready'} (${seconds}s)`);
  }
}

const run = (cmd, args) => runInherited(cmd, args, { cwd: root });

async function main() {
  checkNode();
  if (command === 'setup') return setup({ forTests: true });
  if (command === 'seed') {
    console.log('[haven] npm packages...');
    console.log(`[haven] npm packages: ${await ensureNpmPackages(root)}`);
    process.exitCode = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts']);
    return;
  }
  if (command === 'start') {
    await setup({ forTests: false });
    console.log('[haven] starting the server...');
    process.exitCode = await run(process.execPath, ['--import', 'tsx', 'server/main.ts']);
    return;
  }
  if (command === 'test') {
    await setup({ forTests: true });
    // The second run is on the Node LTS production runs; setup has just cached it. The
    // browser tests run on that one (scripts/test-stages.mjs says why).
    const { ensureNodeLts, NODE_LTS } = await import('./node-lts.mjs');
    const { bin: ltsBin } = await ensureNodeLts();
    const runtimes = [
      {
        bin: process.execPath,
        version: process.version,
        origin: "this machine's",
        browsers: false,
      },
      { bin: ltsBin, version: `v${NODE_LTS.version}`, origin: 'LTS, as production runs' },
    ];
    const stages = testStages({ root, extra: process.argv.slice(3), runtimes });
    process.exitCode = await runStages(stages, { cwd: root });
    if (process.exitCode !== 0) return;
    console.log(`[haven test] all passed, on Node ${runtimes.map((r) => r.version).join(' and ')}`);
    return;
  }
  console.error(`usage: node scripts/haven.mjs start|test|setup|seed (got "${command}")`);
  process.exitCode = 2;
}

if (!existsSync(join(root, 'package.json'))) throw new Error('run from the Haven checkout');
main().catch((error) => {
  console.error(`[haven] ${error?.message ?? error}`);
  process.exit(1);
});
