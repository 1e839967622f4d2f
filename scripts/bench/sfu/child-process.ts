// A child process spoken to in lines: each line written gets one line back, in order.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export class LineChild {
  readonly #proc: ChildProcess;
  readonly #waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  #exited: Error | undefined;

  constructor(command: string, args: string[], what: string) {
    this.#proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const fail = (error: Error) => {
      this.#exited = error;
      for (const w of this.#waiting.splice(0)) w.reject(error);
    };
    this.#proc.on('error', fail);
    this.#proc.on('exit', (code, signal) =>
      fail(new Error(`${what} exited (${signal ?? `code ${code}`})`)),
    );
    if (!this.#proc.stdout) throw new Error(`${what}: no stdout`);
    createInterface({ input: this.#proc.stdout }).on('line', (line) =>
      this.#waiting.shift()?.resolve(line),
    );
  }

  get pid(): number | undefined {
    return this.#proc.pid;
  }

  /** The next line the child prints (its greeting, say), without writing anything. */
  next(): Promise<string> {
    if (this.#exited) return Promise.reject(this.#exited);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Writes one line and resolves with the line that answers it. */
  ask(line = ''): Promise<string> {
    const answer = this.next();
    this.#proc.stdin?.write(`${line}\n`);
    return answer;
  }

  /** Closes stdin (both children exit on it), then kills whatever is still running. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.#proc.once('exit', () => resolve()));
    this.#proc.stdin?.end();
    const timer = setTimeout(() => this.#proc.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }
}
