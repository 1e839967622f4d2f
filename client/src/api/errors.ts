import { type ErrorCode, isErrorCode } from '../../../shared/errors.ts';

/**
 * Every failed API call ends as one of these: the server's error code (or the closest one
 * when the answer was not Haven's own JSON), the HTTP status (0 when nothing came back)
 * and the per-field hints from input validation. No zod here, so pages can import it
 * without pulling the schemas into the first-paint bundle.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** RATE_LIMITED: seconds until trying again can succeed, when the server said. */
  readonly retryAfter: number | null;

  constructor(
    code: ErrorCode,
    status: number,
    fields: Record<string, readonly string[]> = {},
    message: string = code,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The code to report when a response carried no usable Haven error body (a proxy page, say). */
export function codeForStatus(status: number): ErrorCode {
  if (status === 0) return 'UNAVAILABLE';
  if (status === 400) return 'INVALID_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 426) return 'VERSION_MISMATCH';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  return 'INTERNAL';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads `{ error: { code, message, fields? } }` defensively: an unknown code or a
 * malformed body falls back to what the status implies, and malformed fields are dropped.
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null)
    return new ApiError(codeForStatus(status), status);
  const { code, message, fields, retryAfter } = error as Record<string, unknown>;
  const cleanFields: Record<string, string[]> = {};
  if (typeof fields === 'object' && fields !== null) {
    for (const [key, value] of Object.entries(fields)) {
      if (isStringArray(value)) cleanFields[key] = value;
    }
  }
  return new ApiError(
    isErrorCode(code) ? code : codeForStatus(status),
    status,
    cleanFields,
    typeof message === 'string' ? message : undefined,
    typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
      ? Math.ceil(retryAfter)
      : null,
  );
}

/** What went wrong with one field, as a person is told it (see `forms.problems.*`). */
export type FieldProblem = 'invalid' | 'taken';

/**
 * Turns the server's per-field hints (English, for logs) into problems the UI words in
 * the person's language. Fields the form does not show, and `_` (the body as a whole),
 * are left out: the form's general message covers them.
 */
export function fieldProblems(
  error: ApiError,
  shownFields: readonly string[],
): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const key of Object.keys(error.fields)) {
    const field = shownFields.find((shown) => key === shown || key.startsWith(`${shown}.`));
    if (!field || out[field]) continue;
    out[field] = error.code === 'CONFLICT' ? 'taken' : 'invalid';
  }
  return out;
}
