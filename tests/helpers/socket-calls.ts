import type { Socket } from 'socket.io-client';
import type { Ack } from '../../shared/protocol.ts';

/**
 * Ack calls and event waits for a namespace's typed socket, once for every namespace's
 * tests: `C` is its client-to-server table (as Socket.IO listener types), `S` its
 * server-to-client one.
 */

type Listener = (...args: never[]) => void;
type AckDataOf<C, K extends keyof C> = C[K] extends Listener
  ? Parameters<C[K]> extends [infer _P, infer A]
    ? A extends (reply: Ack<infer D>) => void
      ? D
      : never
    : Parameters<C[K]> extends [infer A]
      ? A extends (reply: Ack<infer D>) => void
        ? D
        : never
      : never
  : never;
type PayloadOf<C, K extends keyof C> = C[K] extends Listener
  ? Parameters<C[K]> extends [infer P, unknown]
    ? P
    : undefined
  : never;
type PushOf<S, K extends keyof S> = S[K] extends Listener ? Parameters<S[K]>[0] : never;

// biome-ignore lint/suspicious/noExplicitAny: any namespace's socket; the tables type the rest
type AnySocket = Socket<any, any>;

export function socketCalls<C, S>() {
  /** Emits with an ack and resolves with the whole answer, ok or not; any payload at all. */
  function callAny<K extends keyof C & string>(
    socket: AnySocket,
    event: K,
    payload?: unknown,
  ): Promise<Ack<AckDataOf<C, K>>> {
    return (
      socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<Ack<AckDataOf<C, K>>>
    )(event, payload ?? {});
  }
  return {
    callAny,
    /** Emits with an ack and resolves with the whole answer, ok or not. */
    call<K extends keyof C & string>(socket: AnySocket, event: K, payload?: PayloadOf<C, K>) {
      return callAny(socket, event, payload);
    },
    /** Emits and returns the data, failing the test with the error code otherwise. */
    async must<K extends keyof C & string>(
      socket: AnySocket,
      event: K,
      payload?: PayloadOf<C, K>,
    ): Promise<AckDataOf<C, K>> {
      const answer = await callAny(socket, event, payload);
      if (!answer.ok)
        throw new Error(`${event} refused: ${answer.error.code} ${answer.error.message}`);
      return answer.data;
    },
    /** The next `event` the socket receives (optionally the first matching `where`). */
    next<K extends keyof S & string>(
      socket: AnySocket,
      event: K,
      where: (payload: PushOf<S, K>) => boolean = () => true,
      timeoutMs = 10_000,
    ): Promise<PushOf<S, K>> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.off(event, listener as never);
          reject(new Error(`no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (payload: PushOf<S, K>) => {
          if (!where(payload)) return;
          clearTimeout(timer);
          socket.off(event, listener as never);
          resolve(payload);
        };
        socket.on(event, listener as never);
      });
    },
    /** Records every server event a socket receives, to prove what it never got. */
    recordEvents(socket: AnySocket): string[] {
      const seen: string[] = [];
      socket.onAny((event: string) => seen.push(event));
      return seen;
    },
  };
}
