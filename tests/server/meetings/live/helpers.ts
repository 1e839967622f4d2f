import { io as connect, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '../../../../server/accounts/sessions.ts';
import type {
  MeetingClientToServer,
  MeetingServerToClient,
} from '../../../../shared/meetings/live/events.ts';
import type {
  Ack,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../../../shared/protocol.ts';
import { PROTOCOL_VERSION } from '../../../../shared/protocol.ts';
import type { ApiClient } from '../../../helpers/api-client.ts';
import { signUpAs } from '../../../helpers/api-client.ts';
import type { TestHaven } from '../../../helpers/haven.ts';
import { onceMeetingAt } from '../directory/fixtures.ts';

export type MeetingClientSocket = Socket<
  MeetingServerToClient & ServerToClientEvents,
  MeetingClientToServer & ClientToServerEvents
>;

type Events = MeetingClientToServer;
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

/** A `/meeting` socket signed in with `client`'s session cookie. */
export async function openMeetingSocket(haven: TestHaven, client: ApiClient) {
  const socket: MeetingClientSocket = connect(`${haven.url}/meeting`, {
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

export function closeSockets(): void {
  for (const socket of sockets.splice(0)) socket.disconnect();
}

/** Emits with an ack and resolves with the whole answer, ok or not. */
export function call<K extends keyof Events & string>(
  socket: MeetingClientSocket,
  event: K,
  payload?: PayloadArg<K>,
): Promise<Ack<AckData<K>>> {
  return (socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<Ack<AckData<K>>>)(
    event,
    payload ?? {},
  );
}

/** Emits and returns the data, failing the test with the error code otherwise. */
export async function must<K extends keyof Events & string>(
  socket: MeetingClientSocket,
  event: K,
  payload?: PayloadArg<K>,
): Promise<AckData<K>> {
  const answer = await call(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** The next `event` the socket receives (optionally the first matching `where`). */
export function next<K extends keyof MeetingServerToClient & string>(
  socket: MeetingClientSocket,
  event: K,
  where: (payload: Parameters<MeetingServerToClient[K]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<MeetingServerToClient[K]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Parameters<MeetingServerToClient[K]>[0]) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** Records every server event a socket receives, to prove what it never got. */
export function recordEvents(socket: MeetingClientSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string) => seen.push(event));
  return seen;
}

/** A facilitator who runs a one-off online meeting that is in progress now. */
export async function meetingInProgress(haven: TestHaven, overrides: Record<string, unknown> = {}) {
  const facilitator = await signUpAs(haven, ['facilitator'], { displayName: 'Fran' });
  const response = await facilitator.client.post('/api/meetings', onceMeetingAt(-5, overrides));
  if (response.status !== 201) throw new Error(`create failed: ${response.text}`);
  return { facilitator, meetingId: response.body.meeting.id as string };
}

export const joinAs = (displayName: string, meetingId: string) => ({
  meetingId,
  displayName,
  agreementAccepted: true,
});

/**
 * A meeting in progress with its host (Fran) in the room and `names` let in at once (the
 * room admits everyone), each with their own account and socket.
 */
export async function roomWith(
  haven: TestHaven,
  names: string[],
  options: { meeting?: Record<string, unknown>; observer?: boolean } = {},
) {
  const { facilitator, meetingId } = await meetingInProgress(haven, options.meeting);
  const host = await openMeetingSocket(haven, facilitator.client);
  const opened = await must(host, 'meeting:join', joinAs('Fran', meetingId));
  if (opened.status !== 'admitted') throw new Error('host not admitted');
  await must(host, 'meeting:updateSettings', { autoAdmit: true });
  const people = [];
  for (const name of names) {
    const member = await signUpAs(haven, ['participant'], { displayName: name });
    const socket = await openMeetingSocket(haven, member.client);
    const joined = await must(socket, 'meeting:join', {
      ...joinAs(name, meetingId),
      ...(options.observer ? { observer: true } : {}),
    });
    if (joined.status !== 'admitted') throw new Error(`${name} not admitted`);
    people.push({ member, socket, peerId: joined.room.self.peerId, room: joined.room });
  }
  return { meetingId, facilitator, host, hostRoom: opened.room, people };
}

/** The one person `roomWith` let in. */
export function only<T>(people: T[]): T {
  const [person] = people;
  if (!person || people.length !== 1) throw new Error('expected exactly one person');
  return person;
}

/** Every document in Haven's database as one string, to show what a meeting left behind. */
export async function databaseText(haven: TestHaven): Promise<string> {
  const db = haven.mongo.connection.db;
  if (!db) throw new Error('no database');
  const out: Record<string, unknown> = {};
  for (const { name } of await db.listCollections().toArray())
    out[name] = await db.collection(name).find().toArray();
  return JSON.stringify(out);
}
