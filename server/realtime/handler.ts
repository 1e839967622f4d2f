import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { z } from 'zod';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Ack } from '../../shared/protocol.ts';
import type {
  Access,
  AckOf,
  ClientEventTable,
  PayloadOf,
} from '../../shared/realtime/event-table.ts';
import { AppError } from '../infra/errors.ts';
import { type Logger, scrubbedMessage } from '../infra/logger.ts';
import type { Metrics } from '../infra/metrics.ts';
import { isDependencyOutage, outageError } from '../infra/outage.ts';

/**
 * The one wrapper every socket handler goes through. For each event of a namespace's table
 * it applies the socket's rate limit, parses the payload with the event's schema
 * (INVALID_PAYLOAD otherwise), checks the event's `access` through the namespace's own
 * `authorize` (which also builds the handler's context), runs the handler, counts the
 * outcome, and answers the ack with `{ ok, data }` or `{ ok: false, error }`. Handlers
 * never throw into Socket.IO, and a client that sends no ack function breaks nothing.
 */

/** The handler's context for each access level, chosen by the namespace. */
export type ContextMap = Record<Access, unknown>;

export type HandlerTable<T extends ClientEventTable, C extends ContextMap> = {
  [K in keyof T & string]: (
    payload: PayloadOf<T, K>,
    ctx: C[T[K]['access']],
  ) => Promise<AckOf<T, K>> | AckOf<T, K>;
};

export interface BindOptions<T extends ClientEventTable, C extends ContextMap> {
  namespace: string;
  table: T;
  handlers: HandlerTable<T, C>;
  /** Returns the context for `access`, or throws AppError (UNAUTHENTICATED, NOT_ADMITTED, …). */
  authorize: <A extends Access>(access: A, event: string) => C[A];
  limiter: SocketRateLimiter;
  socketId: string;
  logger: Logger;
  metrics: Metrics;
}

/** A listener Socket.IO can call with `(payload?, ack?)`. */
type Listener = (...args: unknown[]) => void;

export function bindHandlers<T extends ClientEventTable, C extends ContextMap>(
  on: (event: string, listener: Listener) => void,
  options: BindOptions<T, C>,
): void {
  for (const event of Object.keys(options.table) as Array<keyof T & string>) {
    on(event, (...args) => void handle(event, args, options));
  }
}

async function handle<T extends ClientEventTable, C extends ContextMap>(
  event: keyof T & string,
  args: unknown[],
  options: BindOptions<T, C>,
): Promise<void> {
  const spec = options.table[event] as T[typeof event];
  // Socket.IO passes the ack as the last argument, so an event without payload gets it first.
  const last = args.at(-1);
  const hasAck = typeof last === 'function';
  const reply = hasAck ? (last as (answer: Ack<unknown>) => void) : () => {};
  const payload = hasAck ? (args.length > 1 ? args[0] : undefined) : args[0];
  const labels = { namespace: options.namespace, event };
  const stopTimer = options.metrics.socketEventDuration.startTimer(labels);
  const finish = (outcome: string, answer: Ack<unknown>) => {
    stopTimer();
    options.metrics.socketEvents.inc({ ...labels, outcome });
    reply(answer);
  };
  try {
    await options.limiter.consume(options.socketId, spec.cost ?? 1);
    const parsed = (spec.payload as z.ZodType).safeParse(payload);
    if (!parsed.success) {
      finish(
        'INVALID_PAYLOAD',
        failure('INVALID_PAYLOAD', 'the payload does not match the event schema'),
      );
      return;
    }
    const ctx = options.authorize(spec.access as T[typeof event]['access'], event);
    const run = options.handlers[event] as (p: unknown, c: unknown) => unknown;
    finish('ok', { ok: true, data: await run(parsed.data, ctx) });
  } catch (caught) {
    const outage = isDependencyOutage(caught);
    if (outage) options.logger.warn({ event, name: (caught as Error).name }, 'outage');
    const error = outage ? outageError() : caught;
    if (error instanceof AppError || isCoded(error)) {
      const retryAfter = error instanceof AppError ? error.withDefaultWait().retryAfter : undefined;
      finish(error.code, failure(error.code, error.message, retryAfter));
      return;
    }
    options.logger.error({ event, err: scrubbedMessage(error) }, 'socket handler failed');
    finish('INTERNAL', failure('INTERNAL', 'something went wrong on the server'));
  }
}

/** Errors from lower layers (the SFU's SfuError) carry a code without being AppErrors. */
function isCoded(error: unknown): error is { code: ErrorCode; message: string } {
  return (
    error instanceof Error &&
    (error as { name?: string }).name === 'SfuError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

function failure(code: ErrorCode, message: string, retryAfter?: number): Ack<never> {
  return {
    ok: false,
    error: { code, message, ...(retryAfter !== undefined ? { retryAfter } : {}) },
  };
}

/**
 * Per-socket budget, in memory: a socket lives on one node, so its own node counts it. A
 * burst of set-up (transports, a dozen consumes) fits; a flood does not.
 */
export class SocketRateLimiter {
  readonly #limiter: RateLimiterMemory;

  constructor(
    options: { points: number; durationSeconds: number } = { points: 60, durationSeconds: 5 },
  ) {
    this.#limiter = new RateLimiterMemory({
      points: options.points,
      duration: options.durationSeconds,
    });
  }

  async consume(socketId: string, cost: number): Promise<void> {
    try {
      await this.#limiter.consume(socketId, cost);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw AppError.rateLimited(
          'too many requests on this connection; slow down',
          rejection.msBeforeNext,
        );
      throw rejection;
    }
  }

  forget(socketId: string): void {
    void this.#limiter.delete(socketId);
  }
}
