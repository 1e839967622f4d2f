/** The CLI's exit code after a journal failure, so its supervisor can say why it restarts it. */
export const JOURNAL_FAILED_EXIT_CODE = 3;

/** A BSON document as held in memory (deserialized with the driver's default promotions). */
export type Doc = Record<string, unknown>;

/** The subset of pino's interface the stand-in uses, so the app can pass its own logger. */
export interface StandinLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * How every BSON byte the stand-in reads from the wire is decoded. These are the driver's
 * defaults: int32/double become numbers, Longs that fit 53 bits become numbers (others stay
 * Long), Decimal128/ObjectId/Binary stay BSON classes.
 */
export const DESERIALIZE_OPTIONS = {
  promoteLongs: true,
  promoteValues: true,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

/**
 * How the snapshot and journal are read back. Longs stay Longs: a stored document only holds a
 * Long that fits a double when an update made one ($inc past int32, as mongod does), and
 * replaying it must give the same document. Everything else decodes as from the wire.
 */
export const DISK_DESERIALIZE_OPTIONS = { ...DESERIALIZE_OPTIONS, promoteLongs: false } as const;

export const silentLogger: StandinLogger = {
  info() {},
  warn() {},
  error() {},
};

export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
