/** The CLI's exit code after a journal failure, so its supervisor can say why it restarts it. */
export const JOURNAL_FAILED_EXIT_CODE = 3;

/** A BSON document as held in memory (decoded by bson-decode.ts). */
export type Doc = Record<string, unknown>;

/** The subset of pino's interface the stand-in uses, so the app can pass its own logger. */
export interface StandinLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

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
