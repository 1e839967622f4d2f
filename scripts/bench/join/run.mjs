#!/usr/bin/env node
// `npm run bench:join`: join time in Haven beside a bare mediasoup-client page. Like
// scripts/e2e.mjs it re-runs itself inside a network namespace with only a loopback
// interface (WebRTC stays on 127.0.0.1), starts its own Redis there, then runs main.ts.
import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const inside = process.env.HAVEN_BENCH_NETNS === '1';

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Resolves once something answers on 127.0.0.1:port, or rejects after `ms`. */
function answering(port, ms) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing answered on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

async function insideNamespace() {
  const redis = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  try {
    await answering(6379, 10_000);
    return await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/join/main.ts', ...process.argv.slice(2)],
      { ...process.env, REDIS_URL: 'redis://127.0.0.1:6379' },
    );
  } finally {
    redis.kill('SIGTERM');
  }
}

/** The cached worker build (built on first use); found outside the namespace. */
function workerBin() {
  if (process.env.MEDIASOUP_WORKER_BIN) return process.env.MEDIASOUP_WORKER_BIN;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-worker.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const bin = result.stdout?.trim().split('\n').at(-1);
  if (result.status !== 0 || !bin) throw new Error('node scripts/build-worker.mjs failed');
  return bin;
}

async function main() {
  if (inside) {
    process.exitCode = await insideNamespace();
    return;
  }
  const env = { ...process.env, HAVEN_BENCH_NETNS: '1', MEDIASOUP_WORKER_BIN: workerBin() };
  const script = `ip link set lo up && exec "${process.execPath}" scripts/bench/join/run.mjs "$@"`;
  const args = process.argv.slice(2);
  for (const flags of [['-n'], ['-rn']]) {
    const probe = spawnSync('unshare', [...flags, 'true']);
    if (probe.status !== 0) continue;
    process.exitCode = await run('unshare', [...flags, 'sh', '-c', script, 'bench', ...args], env);
    return;
  }
  console.error(
    '[bench:join] cannot create a loopback-only network namespace (unshare -n / -rn refused); ' +
      'run as root or allow unprivileged user namespaces',
  );
  process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[bench:join] ${error?.message ?? error}`);
  process.exit(1);
});
