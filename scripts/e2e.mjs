#!/usr/bin/env node
// `npm run test:e2e`: the browser end-to-end tests of live meetings, run inside a network
// namespace that has only a loopback interface, so WebRTC media between the server and the
// browsers never touches the machine's network address (Chromium would offer it, and
// mediasoup's ICE-lite could move there; see docs/live-meetings.md). Inside it: its own
// Redis on 127.0.0.1:6379, the test servers and Chromium, all started by the tests.
import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inside = process.env.HAVEN_E2E_NETNS === '1';

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
    const extra = process.argv.slice(2);
    const vitest = join(root, 'node_modules', '.bin', 'vitest');
    return await run(vitest, ['run', '--config', 'vitest.e2e.config.ts', ...extra], {
      ...process.env,
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  } finally {
    redis.kill('SIGTERM');
  }
}

async function main() {
  if (inside) {
    process.exitCode = await insideNamespace();
    return;
  }
  // Root (CI, these machines) gets a plain network namespace; elsewhere a user namespace
  // maps the caller to root inside it.
  const script = `ip link set lo up && exec "${process.execPath}" scripts/e2e.mjs "$@"`;
  const env = { ...process.env, HAVEN_E2E_NETNS: '1' };
  const args = process.argv.slice(2);
  for (const flags of [['-n'], ['-rn']]) {
    const probe = spawnSync('unshare', [...flags, 'true']);
    if (probe.status !== 0) continue;
    process.exitCode = await run('unshare', [...flags, 'sh', '-c', script, 'e2e', ...args], env);
    return;
  }
  console.error(
    '[e2e] cannot create a loopback-only network namespace (unshare -n / -rn refused); ' +
      'run as root or allow unprivileged user namespaces',
  );
  process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[e2e] ${error?.message ?? error}`);
  process.exit(1);
});
