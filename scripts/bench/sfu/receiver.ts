// Builds (with gcc, once per source version, into ~/.cache/haven/bench) and runs the C
// receiver that drains the consumers' UDP ports; a Node receiver would be the first thing
// to fall behind on two cores.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineChild } from './child-process.ts';

const SOURCE = fileURLToPath(new URL('./receiver.c', import.meta.url));

/** Compiles receiver.c unless a binary of this exact source is cached; returns its path. */
export function buildReceiver(): string {
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const cacheRoot = process.env.HAVEN_CACHE_DIR || join(homedir(), '.cache', 'haven');
  const dir = join(cacheRoot, 'bench');
  const bin = join(dir, `sfu-receiver-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  const cc = process.env.CC || 'gcc';
  const result = spawnSync(cc, ['-O2', '-Wall', '-o', tmp, SOURCE], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `could not compile the benchmark receiver with ${cc}: ${result.error?.message ?? result.stderr}`,
    );
  }
  renameSync(tmp, bin);
  return bin;
}

export interface ReceiverCounts {
  rtp: number;
  rtcp: number;
  probe: number;
  bytes: number;
}

export class Receiver {
  readonly #child: LineChild;
  readonly ports: number[];

  private constructor(child: LineChild, ports: number[]) {
    this.#child = child;
    this.ports = ports;
  }

  static async start(bin: string, sockets: number): Promise<Receiver> {
    const child = new LineChild(bin, [String(sockets)], 'the benchmark receiver');
    const greeting = await child.next();
    const [word, ...ports] = greeting.trim().split(/\s+/);
    if (word !== 'ports' || ports.length !== sockets)
      throw new Error(`unexpected receiver greeting: ${greeting}`);
    return new Receiver(child, ports.map(Number));
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  async counts(): Promise<ReceiverCounts> {
    const [rtp = 0, rtcp = 0, probe = 0, bytes = 0] = (await this.#child.ask())
      .trim()
      .split(/\s+/)
      .map(Number);
    return { rtp, rtcp, probe, bytes };
  }

  stop(): Promise<void> {
    return this.#child.stop();
  }
}
