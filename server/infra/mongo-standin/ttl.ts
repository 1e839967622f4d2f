import { collectLeaves } from './engine/paths.ts';
import type { Persistence } from './persistence/data-dir.ts';
import type { Collection } from './store/collection.ts';
import type { Store } from './store/store.ts';
import type { Doc, StandinLogger } from './types.ts';

/** What `setParameter` may change at run time; mongod's defaults. */
export interface ServerParameters {
  /** How often the TTL monitor sweeps (mongod's ttlMonitorSleepSecs). */
  ttlMonitorSleepSecs: number;
}

export const defaultParameters = (): ServerParameters => ({ ttlMonitorSleepSecs: 60 });

/** A time-series bucket's span and the unit its start is rounded down to, per granularity. */
const BUCKETS: Record<string, { spanSeconds: number; roundMs: number }> = {
  seconds: { spanSeconds: 3_600, roundMs: 60_000 },
  minutes: { spanSeconds: 86_400, roundMs: 3_600_000 },
  hours: { spanSeconds: 2_592_000, roundMs: 86_400_000 },
};

/**
 * When a time-series document may go. mongod expires whole buckets, once the newest time a
 * bucket can hold is older than expireAfterSeconds; the stand-in keeps no buckets, so each
 * document goes when the bucket mongod would have put it in would go: never earlier.
 */
function timeseriesExpiry(options: Doc, now: number): ((doc: Doc) => boolean) | null {
  const ts = options.timeseries as Doc | undefined;
  const secs = options.expireAfterSeconds;
  if (!ts || typeof secs !== 'number' || typeof ts.timeField !== 'string') return null;
  const bucket = BUCKETS[String(ts.granularity ?? 'seconds')] ?? BUCKETS.seconds;
  const span =
    typeof ts.bucketMaxSpanSeconds === 'number' ? ts.bucketMaxSpanSeconds : bucket?.spanSeconds;
  const roundMs = bucket?.roundMs ?? 60_000;
  const field = ts.timeField;
  return (doc) => {
    const t = doc[field];
    if (!(t instanceof Date)) return false;
    const start = Math.floor(t.getTime() / roundMs) * roundMs;
    return start + ((span ?? 0) + secs) * 1000 <= now;
  };
}

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
