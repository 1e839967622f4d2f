// The bench's handle on Haven's process (haven-child.ts): one answer per command, in order,
// over Node's IPC channel. Haven's own output goes to the bench's stderr, never into the
// report on stdout. bench:chat starts its nodes (and its bare servers) through it too, with
// an entry and environment of its own.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export interface Greeting {
  url: string;
  mongoUri: string;
  dbName: string;
  pid: number;
}

export interface ChildOptions {
  /** The script to run (default: bench:data's haven-child.ts). */
  entry?: string;
  /** Added to the bench's own environment. */
  env?: Record<string, string>;
}

export class HavenProcess {
  readonly #proc: ChildProcess;
  readonly #waiting: Array<{ resolve: (m: unknown) => void; reject: (e: Error) => void }> = [];
  #exited: Error | undefined;

  constructor(options: ChildOptions = {}) {
    this.#proc = fork(options.entry ?? join(import.meta.dirname, 'haven-child.ts'), [], {
      env: { ...process.env, ...options.env },
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        ...(process.env.BENCH_CPU_PROFILE
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE]
          : []),
      ],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    this.#proc.on('message', (message) => this.#waiting.shift()?.resolve(message));
    this.#proc.on('exit', (code, signal) => {
      this.#exited = new Error(`Haven's process exited (${signal ?? `code ${code}`})`);
      for (const w of this.#waiting.splice(0)) w.reject(this.#exited);
    });
  }

  #next(): Promise<unknown> {
    if (this.#exited) return Promise.reject(this.#exited);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  get pid(): number {
    return this.#proc.pid ?? 0;
  }

  greeting(): Promise<Greeting> {
    return this.#next() as Promise<Greeting>;
  }

  ask(command: 'gc' | 'record' | 'recorded'): Promise<unknown> {
    const answer = this.#next();
    this.#proc.send(command);
    return answer;
  }

  /** Closes the channel (Haven closes itself on it), then kills it if it lingers. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#proc.once('exit', () => resolve()));
    this.#proc.disconnect();
    const timer = setTimeout(() => this.#proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
