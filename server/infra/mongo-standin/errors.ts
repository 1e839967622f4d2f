import type { Doc } from './types.ts';

/**
 * Error codes and names copied from mongod's error_codes.yml, so drivers and mongoose
 * classify failures exactly as they would against a real server.
 */
export const Codes = {
  InternalError: 1,
  Unauthorized: 13,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  NoReplicationEnabled: 76,
  ShutdownInProgress: 91,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  DocumentValidationFailure: 121,
  CommandNotSupported: 115,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  UnrecognizedPipelineStage: 40324,
} as const;

const codeNames = new Map<number, string>(Object.entries(Codes).map(([k, v]) => [v, k]));
// mongod reports 40324 under its generic location-code name.
codeNames.set(Codes.UnrecognizedPipelineStage, 'Location40324');

export function codeName(code: number): string {
  return codeNames.get(code) ?? `Location${code}`;
}

/** A failure that becomes an `{ ok: 0 }` reply (or a write error entry) rather than a crash. */
export class CommandError extends Error {
  readonly code: number;
  /** Extra reply fields mongod adds for some errors (keyPattern/keyValue on duplicates). */
  readonly extra: Doc;

  constructor(code: number, message: string, extra: Doc = {}) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.extra = extra;
  }
}

/**
 * mingo reports user mistakes (bad operators, conflicting paths) as plain errors; map the
 * recognisable ones to the codes mongod would use and the rest to BadValue.
 */
export function toCommandError(err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/immutable field/i.test(message)) return new CommandError(Codes.ImmutableField, message);
  if (/conflict/i.test(message)) return new CommandError(Codes.ConflictingUpdateOperators, message);
  return new CommandError(Codes.BadValue, message);
}

export function errorReply(err: CommandError): Doc {
  return { ok: 0, errmsg: err.message, code: err.code, codeName: codeName(err.code), ...err.extra };
}
