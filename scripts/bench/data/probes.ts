// What the bench watches besides request latency: the Socket.IO round trip of session:ping
// (does a heavy list stall signalling on Haven's event loop?) and the server's memory.
import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../../shared/protocol.ts';

/**
 * A member's socket on the root namespace, pinging one at a time with a pause between, slow
 * enough for the per-socket budget (60 requests per 5 s): about 8 a second when idle.
 */
export class PingProbe {
  readonly #socket: Socket;
  #samples: number[] | null = null;
  #loop: Promise<void> | null = null;

  private constructor(socket: Socket) {
    this.#socket = socket;
  }

  static async connect(url: string, cookie: string): Promise<PingProbe> {
    const socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { protocolVersion: PROTOCOL_VERSION },
      extraHeaders: { cookie },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new PingProbe(socket);
  }

  async #pingOnce(): Promise<number> {
    const t0 = performance.now();
    const reply = (await this.#socket.timeout(30_000).emitWithAck('session:ping')) as {
      ok: boolean;
    };
    if (!reply.ok) throw new Error(`session:ping refused: ${JSON.stringify(reply)}`);
    return performance.now() - t0;
  }

  start(): void {
    const samples: number[] = [];
    this.#samples = samples;
    this.#loop = (async () => {
      while (this.#samples === samples) {
        samples.push(await this.#pingOnce());
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
    })();
  }

  async stop(): Promise<number[]> {
    const samples = this.#samples ?? [];
    this.#samples = null;
    await this.#loop;
    return samples;
  }

  close(): void {
    this.#socket.disconnect();
  }
}

/** A PingProbe run in its own process (ping-child.ts); the same start/stop/close. */
export class RemotePingProbe {
  readonly #proc: ChildProcess;
  readonly #waiting: Array<(message: unknown) => void> = [];

  private constructor(proc: ChildProcess) {
    this.#proc = proc;
    proc.on('message', (message) => this.#waiting.shift()?.(message));
  }

  static async connect(url: string, cookie: string): Promise<RemotePingProbe> {
    const proc = fork(join(import.meta.dirname, 'ping-child.ts'), [url, cookie], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    const probe = new RemotePingProbe(proc);
    await probe.#answer(() => {});
    return probe;
  }

  #answer(ask: () => void): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const onExit = () => reject(new Error('the ping probe exited'));
      this.#proc.once('exit', onExit);
      this.#waiting.push((message) => {
        this.#proc.off('exit', onExit);
        const answer = message as Record<string, unknown>;
        if (typeof answer.error === 'string') reject(new Error(answer.error));
        else resolve(answer);
      });
      ask();
    });
  }

  async start(): Promise<void> {
    await this.#answer(() => this.#proc.send('start'));
  }

  async stop(): Promise<number[]> {
    const answer = await this.#answer(() => this.#proc.send('stop'));
    return answer.samples as number[];
  }

  close(): void {
    if (this.#proc.connected) this.#proc.disconnect();
  }
}

const rssKb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
};

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** CPU time (user + system, ms) a process has used so far; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime), in clock ticks of 1/100 s on Linux.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU used by Haven's process and, apart, by the processes it started (the stand-in, the
 * mediasoup worker) since `cpuSnapshot` was taken. Unlike latency under load, this does not
 * depend on what else the machine runs, so it shows what a change saved.
 */
export function cpuSnapshot(pid: number): () => { haven: number; children: number } {
  const read = () => {
    const children = childrenOf(pid);
    const all = [...children];
    while (children.length) {
      const child = children.shift() as number;
      const grand = childrenOf(child);
      children.push(...grand);
      all.push(...grand);
    }
    return { haven: cpuMsOf(pid), children: all.reduce((sum, c) => sum + cpuMsOf(c), 0) };
  };
  const before = read();
  return () => {
    const after = read();
    return { haven: after.haven - before.haven, children: after.children - before.children };
  };
}

/**
 * Haven's memory: its own process, and with every process it started (the mediasoup worker
 * today, a MongoDB server in its own process later), so moving work out of the process does
 * not look like saving memory.
 */
export function serverRssMb(pid: number): { haven: number; withChildren: number } {
  const haven = rssKb(pid);
  let total = haven;
  const queue = childrenOf(pid);
  while (queue.length) {
    const child = queue.shift() as number;
    try {
      total += rssKb(child);
      queue.push(...childrenOf(child));
    } catch {
      // Gone.
    }
  }
  return { haven: haven / 1024, withChildren: total / 1024 };
}
