import type { z } from 'zod';
import { type ErrorCode, isErrorCode } from '../../../../../shared/errors.ts';
import type { MeetingClientEvents } from '../../../../../shared/meetings/live/events.ts';
import type { Ack } from '../../../../../shared/protocol.ts';
import type { AckOf } from '../../../../../shared/realtime/event-table.ts';
import { ApiError } from '../../../api/errors.ts';

/** The `/meeting` namespace's requests, as promises of their ack data. */

export type MeetingEvent = keyof MeetingClientEvents & string;
export type PayloadIn<K extends MeetingEvent> = z.input<MeetingClientEvents[K]['payload']>;
export type AckData<K extends MeetingEvent> = AckOf<MeetingClientEvents, K>;

/** A refused or unanswered request, with the code the UI turns into a message. */
export class LiveRequestError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = code) {
    super(message);
    this.name = 'LiveRequestError';
    this.code = code;
  }
}

export function codeOf(error: unknown): ErrorCode {
  if (error instanceof LiveRequestError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return isErrorCode(code) ? code : 'INTERNAL';
}

/** What a socket needs to offer for requests; the real one is Socket.IO's client socket. */
export interface Emitter {
  emit(event: string, ...args: unknown[]): unknown;
}

export type Requester = <K extends MeetingEvent>(
  event: K,
  payload: PayloadIn<K>,
) => Promise<AckData<K>>;

/** An answer that never comes (a dropped connection) is UNAVAILABLE after this long. */
export const REQUEST_TIMEOUT_MS = 10_000;

export function makeRequester(socket: Emitter, timeoutMs = REQUEST_TIMEOUT_MS): Requester {
  return (event, payload) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new LiveRequestError('UNAVAILABLE', `${event} was not answered`)),
        timeoutMs,
      );
      socket.emit(event, payload ?? {}, (reply: Ack<never>) => {
        clearTimeout(timer);
        if (reply && reply.ok === true) resolve(reply.data);
        else if (reply && reply.ok === false)
          reject(new LiveRequestError(reply.error.code, reply.error.message));
        else reject(new LiveRequestError('INTERNAL', `${event}: malformed answer`));
      });
    });
}

/** For the shell's ConfirmButton, which shows an ApiError's code when an action fails. */
/** Connects a closed socket again, for one request after the meeting (a rating). */
export async function connected(socket: {
  connected: boolean;
  connect(): unknown;
  once(event: 'connect' | 'connect_error', listener: (error?: Error) => void): unknown;
}): Promise<void> {
  if (socket.connected) return;
  socket.connect();
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

export async function asConfirmed(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    throw new ApiError(codeOf(error), 0);
  }
}
