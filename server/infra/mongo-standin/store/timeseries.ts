import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';

/**
 * Time-series collections. The stand-in keeps their documents as a plain collection; what
 * differs from one is the listing (`create` fills in the options as mongod lists them), the
 * time field every document must hold, and expiry by the collection's `expireAfterSeconds`.
 */

/** Per granularity, a bucket's span and the unit its start is rounded down to. */
const BUCKETS: Record<string, { spanSeconds: number; roundMs: number }> = {
  seconds: { spanSeconds: 3_600, roundMs: 60_000 },
  minutes: { spanSeconds: 86_400, roundMs: 3_600_000 },
  hours: { spanSeconds: 2_592_000, roundMs: 86_400_000 },
};

/** `create`'s `timeseries` option as mongod lists it (granularity and bucket span filled in). */
export function timeseriesOptions(raw: unknown): Doc {
  if (!isPlainObject(raw) || typeof raw.timeField !== 'string' || raw.timeField === '')
    throw new CommandError(Codes.BadValue, "'timeseries' must be an object with a 'timeField'");
  const granularity = raw.granularity ?? 'seconds';
  const bucket = BUCKETS[String(granularity)];
  if (!bucket)
    throw new CommandError(
      Codes.BadValue,
      `invalid time-series granularity: ${String(granularity)}`,
    );
  const out: Doc = { timeField: raw.timeField };
  if (typeof raw.metaField === 'string') out.metaField = raw.metaField;
  out.granularity = granularity;
  out.bucketMaxSpanSeconds = bucket.spanSeconds;
  return out;
}

/** A time-series collection takes only documents holding a date in its time field. */
export function assertTimeField(options: Doc, doc: Doc): void {
  const field = (options.timeseries as Doc | undefined)?.timeField;
  if (typeof field === 'string' && !(doc[field] instanceof Date)) {
    throw new CommandError(
      Codes.BadValue,
      `'${field}' must be present and contain a valid BSON UTC datetime value`,
    );
  }
}

/**
 * When a time-series document may go (ttl.ts). mongod expires whole buckets, once the newest
 * time a bucket can hold is older than expireAfterSeconds; the stand-in keeps no buckets, so
 * each document goes when the bucket mongod would have put it in would go: never earlier.
 */
export function timeseriesExpiry(options: Doc, now: number): ((doc: Doc) => boolean) | null {
  const ts = options.timeseries as Doc | undefined;
  const secs = options.expireAfterSeconds;
  if (!ts || typeof secs !== 'number') return null;
  const { roundMs } = BUCKETS[String(ts.granularity)] ?? (BUCKETS.seconds as { roundMs: number });
  const span = Number(ts.bucketMaxSpanSeconds);
  const field = String(ts.timeField);
  return (doc) => {
    const t = doc[field];
    if (!(t instanceof Date)) return false;
    const start = Math.floor(t.getTime() / roundMs) * roundMs;
    return start + (span + secs) * 1000 <= now;
  };
}
