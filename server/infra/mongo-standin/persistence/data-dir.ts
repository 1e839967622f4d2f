import { type FileHandle, mkdir, open, readdir, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { serialize } from 'bson';
import { decodeDocument } from '../bson-decode.ts';
import type { StoreRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { Doc, StandinLogger } from '../types.ts';
import { encodeFrame, readFrames } from './framing.ts';
import { Journal } from './journal.ts';
import { acquireLock, releaseLock } from './lock.ts';
import { fsyncDir, isSnapshotHeader, SNAPSHOT_NAME, writeSnapshot } from './snapshot.ts';

const JOURNAL_RE = /^journal-(\d+)\.bson$/;
const journalName = (gen: number): string => `journal-${gen}.bson`;

export interface PersistenceOptions {
  dir: string;
  logger: StandinLogger;
  /** Journal size that triggers a background compaction (also waits for journal > snapshot). */
  compactAfterBytes?: number;
  /** Called once, when the journal first fails: from then on nothing in memory may be served. */
  onJournalFailure?: (err: Error) => void;
}

/**
 * At start, the journals are folded into a new snapshot only when they hold at least this
 * fraction of the snapshot's bytes. Replaying them costs at most half again the snapshot's
 * read, while rewriting a large snapshot on every start made start time grow with the data.
 */
export const START_COMPACTION_RATIO = 0.5;

/**
 * Owns the data directory: snapshot + generation-numbered journals. The snapshot header names
 * generation G; journals with gen >= G are replayed in order on top of it. Compaction rotates
 * the journal to G+1 at a point in the append order, snapshots that exact state, then renames
 * the snapshot into place and deletes journal G; a crash at any step leaves a replayable set.
 */
export class Persistence {
  private readonly dir: string;
  private readonly lockPath: string;
  private readonly logger: StandinLogger;
  private readonly store: Store;
  private readonly compactAfterBytes: number;
  private journal!: Journal;
  /** Generation of the journal being appended to. */
  private gen = 0;
  /** Generation named by the snapshot on disk: journals from it on are replayed. */
  private snapshotGen = 0;
  private snapshotBytes = 0;
  private compacting: Promise<void> | null = null;
  private closed = false;
  private reportedFailure = false;
  private readonly onJournalFailure: ((err: Error) => void) | undefined;

  private constructor(opts: PersistenceOptions, store: Store, lockPath: string) {
    this.lockPath = lockPath;
    this.dir = opts.dir;
    this.logger = opts.logger;
    this.store = store;
    this.compactAfterBytes = opts.compactAfterBytes ?? 64 * 1024 * 1024;
    this.onJournalFailure = opts.onJournalFailure;
  }

  static async open(opts: PersistenceOptions, store: Store): Promise<Persistence> {
    await mkdir(opts.dir, { recursive: true });
    const lock = await acquireLock(opts.dir);
    const p = new Persistence(opts, store, lock);
    try {
      await p.loadAndCompact();
    } catch (err) {
      await releaseLock(lock);
      throw err;
    }
    return p;
  }

  get journalStats(): Journal['stats'] {
    return this.journal.stats;
  }

  /** The journal's failure, once a write or sync failed; appends are refused from then on. */
  get failed(): Error | null {
    return this.journal.failed;
  }

  /** Tests only: closes the journal file, so the next append fails as on a lost disk. */
  async breakJournalForTests(): Promise<void> {
    await this.journal.closeFileForTests();
  }

  private async loadAndCompact(): Promise<void> {
    const started = Date.now();
    const snapPath = join(this.dir, SNAPSHOT_NAME);
    let snapGen = 0;
    let haveSnapshot = false;
    if (await exists(snapPath)) {
      haveSnapshot = true;
      let first = true;
      const res = await readFrames(snapPath, (payload) => {
        const r = decodeDocument(payload);
        if (first) {
          first = false;
          if (!isSnapshotHeader(r))
            throw new Error(`${snapPath} does not start with a snapshot header`);
          snapGen = r.gen;
          return;
        }
        this.store.apply(r as unknown as StoreRecord);
      });
      // Snapshots are fsynced before being renamed into place, so damage here is real corruption.
      if (res.discardedBytes > 0)
        throw new Error(`${snapPath} is corrupt after ${res.validBytes} bytes`);
      this.snapshotBytes = res.validBytes;
    }

    const gens = (await readdir(this.dir))
      .map((f) => JOURNAL_RE.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    let replayed = 0;
    let journalBytes = 0;
    let lastJournal: { gen: number; validBytes: number; discardedBytes: number } | null = null;
    for (const g of gens.filter((x) => x >= snapGen)) {
      const res = await readFrames(join(this.dir, journalName(g)), (payload) => {
        this.store.apply(decodeDocument(payload) as unknown as StoreRecord);
      });
      replayed += res.frames;
      journalBytes += res.validBytes;
      lastJournal = { gen: g, validBytes: res.validBytes, discardedBytes: res.discardedBytes };
      if (res.discardedBytes > 0) {
        this.logger.warn(
          { journal: journalName(g), discardedBytes: res.discardedBytes },
          'mongo stand-in: ignored torn journal tail',
        );
      }
    }
    const problems = this.store.finishReplay();
    if (problems.length) {
      this.logger.error(
        { indexes: problems },
        'mongo stand-in: unique indexes hold duplicates after replay',
      );
    }

    const compactNow =
      replayed > 0 &&
      (!haveSnapshot || journalBytes >= this.snapshotBytes * START_COMPACTION_RATIO);
    this.snapshotGen = snapGen;
    if (compactNow) {
      this.gen = Math.max(snapGen, ...gens) + 1;
      this.snapshotGen = this.gen;
      this.snapshotBytes = await writeSnapshot(this.dir, this.gen, this.store.captureView());
      this.journal = new Journal(await createFile(join(this.dir, journalName(this.gen))));
    } else if (lastJournal) {
      // Keep appending to the newest journal; a torn tail is cut first, or replay would stop
      // at it and never reach the frames appended after it.
      this.gen = lastJournal.gen;
      const path = join(this.dir, journalName(lastJournal.gen));
      if (lastJournal.discardedBytes > 0) await truncate(path, lastJournal.validBytes);
      this.journal = new Journal(await open(path, 'a'), journalBytes);
    } else {
      this.gen = snapGen;
      this.journal = new Journal(await createFile(join(this.dir, journalName(snapGen))));
    }
    await fsyncDir(this.dir);
    await this.removeStaleFiles();
    this.logger.info(
      {
        gen: this.gen,
        replayedRecords: replayed,
        journalBytes,
        compacted: compactNow,
        snapshotBytes: this.snapshotBytes,
        ms: Date.now() - started,
      },
      'mongo stand-in: data loaded',
    );
  }

  /** Journals older than the snapshot's generation are folded into it; temp files are leftovers. */
  private async removeStaleFiles(): Promise<void> {
    for (const f of await readdir(this.dir)) {
      const m = JOURNAL_RE.exec(f);
      const stale = (m && Number(m[1]) < this.snapshotGen) || f.endsWith('.tmp');
      if (stale) await unlink(join(this.dir, f)).catch(() => undefined);
    }
  }

  /**
   * Journals records and resolves once they are durable. The frames are queued synchronously,
   * so journal order always equals the order in which the store applied the changes.
   */
  append(records: StoreRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('mongo stand-in storage is closed'));
    const frames = records.map((r) => encodeFrame(serialize(r as unknown as Doc)));
    const failedBefore = this.journal.failed;
    const done = this.journal.append(frames);
    if (!failedBefore) {
      done.catch((err: Error) => {
        if (this.reportedFailure) return;
        this.reportedFailure = true;
        this.onJournalFailure?.(err);
      });
    }
    if (
      !this.compacting &&
      this.journal.bytes > Math.max(this.compactAfterBytes, this.snapshotBytes)
    ) {
      this.compacting = this.compact().finally(() => {
        this.compacting = null;
      });
    }
    return done;
  }

  /** Runtime compaction; see the class comment for why each step is crash-safe. */
  async compact(): Promise<void> {
    const nextGen = this.gen + 1;
    const started = Date.now();
    let rotated = false;
    try {
      const fh = await createFile(join(this.dir, journalName(nextGen)));
      await fsyncDir(this.dir);
      const view = this.store.captureView();
      const oldFh = this.journal.rotate(fh);
      rotated = true;
      const bytes = await writeSnapshot(this.dir, nextGen, view);
      await (await oldFh).close();
      this.gen = nextGen;
      this.snapshotGen = nextGen;
      this.snapshotBytes = bytes;
      await this.removeStaleFiles();
      this.logger.info(
        { gen: nextGen, snapshotBytes: bytes, ms: Date.now() - started },
        'mongo stand-in: compacted',
      );
    } catch (err) {
      // Appends already go to journal nextGen; the old journal stays and is replayed before it.
      if (rotated) this.gen = nextGen;
      this.logger.error({ err: (err as Error).message }, 'mongo stand-in: compaction failed');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.compacting;
    await this.journal.close();
    await releaseLock(this.lockPath);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates (or empties) a journal file opened for appending. */
async function createFile(path: string): Promise<FileHandle> {
  const fh = await open(path, 'w');
  await fh.close();
  return open(path, 'a');
}
