// The bench's sockets, all in this one process so that send and receive are timed on one
// clock: `/chat` sockets over the websocket transport, signed in with a member's session
// cookie (Haven) or with nothing (the bare server ignores it), and the paced sender.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { type DeliveryStep, NO_ACK } from './deliveries.ts';

/** As long as a step waits for its last lines (main.ts): an ack later than that is missing. */
const ACK_TIMEOUT_MS = 120_000;
/** Handshakes at once: each costs Haven a session lookup and a groups lookup. */
const CONNECTING_AT_ONCE = 25;

export async function openSockets(url: string, cookies: string[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const open = (cookie: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect(`${url}/chat`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: cookie ? { cookie } : {},
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(new Error(`${url}/chat refused a socket: ${error.message}`));
      });
    });
  for (let start = 0; start < cookies.length; start += CONNECTING_AT_ONCE)
    sockets.push(
      ...(await Promise.all(cookies.slice(start, start + CONNECTING_AT_ONCE).map(open))),
    );
  return sockets;
}

export function closeSockets(sockets: Socket[]): void {
  for (const socket of sockets) socket.close();
}

/**
 * Lines of one step carry `${prefix}${seq}` as their client id: unique in the run (a client
 * id seen before would be answered from storage, as a retry, and not delivered again), and
 * enough for a receiver to find the line's send time.
 */
export class Router {
  #step: DeliveryStep | null = null;
  #prefix = '';

  start(step: DeliveryStep, prefix: string): void {
    this.#step = step;
    this.#prefix = prefix;
  }

  stop(): void {
    this.#step = null;
  }

  /** Each receiving socket, numbered 0..members-1, reports its lines here. */
  listen(sockets: Socket[]): void {
    sockets.forEach((socket, member) => {
      const received = (message: { clientId?: string }, at: number) => {
        const id = message?.clientId;
        if (!this.#step || typeof id !== 'string' || !id.startsWith(this.#prefix)) return;
        this.#step.received(member, Number(id.slice(this.#prefix.length)), at);
      };
      socket.on('chat:message', (message: { clientId?: string }) =>
        received(message, performance.now()),
      );
      // Haven sends lines that were ready together as one packet (server/chat/line-batches.ts).
      socket.on('chat:messages', (messages: Array<{ clientId?: string }>) => {
        const at = performance.now();
        for (const message of messages) received(message, at);
      });
    });
  }
}

export interface Pacing {
  /** Lines a second, open loop: a slow answer never slows the sending down. */
  rate: number;
  count: number;
  /** How late each line went out against its schedule (this process's own lag). */
  lagMs: number[];
}

/**
 * Sends `count` lines at `rate`, round-robin over `senders` (one account's sockets: Haven
 * limits each connection to 60 points in 5 seconds, a send costing 2, so 100 lines a second
 * need about 20 of them; the account's own limit is raised instead, see haven-child.ts).
 */
export async function sendPaced(
  senders: Socket[],
  step: DeliveryStep,
  pacing: Pacing,
  payload: (seq: number) => { groupId: string; clientId: string; text: string },
): Promise<void> {
  const started = performance.now();
  const interval = 1000 / pacing.rate;
  let seq = 0;
  while (seq < pacing.count) {
    const now = performance.now();
    const due = Math.min(pacing.count, Math.floor((now - started) / interval) + 1);
    for (; seq < due; seq++) {
      const n = seq;
      const socket = senders[n % senders.length] as Socket;
      pacing.lagMs.push(performance.now() - (started + n * interval));
      step.sent(n, performance.now());
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit(
          'chat:send',
          payload(n),
          (error: Error | null, ack: { ok: boolean; error?: { code: string } }) =>
            step.acked(
              n,
              performance.now(),
              error ? NO_ACK : ack.ok ? null : (ack.error?.code ?? '?'),
            ),
        );
    }
    if (seq < pacing.count) await sleep(Math.max(0, started + seq * interval - performance.now()));
  }
}

/**
 * Waits until every sent line reached every member and was acked. A line still on its way
 * is late, not lost: the wait goes on while receipts keep coming, and stops after `quietMs`
 * without one (what has not come by then is counted lost) or at `capMs` in all.
 */
export async function drain(step: DeliveryStep, quietMs: number, capMs: number): Promise<void> {
  const started = performance.now();
  let seen = step.progress;
  let lastProgress = started;
  while (!(step.complete && step.allAcked)) {
    const now = performance.now();
    if (now - lastProgress > quietMs || now - started > capMs) return;
    await sleep(50);
    if (step.progress !== seen) {
      seen = step.progress;
      lastProgress = performance.now();
    }
  }
}
