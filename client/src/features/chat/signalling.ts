import type { z } from 'zod';
import type { ChatClientEvents } from '../../../../shared/chat/events.ts';
import { type ErrorCode, isErrorCode } from '../../../../shared/errors.ts';
import type { Ack } from '../../../../shared/protocol.ts';
import type { AckOf } from '../../../../shared/realtime/event-table.ts';

/** The `/chat` namespace's requests, as promises of their ack data (as the live meeting's). */

export type ChatEvent = keyof ChatClientEvents & string;
export type ChatPayload<K extends ChatEvent> = z.input<ChatClientEvents[K]['payload']>;
export type ChatAck<K extends ChatEvent> = AckOf<ChatClientEvents, K>;

/** A refused or unanswered request: the code the UI turns into a message, and the text. */
export class ChatRequestError extends Error {
  readonly code: ErrorCode;
  /** RATE_LIMITED: the seconds to wait, as the server counted them; null when it did not say. */
  readonly retryAfter: number | null;
  constructor(code: ErrorCode, message: string = code, retryAfter: number | null = null) {
    super(message);
    this.name = 'ChatRequestError';
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export function chatErrorOf(error: unknown): { code: ErrorCode; retryAfter: number | null } {
  if (error instanceof ChatRequestError) return { code: error.code, retryAfter: error.retryAfter };
  const code = (error as { code?: unknown } | null)?.code;
  return { code: isErrorCode(code) ? code : 'INTERNAL', retryAfter: null };
}

const secondsOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : null;

export interface Emitter {
  emit(event: string, ...args: unknown[]): unknown;
}

export type ChatRequester = <K extends ChatEvent>(
  event: K,
  payload: ChatPayload<K>,
) => Promise<ChatAck<K>>;

export const CHAT_REQUEST_TIMEOUT_MS = 10_000;

export function makeChatRequester(
  socket: Emitter,
  timeoutMs = CHAT_REQUEST_TIMEOUT_MS,
): ChatRequester {
  return (event, payload) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ChatRequestError('UNAVAILABLE', `${event} was not answered`)),
        timeoutMs,
      );
      socket.emit(event, payload ?? {}, (reply: Ack<never>) => {
        clearTimeout(timer);
        if (reply && reply.ok === true) resolve(reply.data);
        else if (reply && reply.ok === false)
          reject(
            new ChatRequestError(
              reply.error.code,
              reply.error.message,
              secondsOf(reply.error.retryAfter),
            ),
          );
        else reject(new ChatRequestError('INTERNAL', `${event}: malformed answer`));
      });
    });
}
