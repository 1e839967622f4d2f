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
  /** Signing in to a registration whose emailed link was not opened yet (right password only). */
  EMAIL_NOT_VERIFIED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  /**
   * An admin-only action by an admin without two-factor sign-in, while the organisation
   * requires it of admins: enrolling on the account page lifts it.
   */
  TWO_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** An event or meeting has no places left. */
  CAPACITY_FULL: 409,
  /** A workflow step that the current state does not allow (e.g. deciding a proposal twice). */
  INVALID_TRANSITION: 409,
  /** A specialised meeting asks the joiner to confirm who it is for. */
  ELIGIBILITY_REQUIRED: 403,
  /** The live meeting: a waiting or denied peer asked for what only admitted peers may do. */
  NOT_ADMITTED: 403,
  /** A facilitator removed this member from the meeting; they cannot rejoin this occurrence. */
  REMOVED: 403,
  /** The confidentiality agreement must be accepted before joining a meeting. */
  AGREEMENT_REQUIRED: 400,
  /** The meeting is locked: no new joiners. */
  LOCKED: 423,
  /** No host has opened this meeting yet. */
  NOT_LIVE: 409,
  /** A facilitator paused the meeting: participants may not send media or chat until it resumes. */
  PAUSED: 423,
  /** The meeting has ended for everyone. */
  MEETING_ENDED: 410,
  /** A moderator muted this member in a group's chat: they read, but write nothing for now. */
  MUTED: 403,
  VERSION_MISMATCH: 426,
  RATE_LIMITED: 429,
  /** A body larger than the route accepts (declared or sent). */
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string[]>;
    /**
     * RATE_LIMITED: whole seconds until trying again can succeed, when the limit knows.
     * UNAVAILABLE: always, a few seconds (a dependency is away; HTTP also sends Retry-After).
     * MUTED: whole seconds until the mute ends.
     */
    retryAfter?: number;
  };
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
