import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES, PROTOCOL_VERSION } from '../../../shared/protocol.ts';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

/**
 * Two Haven nodes on one Redis (the Socket.IO adapter joins them into one cluster) and one
 * MongoDB: what concerns one node stays on it, what concerns a member reaches every node.
 */
let nodeA: TestHaven;
let nodeB: TestHaven;
let nodeAClosed = false;
const sockets: Socket[] = [];

beforeAll(async () => {
  nodeA = await startTestHaven();
  nodeB = await startTestHaven({ shareWith: nodeA });
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nodeB.close();
  if (!nodeAClosed) await nodeA.close();
  else await nodeA.close().catch(() => {});
});

async function open(node: TestHaven, ns: string, client: ApiClient): Promise<Socket> {
  const socket = connect(`${node.url}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie: `haven_session=${client.cookie('haven_session')}` },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('two nodes on one Redis', () => {
  it('ends a member’s sockets on every node when they sign out on one', async () => {
    const { client } = await signUpAs(nodeA);
    const onB = await open(nodeB, NAMESPACES.chat, client);
    const closed = new Promise<string>((resolve) => onB.once('disconnect', resolve));
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });

  it('tells only its own clients when one node shuts down; the other node’s stay connected', async () => {
    const { client } = await signUpAs(nodeA);
    const names = ['/', NAMESPACES.meeting, NAMESPACES.chat];
    const onA = await Promise.all(names.map((ns) => open(nodeA, ns, client)));
    const onB = await Promise.all(names.map((ns) => open(nodeB, ns, client)));
    const told: string[] = [];
    for (const [i, socket] of onB.entries()) {
      socket.on('server:shutdown', () => told.push(names[i] ?? ''));
    }
    const aTold = onA.map(
      (socket, i) =>
        new Promise<string>((resolve) =>
          socket.once('server:shutdown', () => resolve(names[i] ?? '')),
        ),
    );
    nodeAClosed = true;
    await nodeA.haven.close();
    expect((await Promise.all(aTold)).sort()).toEqual(['/', '/chat', '/meeting']);
    // Node B still answers its sockets, which heard nothing.
    for (const socket of onB) {
      expect(socket.connected).toBe(true);
      const reply = await socket.timeout(5000).emitWithAck('session:ping');
      expect(reply.ok).toBe(true);
    }
    expect(told).toEqual([]);
  });
});
