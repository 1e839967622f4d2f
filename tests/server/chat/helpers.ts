import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SESSION_COOKIE } from '../../../server/accounts/sessions.ts';
import type { ChatClientToServer, ChatServerToClient } from '../../../shared/chat/events.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { socketCalls } from '../../helpers/socket-calls.ts';

export type ChatSocket = Socket<
  ChatServerToClient & ServerToClientEvents,
  ChatClientToServer & ClientToServerEvents
>;

const sockets: Socket[] = [];

/** A `/chat` socket signed in with `client`'s session cookie, on `haven`'s node, in its rooms. */
export async function openChatSocket(
  haven: Pick<TestHaven, 'url'>,
  client: ApiClient,
  { waitForRooms = true } = {},
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
  // As the app's first read does: the server answers a read only once the socket is in its
  // groups' rooms, so a line sent from here on reaches it. (Answered, not necessarily
  // accepted: the outage tests open sockets while a store is down.)
  if (waitForRooms) await call(socket, 'chat:groups', {});
  return socket;
}

export function closeChatSockets(): void {
  for (const socket of sockets.splice(0)) socket.disconnect();
}

const calls = socketCalls<ChatClientToServer, ChatServerToClient>();
export const { must, next, recordEvents } = calls;
/** Chat tests send bad payloads on purpose: any payload at all. */
export const call = calls.callAny;

export const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

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

/**
 * Two Haven nodes sharing Redis and MongoDB for the file's tests (`nodes.a`, `nodes.b`, set
 * before the first test), with every chat socket closed after each test.
 */
export function twoNodes(options: Parameters<typeof startTestHaven>[0] = {}) {
  const nodes = {} as { a: TestHaven; b: TestHaven };
  beforeAll(async () => {
    nodes.a = await startTestHaven(options);
    nodes.b = await startTestHaven({ ...options, shareWith: nodes.a });
  });
  afterEach(() => closeChatSockets());
  afterAll(async () => {
    await nodes.b?.close();
    await nodes.a?.close();
  });
  return nodes;
}

/** One Haven node for the file's tests (`node.a`, set before the first test), as `twoNodes`. */
export function oneNode(options: Parameters<typeof startTestHaven>[0] = {}) {
  const node = {} as { a: TestHaven };
  beforeAll(async () => {
    node.a = await startTestHaven(options);
  });
  afterEach(() => closeChatSockets());
  afterAll(async () => {
    await node.a?.close();
  });
  return node;
}

/**
 * Holds every call of a real service's `method` until `release()`, to order it against
 * what a test does meanwhile; `called` settles at the first call, and `restore()` (in a
 * `finally`) puts the method back and lets any held call go.
 */
export function holdCalls<T extends object, K extends keyof T>(object: T, method: K) {
  const slot = object as Record<K, unknown>;
  const original = slot[method] as (...args: unknown[]) => unknown;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached = () => {};
  const called = new Promise<void>((resolve) => (reached = resolve));
  slot[method] = async (...args: unknown[]) => {
    reached();
    await released;
    return original.apply(object, args);
  };
  return {
    called,
    release,
    restore() {
      slot[method] = original;
      release();
    },
  };
}

/** Every chat line stored (groups' and private), as text, to look for what must be gone. */
export async function storedLines(haven: Pick<TestHaven, 'mongo'>): Promise<string> {
  return JSON.stringify(
    await haven.mongo.connection
      .collection('chat_messages')
      .find({ groupId: { $exists: true } })
      .toArray(),
  );
}
