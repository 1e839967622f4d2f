import type { z } from 'zod';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Ack } from '../../shared/protocol.ts';
import { AppError } from '../infra/errors.ts';
import { type Logger, scrubbedMessage } from '../infra/logger.ts';

/**
 * The one wrapper every socket handler goes through: it parses the payload with its
 * schema (INVALID_PAYLOAD otherwise), runs the service, and answers the ack with
 * `{ ok, data }` or `{ ok: false, error }`. Handlers never throw into Socket.IO, and a
 * client that sends no ack function gets nothing and breaks nothing.
 */
export function defineHandler<S extends z.ZodType, R>(
  event: string,
  schema: S,
  run: (payload: z.infer<S>) => Promise<R> | R,
  logger: Logger,
) {
  // Socket.IO passes the ack as the last argument, so an event without payload gets it first.
  return async (...args: unknown[]): Promise<void> => {
    const last = args.at(-1);
    const hasAck = typeof last === 'function';
    const reply = hasAck ? (last as (answer: Ack<R>) => void) : () => {};
    const payload = hasAck ? (args.length > 1 ? args[0] : undefined) : args[0];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(failure('INVALID_PAYLOAD', 'the payload does not match the event schema'));
      return;
    }
    try {
      reply({ ok: true, data: await run(parsed.data) });
    } catch (error) {
      if (error instanceof AppError) {
        reply(failure(error.code, error.message));
        return;
      }
      logger.error({ event, err: scrubbedMessage(error) }, 'socket handler failed');
      reply(failure('INTERNAL', 'something went wrong on the server'));
    }
  };
}

function failure(code: ErrorCode, message: string): Ack<never> {
  return { ok: false, error: { code, message } };
}
