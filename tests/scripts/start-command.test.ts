import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/infra/processes.ts';
import { healthSchema } from '../../shared/health.ts';
import { isProcessAlive } from '../helpers/processes.ts';
import { freeRtcPort } from '../sfu/helpers.ts';

/**
 * `npm start` run as a newcomer would: in a fresh copy of the checkout (no node_modules,
 * no client build, no MEDIASOUP_WORKER_BIN), on this machine. The README promises the
 * service is up within START_PROMISE_S once the worker is built on the machine.
 */
const START_PROMISE_S = 180;
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
let checkout: string;

function newcomerEnv(port: number, rtcPort: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      key.startsWith('npm_') ||
      key.startsWith('VITEST') ||
      key === 'MEDIASOUP_WORKER_BIN' ||
      key === 'NODE_OPTIONS'
    )
      continue;
    env[key] = value;
  }
  return {
    ...env,
    PORT: String(port),
    // Media's one port (44400 by default) is chosen here as PORT is: tests beside this one
    // open WebRTC ports and outgoing connections, and one of them once held 44400 in CI.
    RTC_SERVER_PORT: String(rtcPort),
    HAVEN_DATA_DIR: dataDir,
    SFU_WORKERS: '1',
    FORCE_COLOR: '0',
  };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  seconds: number;
}

function startHaven(port: number, rtcPort: number, dataDir: string): Promise<Started> {
  const began = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: checkout,
    env: newcomerEnv(port, rtcPort, dataDir),
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Haven is running: open')) {
        resolve({ child, output: () => output, seconds: (Date.now() - began) / 1000 });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

/**
 * Ctrl-C as a person would press it: SIGINT to the whole foreground process group. npm
 * itself may die of the signal; what matters is that the server shut down gracefully, so
 * wait until every process holding the output has closed it, and read what it said.
 */
async function stop(started: Started): Promise<string> {
  const closed = new Promise<void>((resolve) => started.child.once('close', () => resolve()));
  process.kill(-(started.child.pid as number), 'SIGINT');
  await closed;
  return started.output();
}

beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'haven-newcomer-'));
  // What a fresh clone would hold: tracked and new-but-not-ignored files, nothing built.
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(checkout, file)), { recursive: true });
    try {
      copyFileSync(join(root, file), join(checkout, file));
    } catch {
      // a file deleted in the working tree but still tracked: a clone would not have it either
    }
  }
});

/** The stand-in child's pid from Haven's log, or null when Haven used another MongoDB. */
function standinPid(output: string): number | null {
  const match = /"pid":(\d+)[^\n]*"msg":"mongo stand-in: child started"/.exec(output);
  return match ? Number(match[1]) : null;
}

afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
});

describe('npm start on a fresh copy of the checkout', () => {
  it(
    `serves /healthz ok within ${START_PROMISE_S}s, stops cleanly, and is quick the second time`,
    async () => {
      const port = await freePort();
      const rtcPort = await freeRtcPort();
      const dataDir = join(checkout, '.data');

      const first = await startHaven(port, rtcPort, dataDir);
      expect(first.seconds).toBeLessThan(START_PROMISE_S);
      expect(first.output()).toMatch(/MongoDB: .*(stand-in|mongod|MONGODB_URI)/);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      const health = healthSchema.parse(await response.json());
      expect(response.status).toBe(200);
      expect(health.status).toBe('ok');
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(await page.text()).toMatch(/<div id="root">/);
      const firstOutput = await stop(first);
      expect(firstOutput).toMatch(/"msg":"stopped"/);
      // Ctrl-C reaches Haven, which stops its stand-in child itself: no crash, no orphan.
      expect(firstOutput).not.toMatch(/mongo stand-in: exited unexpectedly/);
      const pid = standinPid(firstOutput);
      if (/offline stand-in/.test(firstOutput)) expect(pid).not.toBeNull();
      if (pid !== null) expect(isProcessAlive(pid)).toBe(false);

      const second = await startHaven(port, rtcPort, dataDir);
      expect(second.output()).toMatch(/npm packages: up to date/);
      expect(second.output()).toMatch(/client build: up to date/);
      expect(second.seconds).toBeLessThan(first.seconds);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(await stop(second)).toMatch(/"msg":"stopped"/);
    },
    (START_PROMISE_S * 2 + 60) * 1000,
  );
});
