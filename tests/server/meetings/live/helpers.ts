import { io as connect, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '../../../../server/accounts/sessions.ts';
import type {
  MeetingClientToServer,
  MeetingServerToClient,
} from '../../../../shared/meetings/live/events.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../../shared/protocol.ts';
import { PROTOCOL_VERSION } from '../../../../shared/protocol.ts';
import type { ApiClient } from '../../../helpers/api-client.ts';
import { signUpAs } from '../../../helpers/api-client.ts';
import type { TestHaven } from '../../../helpers/haven.ts';
import { socketCalls } from '../../../helpers/socket-calls.ts';
import { onceMeetingAt } from '../directory/fixtures.ts';

export type MeetingClientSocket = Socket<
  MeetingServerToClient & ServerToClientEvents,
  MeetingClientToServer & ClientToServerEvents
>;

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

export const { call, must, next, recordEvents } = socketCalls<
  MeetingClientToServer,
  MeetingServerToClient
>();

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
  // The mail outbox empties in the background (sign-up's confirmation emails leaving).
  for (const { name } of await db.listCollections().toArray())
    if (name !== 'mailoutboxes') out[name] = await db.collection(name).find().toArray();
  return JSON.stringify(out);
}
