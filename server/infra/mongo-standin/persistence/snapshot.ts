import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { serialize } from 'bson';
import type { CollectionView } from '../store/store.ts';
import type { Doc } from '../types.ts';
import { encodeFrame } from './framing.ts';

export const SNAPSHOT_NAME = 'snapshot.bson';
const SNAPSHOT_FORMAT = 1;
/** Bytes buffered before each write; also the unit of work between event-loop yields. */
const WRITE_CHUNK = 4 * 1024 * 1024;

export interface SnapshotHeader {
  op: 'header';
  format: number;
  gen: number;
}

export function isSnapshotHeader(r: Doc): r is Doc & SnapshotHeader {
  return r.op === 'header' && typeof r.gen === 'number';
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes the whole state as framed records (header, then per collection: create, indexes,
 * documents) to a temp file and atomically renames it into place. Yields to the event loop
 * between chunks so a runtime compaction does not stall clients.
 */
export async function writeSnapshot(
  dir: string,
  gen: number,
  view: CollectionView[],
): Promise<number> {
  const tmp = join(dir, `${SNAPSHOT_NAME}.${gen}.tmp`);
  const fh = await open(tmp, 'w');
  let total = 0;
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      let off = 0;
      while (off < data.length) {
        const { bytesWritten } = await fh.write(data, off, data.length - off, null);
        off += bytesWritten;
      }
      await yieldToLoop();
    };
    const push = async (record: Doc): Promise<void> => {
      const frame = encodeFrame(serialize(record));
      pending.push(frame);
      pendingBytes += frame.length;
      total += frame.length;
      if (pendingBytes >= WRITE_CHUNK) await flush();
    };

    await push({ op: 'header', format: SNAPSHOT_FORMAT, gen, createdAt: new Date() });
    for (const c of view) {
      await push({ op: 'create', db: c.db, c: c.name, options: c.options, uuid: c.uuid });
      for (const spec of c.indexes) await push({ op: 'index', db: c.db, c: c.name, spec });
      for (const doc of c.docs) await push({ op: 'put', db: c.db, c: c.name, doc });
    }
    await flush();
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, SNAPSHOT_NAME));
  await fsyncDir(dir);
  return total;
}
