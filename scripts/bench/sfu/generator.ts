// The orchestrator's handle on the RTP generator process (rtp-generator.ts).
import { fileURLToPath } from 'node:url';
import { LineChild } from './child-process.ts';

const ENTRY = fileURLToPath(new URL('./rtp-generator.ts', import.meta.url));

export interface GeneratorCounts {
  sent: number;
  catchUps: number;
}

export class Generator {
  readonly #child: LineChild;

  private constructor(child: LineChild) {
    this.#child = child;
  }

  /** Starts sending to host:port (a comedia PlainTransport), at once unless `paused`. */
  static async start(host: string, port: number, paused = false): Promise<Generator> {
    const child = new LineChild(
      process.execPath,
      ['--import', 'tsx', ENTRY, host, String(port), ...(paused ? ['--paused'] : [])],
      'the RTP generator',
    );
    await child.next(); // {"ready":true}
    return new Generator(child);
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  async counts(command: 'count' | 'pause' | 'resume' = 'count'): Promise<GeneratorCounts> {
    return JSON.parse(await this.#child.ask(command)) as GeneratorCounts;
  }

  async pause(): Promise<void> {
    await this.counts('pause');
  }

  async resume(): Promise<void> {
    await this.counts('resume');
  }

  stop(): Promise<void> {
    return this.#child.stop();
  }
}
