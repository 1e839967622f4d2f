// Process helpers for build-worker.mjs (Node built-ins only, like the script itself).

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RERUN = 'node scripts/build-worker.mjs';

/** A failure the user can act on: its message says what to install or run. */
export class WorkerBuildError extends Error {
  name = 'WorkerBuildError';
}

export function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs argv[0] with the rest as arguments, feeding each output line to onLine. Output is
 * otherwise kept quiet (compilers and apt are chatty); on failure the error carries the
 * last lines, which is what a user needs to see.
 */
export function run(argv, { cwd, env, onLine } = {}) {
  const [cmd, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    let partial = '';
    const onData = (chunk) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        onLine?.(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      reject(Object.assign(new WorkerBuildError(`${cmd}: ${err.message}`), { output: '' }));
    });
    child.on('close', (code, signal) => {
      if (partial) tail.push(partial);
      if (code === 0) return resolve();
      const output = tail.join('\n');
      const err = new WorkerBuildError(
        `${argv.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`,
      );
      reject(Object.assign(err, { output }));
    });
  });
}
