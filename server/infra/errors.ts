import type { ErrorBody, ErrorCode } from '../../shared/errors.ts';
import { httpStatusOf } from '../../shared/errors.ts';

/** How long a client waits before trying again after UNAVAILABLE: a restart takes about this. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** An error a route or handler throws on purpose; it becomes the one error shape. */
export class AppError extends Error {
  /** Seconds to wait before trying again (RATE_LIMITED, UNAVAILABLE, MUTED), so a client needs no text parsing. */
  retryAfter?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** RATE_LIMITED with the wait as a number (at least a second: 0 would invite a busy loop). */
  static rateLimited(message: string, waitMs: number): AppError {
    return AppError.#waiting('RATE_LIMITED', message, waitMs);
  }

  /** MUTED, with the seconds until the mute ends (the member's screen says how long). */
  static muted(message: string, waitMs: number): AppError {
    return AppError.#waiting('MUTED', message, waitMs);
  }

  /** The wait in whole seconds, at least one (0 would invite a busy loop). */
  static #waiting(code: 'RATE_LIMITED' | 'MUTED', message: string, waitMs: number): AppError {
    const error = new AppError(code, message);
    error.retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    return error;
  }

  /** UNAVAILABLE: a dependency (MongoDB, Redis) is away; worth trying again in a few seconds. */
  static unavailable(message: string, retryAfterSeconds = UNAVAILABLE_RETRY_SECONDS): AppError {
    const error = new AppError('UNAVAILABLE', message);
    error.retryAfter = retryAfterSeconds;
    return error;
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  /** Every UNAVAILABLE tells when to try again, whoever threw it. */
  withDefaultWait(): this {
    if (this.code === 'UNAVAILABLE' && this.retryAfter === undefined)
      this.retryAfter = UNAVAILABLE_RETRY_SECONDS;
    return this;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      },
    };
  }
}
