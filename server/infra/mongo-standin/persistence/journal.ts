import type { FileHandle } from 'node:fs/promises';

type Entry =
  | { kind: 'frames'; data: Buffer[]; resolve: () => void; reject: (e: Error) => void }
  | { kind: 'rotate'; fh: FileHandle; resolve: (old: FileHandle) => void };

export interface JournalStats {
  /** fdatasync calls so far; with group commit this is below the number of appends. */
  syncs: number;
  appends: number;
}

/**
 * Append-only journal with group commit: while one write+fdatasync is in flight, later appends
 * queue up and share the next sync. `append` resolves only once its frames are durable, so the
 * caller may acknowledge the write to the client.
 */
export class Journal {
  private fh: FileHandle;
  private readonly queue: Entry[] = [];
  private running = false;
  private failure: Error | null = null;
  private idleWaiters: (() => void)[] = [];
  /** Bytes written to the current file (frames only). */
  bytes: number;
  readonly stats: JournalStats = { syncs: 0, appends: 0 };

  constructor(fh: FileHandle, initialBytes = 0) {
    this.fh = fh;
    this.bytes = initialBytes;
  }

  get failed(): Error | null {
    return this.failure;
  }

  append(frames: Buffer[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.stats.appends++;
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'frames', data: frames, resolve, reject });
      this.kick();
    });
  }

  /**
   * Switches to a new file at this exact point of the append order: everything appended before
   * the call lands in the old file, everything after in `fh`. Resolves with the old handle once
   * its last batch is durable.
   */
  rotate(fh: FileHandle): Promise<FileHandle> {
    return new Promise((resolve) => {
      this.queue.push({ kind: 'rotate', fh, resolve });
      this.kick();
    });
  }

  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.fh.close();
  }

  /** Tests only: the file goes away under the journal, as when its disk is lost. */
  async closeFileForTests(): Promise<void> {
    await this.whenIdle();
    await this.fh.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0] as Entry;
      if (head.kind === 'rotate') {
        this.queue.shift();
        const old = this.fh;
        this.fh = head.fh;
        this.bytes = 0;
        head.resolve(old);
        continue;
      }
      const batch: Extract<Entry, { kind: 'frames' }>[] = [];
      while (this.queue[0]?.kind === 'frames')
        batch.push(this.queue.shift() as (typeof batch)[number]);
      if (this.failure) {
        for (const e of batch) e.reject(this.failure);
        continue;
      }
      try {
        const data = Buffer.concat(batch.flatMap((e) => e.data));
        let off = 0;
        while (off < data.length) {
          const { bytesWritten } = await this.fh.write(data, off, data.length - off, null);
          off += bytesWritten;
        }
        await this.fh.datasync();
        this.stats.syncs++;
        this.bytes += data.length;
        for (const e of batch) e.resolve();
      } catch (err) {
        // After a failed write the file may end in a partial frame; stop appending for good so
        // replay never sees valid frames after it, and fail every waiting writer.
        this.failure = err instanceof Error ? err : new Error(String(err));
        for (const e of batch) e.reject(this.failure);
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
