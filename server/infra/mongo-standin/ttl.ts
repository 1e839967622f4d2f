import { collectLeaves } from './engine/paths.ts';
import type { Persistence } from './persistence/data-dir.ts';
import type { Store } from './store/store.ts';
import type { StandinLogger } from './types.ts';

const SWEEP_MS = 60_000;

/**
 * Deletes documents whose TTL index field (a Date, or the earliest Date of an array) is older
 * than expireAfterSeconds, on mongod's 60-second cadence. Deletions are journaled like any write.
 */
export function sweepExpired(store: Store, now: number): number {
  let removed = 0;
  for (const coll of store.allCollections()) {
    for (const idx of coll.secondaryIndexes()) {
      const secs = idx.spec.expireAfterSeconds;
      if (typeof secs !== 'number' || idx.fields.length !== 1) continue;
      const cutoff = now - secs * 1000;
      const field = idx.fields[0] as string;
      for (const doc of coll.all()) {
        const dates = collectLeaves(doc, field).filter((v): v is Date => v instanceof Date);
        if (dates.length > 0 && Math.min(...dates.map((d) => d.getTime())) <= cutoff) {
          coll.remove(doc);
          removed++;
        }
      }
    }
  }
  return removed;
}

export function startTtlMonitor(
  store: Store,
  persistence: Persistence,
  logger: StandinLogger,
): () => void {
  const timer = setInterval(() => {
    // After a journal failure memory must not change: a restart could not see the change.
    if (persistence.failed) return;
    const removed = sweepExpired(store, Date.now());
    const records = store.drain();
    if (records.length === 0) return;
    persistence.append(records).then(
      () => logger.info({ removed }, 'mongo stand-in: TTL expiry'),
      (err: unknown) =>
        logger.error({ err: (err as Error).message }, 'mongo stand-in: TTL journal write failed'),
    );
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
