import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { findOnPath } from '../../server/infra/processes.ts';

/**
 * A redis-server of a test's own, on a port it chooses, to stop and start again: Redis
 * outages without touching the machine's Redis that other tests share.
 */
export async function startRedis(port: number): Promise<ChildProcess> {
  const bin = findOnPath('redis-server');
  if (!bin) throw new Error('redis-server is not installed; `npm test` installs it');
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

export async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}
