import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { standinChildEntry } from '../../server/infra/mongo-standin/child-entry.ts';

/**
 * The MongoDB stand-in as a process of a test's own, on a port and data folder it chooses,
 * to kill and start again: a database outage Haven sees through MONGODB_URI, with no
 * supervisor restarting it behind the test's back.
 */
export async function startStandin(dir: string, port: number): Promise<ChildProcess> {
  const entry = await standinChildEntry();
  const child = spawn(
    process.execPath,
    [...entry.nodeArgs, '--dir', dir, '--port', String(port), '--host', '127.0.0.1', '--quiet'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
      lines.once('line', (line) =>
        (JSON.parse(line) as { event?: string }).event === 'listening'
          ? resolve()
          : reject(new Error(`stand-in said ${line}`)),
      );
    });
  } finally {
    lines.close();
    child.stdout?.resume();
  }
  return child;
}

/** SIGKILL: no chance to flush anything, so only what was already acknowledged may survive. */
export async function killStandin(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}
