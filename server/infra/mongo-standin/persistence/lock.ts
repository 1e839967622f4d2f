import { open, readFile, realpath, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_NAME = 'standin.lock';
/** Directories locked by this process, so a second in-process instance is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'wx');
    await fh.writeFile(`${process.pid}\n`);
    await fh.sync();
    await fh.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Takes the data directory's pid lock. A lock left by a dead process (kill -9) is stale and
 * taken over; one held by a live process makes startup fail instead of corrupting the journal.
 */
/** Returns the lock file's path, to hand back to releaseLock. */
export async function acquireLock(dir: string): Promise<string> {
  // Canonical path, so two spellings of one directory cannot both lock it in this process.
  const path = join(await realpath(dir), LOCK_NAME);
  if (heldHere.has(path)) throw new Error(`data dir ${dir} is already in use by this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryCreate(path)) {
      heldHere.add(path);
      return path;
    }
    const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`data dir ${dir} is in use by process ${pid}`);
    }
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`could not lock data dir ${dir}`);
}

export async function releaseLock(path: string): Promise<void> {
  if (!heldHere.delete(path)) return;
  await unlink(path).catch(() => undefined);
}
