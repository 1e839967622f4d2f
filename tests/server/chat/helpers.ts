import { io as connect, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '../../../server/accounts/sessions.ts';
import type { ChatClientToServer, ChatServerToClient } from '../../../shared/chat/events.ts';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import type { TestHaven } from '../../helpers/haven.ts';

export type ChatSocket = Socket<
  ChatServerToClient & ServerToClientEvents,
  ChatClientToServer & ClientToServerEvents
>;

type Events = ChatClientToServer;
type AckData<K extends keyof Events> =
  Parameters<Events[K]> extends [infer _P, infer A]
    ? A extends (reply: Ack<infer D>) => void
      ? D
      : never
    : Parameters<Events[K]> extends [infer A]
      ? A extends (reply: Ack<infer D>) => void
        ? D
        : never
      : never;
type PayloadArg<K extends keyof Events> =
  Parameters<Events[K]> extends [infer P, unknown] ? P : undefined;

const sockets: Socket[] = [];

/** A `/chat` socket signed in with `client`'s session cookie, on `haven`'s node. */
export async function openChatSocket(
  haven: Pick<TestHaven, 'url'>,
  client: ApiClient,
): Promise<ChatSocket> {
  const socket: ChatSocket = connect(`${haven.url}/chat`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE) ?? ''}` },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function closeChatSockets(): void {
  for (const socket of sockets.splice(0)) socket.disconnect();
}

/** Emits with an ack and resolves with the whole answer, ok or not. */
export function call<K extends keyof Events & string>(
  socket: ChatSocket,
  event: K,
  payload?: PayloadArg<K> | unknown,
): Promise<Ack<AckData<K>>> {
  return (socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<Ack<AckData<K>>>)(
    event,
    payload ?? {},
  );
}

/** Emits and returns the data, failing the test with the error code otherwise. */
export async function must<K extends keyof Events & string>(
  socket: ChatSocket,
  event: K,
  payload?: PayloadArg<K>,
): Promise<AckData<K>> {
  const answer = await call(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

export const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

/** The next `event` the socket receives (optionally the first matching `where`). */
export function next<K extends keyof ChatServerToClient & string>(
  socket: ChatSocket,
  event: K,
  where: (payload: Parameters<ChatServerToClient[K]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ChatServerToClient[K]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Parameters<ChatServerToClient[K]>[0]) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** Records every server event a socket receives, to prove what it never got. */
export function recordEvents(socket: ChatSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string) => seen.push(event));
  return seen;
}

let seq = 0;
/** A group made by a facilitator, with `names` as members; each has a signed-in client. */
export async function groupWith(haven: TestHaven, names: string[]) {
  const founder = await signUpAs(haven, ['facilitator'], { displayName: 'Fran' });
  const created = await founder.client.post('/api/groups', {
    name: `Harbour group ${process.pid}-${seq++}`,
    description: 'A local group.',
    language: 'en',
    kind: 'area',
    area: { country: 'AU', city: 'Sydney' },
  });
  if (created.status !== 201) throw new Error(`group not created: ${created.text}`);
  const groupId = created.body.group.id as string;
  const members = [];
  for (const name of names) {
    const member = await signUpAs(haven, ['participant'], { displayName: name });
    const joined = await member.client.post(`/api/groups/${groupId}/join`, {});
    if (joined.status !== 200) throw new Error(`${name} could not join: ${joined.text}`);
    members.push(member);
  }
  return { groupId, founder, members };
}

let clientSeq = 0;
/** A fresh client id, as the browser makes one per message. */
export const clientId = () => `c${process.pid}x${Date.now().toString(36)}x${clientSeq++}`;
