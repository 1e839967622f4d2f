/**
 * The one list of error codes Haven speaks, over HTTP and Socket.IO alike.
 * The client maps every code to a message in the user's language; the server
 * never sends prose a user must read, only a code and a short English hint for logs.
 */
export const ERROR_CODES = {
  INVALID_INPUT: 400,
  INVALID_PAYLOAD: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** An event or meeting has no places left. */
  CAPACITY_FULL: 409,
  /** A workflow step that the current state does not allow (e.g. deciding a proposal twice). */
  INVALID_TRANSITION: 409,
  /** A specialised meeting asks the joiner to confirm who it is for. */
  ELIGIBILITY_REQUIRED: 403,
  VERSION_MISMATCH: 426,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]> };
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
