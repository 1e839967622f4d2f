import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectRefusal, NAMESPACES, PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
const sockets: Socket[] = [];

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await haven.close();
});

function open(
  ns: string,
  opts: { origin?: string; auth?: Record<string, unknown>; cookie?: string },
): Socket {
  const socket = connect(`${haven.url}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    // One connection per socket: a shared (multiplexed) one would carry the first socket's Origin.
    forceNew: true,
    auth: opts.auth ?? { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: {
      ...(opts.origin ? { origin: opts.origin } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
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
    const { client, id } = await signUpAs(haven);
    const signedIn = open(NAMESPACES.meeting, {
      cookie: `haven_session=${client.cookie('haven_session')}`,
    });
    await outcome(signedIn);
    expect((await signedIn.emitWithAck('session:ping')).data?.userId).toBe(id);
    const anonymous = open(NAMESPACES.meeting, { cookie: 'haven_session=forged-token' });
    await outcome(anonymous);
    expect((await anonymous.emitWithAck('session:ping')).data?.userId).toBeNull();
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

  it('counts refusals by code in /metrics', async () => {
    const body = await (await fetch(`${haven.url}/metrics`)).text();
    expect(body).toMatch(
      /haven_socket_refusals_total\{namespace="\/meeting",code="VERSION_MISMATCH"\} [1-9]/,
    );
  });
});
