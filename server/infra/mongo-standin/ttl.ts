import { collectLeaves } from './engine/paths.ts';
import type { Persistence } from './persistence/data-dir.ts';
import type { Collection } from './store/collection.ts';
import type { Store } from './store/store.ts';
import { timeseriesExpiry } from './store/timeseries.ts';
import type { Doc, StandinLogger } from './types.ts';

/** What `setParameter` may change at run time; mongod's defaults. */
export interface ServerParameters {
  /** How often the TTL monitor sweeps (mongod's ttlMonitorSleepSecs). */
  ttlMonitorSleepSecs: number;
}

export const defaultParameters = (): ServerParameters => ({ ttlMonitorSleepSecs: 60 });

function removeWhere(coll: Collection, expired: (doc: Doc) => boolean): number {
  let removed = 0;
  for (const doc of coll.all()) {
    if (expired(doc)) {
      coll.remove(doc);
      removed++;
    }
  }
  return removed;
}

/**
 * Deletes documents whose TTL index field (a Date, or the earliest Date of an array) is older
 * than expireAfterSeconds, and expired documents of time-series collections with an
 * expireAfterSeconds of their own. Deletions are journaled like any write.
 */
export function sweepExpired(store: Store, now: number): number {
  let removed = 0;
  for (const coll of store.allCollections()) {
    const series = timeseriesExpiry(coll.options, now);
    if (series) removed += removeWhere(coll, series);
    for (const idx of coll.secondaryIndexes()) {
      const secs = idx.spec.expireAfterSeconds;
      if (typeof secs !== 'number' || idx.fields.length !== 1) continue;
      const cutoff = now - secs * 1000;
      const field = idx.fields[0] as string;
      removed += removeWhere(coll, (doc) => {
        const dates = collectLeaves(doc, field).filter((v): v is Date => v instanceof Date);
        return dates.length > 0 && Math.min(...dates.map((d) => d.getTime())) <= cutoff;
      });
    }
  }
  return removed;
}

/**
 * Sweeps every `ttlMonitorSleepSecs`. A one-second tick checks whether that time has passed,
 * so a setParameter that shortens it applies within a second.
 */
export function startTtlMonitor(
  store: Store,
  persistence: Persistence,
  logger: StandinLogger,
  parameters: ServerParameters,
): () => void {
  let last = Date.now();
  const tick = () => {
    const now = Date.now();
    // After a journal failure memory must not change: a restart could not see the change.
    if (now - last < parameters.ttlMonitorSleepSecs * 1000 || persistence.failed) return;
    last = now;
    const removed = sweepExpired(store, now);
    const records = store.drain();
    if (records.length === 0) return;
    persistence.append(records).then(
      () => logger.info({ removed }, 'mongo stand-in: TTL expiry'),
      (err: unknown) =>
        logger.error({ err: (err as Error).message }, 'mongo stand-in: TTL journal write failed'),
    );
  };
  const timer = setInterval(tick, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
