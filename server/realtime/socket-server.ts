import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { parseCookie } from 'cookie';
import type { Redis } from 'ioredis';
import { type Namespace, Server, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  type ClientToServerEvents,
  type ConnectRefusal,
  handshakeAuthSchema,
  NAMESPACES,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '../../shared/protocol.ts';
import { SESSION_COOKIE } from '../accounts/sessions.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import type { Logger } from '../infra/logger.ts';
import type { Metrics } from '../infra/metrics.ts';
import { defineHandler } from './handler.ts';
import { isOriginAllowed } from './origin.ts';

/** What the server knows about a connected socket; never trusted from the client. */
export interface SocketData {
  user: RequestUser | null;
}
export type HavenNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  object,
  SocketData
>;
export type HavenSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export interface SocketServerDeps {
  allowedOrigins: string[];
  logger: Logger;
  metrics: Metrics;
  redisClient: Redis | undefined;
  /** Resolves a session token (from the handshake's cookie) to the member, or null. */
  resolveUser(token: string | undefined): Promise<RequestUser | null>;
}

export interface SocketServer {
  io: Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
  /** The meeting issue attaches its handlers here. */
  meeting: HavenNamespace;
  /** The group-chat issue attaches its handlers here. */
  chat: HavenNamespace;
  /** Closes every socket of the member on every node (sign-out, account deletion). */
  disconnectMember(userId: string): void;
  close(): Promise<void>;
}

class HandshakeRefusal extends Error {
  constructor(readonly data: ConnectRefusal) {
    super(data.code);
  }
}

/** Every namespace refuses a foreign Origin and another protocol version before any handler runs. */
function guardHandshake(nsp: HavenNamespace, deps: SocketServerDeps): void {
  nsp.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    const refuse = (data: ConnectRefusal) => {
      deps.metrics.socketRefusals.inc({ namespace: nsp.name, code: data.code });
      deps.logger.info(
        { namespace: nsp.name, code: data.code, socketId: socket.id },
        'socket handshake refused',
      );
      next(new HandshakeRefusal(data));
    };
    if (!isOriginAllowed(origin, host, deps.allowedOrigins))
      return refuse({ code: 'ORIGIN_NOT_ALLOWED' });
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success || auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return refuse({ code: 'VERSION_MISMATCH', serverProtocolVersion: PROTOCOL_VERSION });
    }
    // The same session cookie as the REST API: a signed-in member is known on every namespace.
    deps
      .resolveUser(parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE])
      .then((user) => {
        socket.data.user = user;
        next();
      })
      .catch((error: Error) => {
        deps.logger.error(
          { namespace: nsp.name, err: error.message },
          'socket session lookup failed',
        );
        next(new HandshakeRefusal({ code: 'UNAVAILABLE' }));
      });
  });
}

const memberRoom = (userId: string) => `member:${userId}`;

function trackConnections(nsp: HavenNamespace, deps: SocketServerDeps): void {
  nsp.on('connection', (socket: HavenSocket) => {
    deps.metrics.socketConnections.inc({ namespace: nsp.name });
    // A room per member, so signing out or deleting the account can close their sockets.
    if (socket.data.user) void socket.join(memberRoom(socket.data.user.id));
    socket.on(
      'session:ping',
      defineHandler(
        'session:ping',
        z.undefined(),
        () => ({ serverTime: Date.now(), userId: socket.data.user?.id ?? null }),
        deps.logger,
      ),
    );
    socket.once('disconnect', () => deps.metrics.socketConnections.dec({ namespace: nsp.name }));
  });
}

export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps): SocketServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>(
    httpServer,
    {
      serveClient: false,
      cors: { origin: deps.allowedOrigins, credentials: true },
      // A meeting's signalling messages are small; a large frame is a mistake or an attack.
      maxHttpBufferSize: 100_000,
    },
  );
  const pubSub: Redis[] = [];
  if (deps.redisClient) {
    const pub = deps.redisClient.duplicate();
    const sub = deps.redisClient.duplicate();
    pubSub.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }
  const root = io.of('/');
  const meeting = io.of(NAMESPACES.meeting);
  const chat = io.of(NAMESPACES.chat);
  for (const nsp of [root, meeting, chat]) {
    guardHandshake(nsp, deps);
    trackConnections(nsp, deps);
  }
  let closing: Promise<void> | undefined;
  return {
    io,
    meeting,
    chat,
    disconnectMember(userId) {
      for (const nsp of [root, meeting, chat]) nsp.in(memberRoom(userId)).disconnectSockets(true);
    },
    close() {
      closing ??= (async () => {
        io.emit('server:shutdown', { reconnectInMs: 2000 });
        for (const nsp of [meeting, chat]) nsp.emit('server:shutdown', { reconnectInMs: 2000 });
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        for (const client of pubSub) client.disconnect();
      })();
      return closing;
    },
  };
}
