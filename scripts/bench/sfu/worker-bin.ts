// The mediasoup worker binary: MEDIASOUP_WORKER_BIN, else the project's cached build
// (scripts/build-worker.mjs waits on its lock if another process is building it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUILD_SCRIPT = fileURLToPath(new URL('../../build-worker.mjs', import.meta.url));

export function resolveWorkerBin(): string {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv) return fromEnv;
  const result = spawnSync(process.execPath, [BUILD_SCRIPT], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const bin = result.stdout?.trim().split('\n').at(-1);
  if (result.status !== 0 || !bin)
    throw new Error(`node scripts/build-worker.mjs failed (exit ${result.status})`);
  return bin;
}
