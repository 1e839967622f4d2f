import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOf } from '../../../server/infra/change-marks.ts';
import { type ConnectRefusal, NAMESPACES, PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
const sockets: Socket[] = [];
/** A signed-in member's cookie: /meeting and /chat refuse guests. */
let memberCookie: string;
let memberId: string;

beforeAll(async () => {
  haven = await startTestHaven({ sessionRecheckMs: 200 });
  const { client, id } = await signUpAs(haven);
  memberCookie = `haven_session=${client.cookie('haven_session')}`;
  memberId = id;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await haven.close();
});

function open(
  ns: string,
  opts: { origin?: string; auth?: Record<string, unknown>; cookie?: string | null },
): Socket {
  const cookie = opts.cookie === undefined ? memberCookie : opts.cookie;
  const socket = connect(`${haven.url}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    // One connection per socket: a shared (multiplexed) one would carry the first socket's Origin.
    forceNew: true,
    auth: opts.auth ?? { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: {
      ...(opts.origin ? { origin: opts.origin } : {}),
      ...(cookie ? { cookie } : {}),
    },
  });
  sockets.push(socket);
  return socket;
}

function outcome(
  socket: Socket,
): Promise<{ connected: true } | { connected: false; data: ConnectRefusal }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error) =>
      resolve({ connected: false, data: (error as { data: ConnectRefusal }).data }),
    );
  });
}

describe('Socket.IO handshake', () => {
  it.each([NAMESPACES.meeting, NAMESPACES.chat])(
    'admits the current protocol from an allowed origin on %s',
    async (ns) => {
      const socket = open(ns, { origin: 'https://haven.example' });
      expect(await outcome(socket)).toEqual({ connected: true });
      const reply = await socket.emitWithAck('session:ping');
      expect(reply.ok).toBe(true);
      expect(typeof reply.data.serverTime).toBe('number');
    },
  );

  it('admits a same-origin page on an ephemeral port', async () => {
    const socket = open(NAMESPACES.meeting, { origin: haven.url });
    expect(await outcome(socket)).toEqual({ connected: true });
  });

  it.each([NAMESPACES.meeting, NAMESPACES.chat, '/'])(
    'refuses a foreign Origin on %s with ORIGIN_NOT_ALLOWED',
    async (ns) => {
      const socket = open(ns, { origin: 'https://evil.example' });
      const result = await outcome(socket);
      expect(result).toEqual({ connected: false, data: { code: 'ORIGIN_NOT_ALLOWED' } });
    },
  );

  it('refuses another protocol version with VERSION_MISMATCH and says which one the server speaks', async () => {
    const socket = open(NAMESPACES.meeting, { auth: { protocolVersion: PROTOCOL_VERSION + 1 } });
    expect(await outcome(socket)).toEqual({
      connected: false,
      data: { code: 'VERSION_MISMATCH', serverProtocolVersion: PROTOCOL_VERSION },
    });
  });

  it('refuses a client that sends no protocol version', async () => {
    const socket = open(NAMESPACES.chat, { auth: {} });
    const result = await outcome(socket);
    expect(result.connected).toBe(false);
    expect(result.connected === false && result.data.code).toBe('VERSION_MISMATCH');
  });

  it('answers a malformed payload with INVALID_PAYLOAD instead of crashing the handler', async () => {
    const socket = open(NAMESPACES.chat, {});
    await outcome(socket);
    const reply = await socket.emitWithAck('session:ping' as never, { unexpected: true } as never);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: expect.any(String) },
    });
  });

  it('knows the signed-in member from the same session cookie as the REST API', async () => {
    const signedIn = open(NAMESPACES.meeting, {});
    await outcome(signedIn);
    expect((await signedIn.emitWithAck('session:ping')).data?.userId).toBe(memberId);
  });

  it.each([NAMESPACES.meeting, NAMESPACES.chat])(
    'refuses guests and forged sessions on %s with UNAUTHENTICATED',
    async (ns) => {
      for (const cookie of [null, 'haven_session=forged-token']) {
        const result = await outcome(open(ns, { cookie }));
        expect(result).toEqual({ connected: false, data: { code: 'UNAUTHENTICATED' } });
      }
    },
  );

  it('admits guests on the root namespace, where they are nobody', async () => {
    const guest = open('/', { cookie: null });
    expect(await outcome(guest)).toEqual({ connected: true });
    expect((await guest.emitWithAck('session:ping')).data?.userId).toBeNull();
  });

  it('ends a socket whose session was revoked behind its back', async () => {
    const { client, id } = await signUpAs(haven);
    const socket = open(NAMESPACES.chat, {
      cookie: `haven_session=${client.cookie('haven_session')}`,
    });
    expect(await outcome(socket)).toEqual({ connected: true });
    const ended = new Promise((resolve) => socket.once('session:ended' as never, resolve));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // Ended behind the socket's back (no sign-out), as Haven ends a session: deleted, and
    // its member's mark moved for the nodes that keep it (server/accounts/session-copies.ts).
    await haven.haven.services.accountModels.Session.deleteMany({ userId: id });
    await haven.haven.services.marks.move(markOf.user(id));
    expect(await ended).toEqual({ reason: 'expired' });
    expect(await closed).toBe('io server disconnect');
  });

  it('closes the member’s sockets when they sign out', async () => {
    const { client } = await signUpAs(haven);
    const socket = open(NAMESPACES.chat, {
      cookie: `haven_session=${client.cookie('haven_session')}`,
    });
    await outcome(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });

  it('closes a member’s sockets when they join or leave a partner’s staff', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const partner = await admin.client.post('/api/partners', {
      name: 'Harbour Recovery Service',
      slug: `harbour-${Date.now().toString(36)}`,
      description: 'A treatment provider running meetings in its service.',
      area: { country: 'GB', city: 'Leeds' },
    });
    expect(partner.status).toBe(201);
    const staff = await signUpAs(haven, ['facilitator']);
    const cookie = `haven_session=${staff.client.cookie('haven_session')}`;
    // Open sockets carry the organisation they were opened with, as they carry roles.
    const paths = [
      ['post', `/api/partners/${partner.body.partner.id}/staff`],
      ['delete', `/api/partners/${partner.body.partner.id}/staff/${staff.id}`],
    ] as const;
    for (const [method, path] of paths) {
      const socket = open(NAMESPACES.chat, { cookie });
      expect(await outcome(socket)).toEqual({ connected: true });
      const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const changed =
        method === 'post'
          ? await admin.client.post(path, { userId: staff.id })
          : await admin.client.delete(path);
      expect(changed.status, path).toBe(200);
      expect(await closed).toBe('io server disconnect');
    }
  });

  it('counts refusals by code in /metrics', async () => {
    const body = await (await fetch(`${haven.url}/metrics`)).text();
    expect(body).toMatch(
      /haven_socket_refusals_total\{namespace="\/meeting",code="VERSION_MISMATCH"\} [1-9]/,
    );
  });
});
