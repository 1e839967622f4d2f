// Runs a command inside a network namespace that has only a loopback interface, with its
// own Redis on 127.0.0.1:6379, for what must keep WebRTC media on 127.0.0.1: Chromium would
// offer the machine's network address too, and mediasoup's ICE-lite could move there (see
// docs/live-meetings.md). Used by `npm run test:e2e` and `npm run bench:join`.
//
// The calling script re-runs itself inside the namespace: `inLoopbackNamespace` returns
// the command's exit code, either by running it (inside) or by re-running `self` there.
import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INSIDE = 'HAVEN_LOOPBACK_NETNS';

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

/** The cached worker build (built on first use), found before entering the namespace. */
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

/**
 * @param {{ self: string, label: string, command: [string, string[]] }} options
 *   `self`: the calling script, relative to the repository root; `command`: what to run
 *   inside, given the script's own arguments appended.
 * @returns {Promise<number>} the exit code
 */
export async function inLoopbackNamespace({ self, label, command }) {
  const args = process.argv.slice(2);
  if (process.env[INSIDE] === '1') {
    const redis = spawn(
      'redis-server',
      ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    try {
      await answering(6379, 10_000);
      const [cmd, cmdArgs] = command;
      return await run(cmd, [...cmdArgs, ...args], {
        ...process.env,
        REDIS_URL: 'redis://127.0.0.1:6379',
      });
    } finally {
      redis.kill('SIGTERM');
    }
  }
  const env = { ...process.env, [INSIDE]: '1', MEDIASOUP_WORKER_BIN: workerBin() };
  const script = `ip link set lo up && exec "${process.execPath}" ${self} "$@"`;
  // Root (CI, these machines) gets a plain network namespace; elsewhere a user namespace
  // maps the caller to root inside it.
  for (const flags of [['-n'], ['-rn']]) {
    if (spawnSync('unshare', [...flags, 'true']).status !== 0) continue;
    return run('unshare', [...flags, 'sh', '-c', script, label, ...args], env);
  }
  console.error(
    `[${label}] cannot create a loopback-only network namespace (unshare -n / -rn refused); ` +
      'run as root or allow unprivileged user namespaces',
  );
  return 1;
}
