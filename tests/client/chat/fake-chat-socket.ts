import { ChatClient, type ChatSocket } from '../../../client/src/features/chat/chat-client.ts';
import { createChatStore } from '../../../client/src/features/chat/store.ts';
import type { ChatMessage } from '../../../shared/chat/schemas.ts';
import type { Ack } from '../../../shared/protocol.ts';
import { GROUP, line, ME } from './fixtures.ts';

/** The ChatClient against a scripted `/chat` socket: what it asks, and what it stores. */

type Answer = (payload: Record<string, unknown>) => Ack<unknown> | null;

export class FakeSocket {
  connected = true;
  sent: Array<{ event: string; payload: Record<string, unknown> }> = [];
  answers = new Map<string, Answer>();
  #handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  /** Acks held back until `release()`, to order them against broadcasts. */
  held: Array<() => void> = [];
  hold = false;

  on(event: string, fn: (...args: unknown[]) => void) {
    this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, payload: Record<string, unknown>, ack: (reply: Ack<unknown>) => void) {
    this.sent.push({ event, payload });
    const reply = this.answers.get(event)?.(payload) ?? { ok: true, data: {} };
    const deliver = () => ack(reply);
    if (this.hold) this.held.push(deliver);
    else queueMicrotask(deliver);
  }
  release() {
    for (const deliver of this.held.splice(0)) deliver();
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.#handlers.get(event) ?? []) fn(...args);
  }
  connect() {}
  disconnect() {}
  removeAllListeners() {}
  of(event: string) {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload);
  }
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const made: ChatClient[] = [];

/** A ChatClient on the scripted socket; `closeClients` closes it after the test. */
export function clientOn(socket: FakeSocket, store = createChatStore()): ChatClient {
  const client = new ChatClient(ME, store, () => socket as unknown as ChatSocket);
  made.push(client);
  return client;
}

/** After each test: a client's timers (its read again) must not outlive the test. */
export function closeClients(): void {
  for (const client of made.splice(0)) client.close();
}

export async function openClient(history: ChatMessage[] = []) {
  const socket = new FakeSocket();
  socket.answers.set('chat:history', () => ({
    ok: true,
    data: { messages: [...history].reverse(), more: false },
  }));
  const store = createChatStore();
  const client = clientOn(socket, store);
  socket.fire('connect');
  await client.open(GROUP);
  const texts = () => store.getState().lines?.messages.map((m) => m.text) ?? [];
  return { socket, store, client, texts };
}

/** The server's ack for a send: the stored line, the same for a retried clientId. */
export function storing(socket: FakeSocket, n: number) {
  socket.answers.set('chat:send', (p) => ({
    ok: true,
    data: line(n, { senderId: ME, clientId: String(p.clientId), text: String(p.text) }),
  }));
}
