import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { parseCookie } from 'cookie';
import type { Redis } from 'ioredis';
import { type Namespace, Server, type Socket } from 'socket.io';
import type {
  MeetingClientToServer,
  MeetingServerToClient,
} from '../../shared/meetings/live/events.ts';
import {
  type ClientToServerEvents,
  type ConnectRefusal,
  handshakeAuthSchema,
  NAMESPACES,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '../../shared/protocol.ts';
import { sessionClientEvents } from '../../shared/realtime/session-events.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { Logger } from '../infra/logger.ts';
import type { Metrics } from '../infra/metrics.ts';
import { quitRedis } from '../infra/redis.ts';
import { bindHandlers, SocketRateLimiter } from './handler.ts';
import { isOriginAllowed } from './origin.ts';

/** What the server knows about a connected socket; never trusted from the client. */
export interface SocketData {
  user: RequestUser | null;
  /** The live meeting this socket takes part in (set by server/meetings/live). */
  live?: { meetingId: string; peerId: string } | undefined;
}

type Typed<C, S> = Namespace<
  C & ClientToServerEvents,
  S & ServerToClientEvents,
  object,
  SocketData
>;
export type HavenNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  object,
  SocketData
>;
export type HavenSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type MeetingNamespace = Typed<MeetingClientToServer, MeetingServerToClient>;
export type MeetingSocket = Socket<
  MeetingClientToServer & ClientToServerEvents,
  MeetingServerToClient & ServerToClientEvents,
  object,
  SocketData
>;

/** A resolved session: the member and when the session ends unless it is renewed. */
export interface SocketSession {
  user: RequestUser;
  expiresAt: Date;
}

export interface SocketServerDeps {
  allowedOrigins: string[];
  /** The cookie carrying the session token (the accounts feature names it). */
  sessionCookie: string;
  logger: Logger;
  metrics: Metrics;
  redisClient: Redis | undefined;
  /**
   * This deployment's prefix for the adapter's channels in Redis: two deployments (or two
   * test runs) sharing one Redis must not receive each other's broadcasts.
   */
  redisKeyPrefix?: string | undefined;
  /** How often an open socket's session is looked up again (a revoked one ends then). */
  sessionRecheckMs?: number | undefined;
  /** Resolves a session token to the member, or null when it is unknown or expired. */
  resolveSession(token: string | undefined): Promise<SocketSession | null>;
}

export interface SocketServer {
  io: Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
  /** The live meeting's namespace; server/meetings/live binds its handlers here. */
  meeting: MeetingNamespace;
  /** The group-chat issue binds its handlers here. */
  chat: HavenNamespace;
  /** One per-socket budget shared by every namespace's handlers. */
  limiter: SocketRateLimiter;
  /** Ends every socket of the member on every node (sign-out, deletion, new roles). */
  disconnectMember(userId: string): void;
  /** Tells this node's clients to reconnect and closes this node's sockets only. */
  close(): Promise<void>;
}

class HandshakeRefusal extends Error {
  constructor(readonly data: ConnectRefusal) {
    super(data.code);
  }
}

/** Sessions are re-checked at least this often, so a revoked one cannot linger for days. */
const SESSION_RECHECK_MS = 15 * 60 * 1000;

/**
 * Every namespace refuses a foreign Origin and another protocol version before any handler
 * runs; `/meeting` and `/chat` also refuse guests (UNAUTHENTICATED).
 */
function guardHandshake(nsp: HavenNamespace, deps: SocketServerDeps, membersOnly: boolean): void {
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
    const token = parseCookie(socket.handshake.headers.cookie ?? '')[deps.sessionCookie];
    deps
      .resolveSession(token)
      .then((session) => {
        if (!session && membersOnly) return refuse({ code: 'UNAUTHENTICATED' });
        socket.data.user = session?.user ?? null;
        if (session) watchSession(socket, token, session.expiresAt, deps);
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

/**
 * A socket outlives its handshake: when its session's end comes (or every so often), the
 * session is looked up again, and a socket whose session expired or was revoked is ended.
 */
function watchSession(
  socket: HavenSocket,
  token: string | undefined,
  expiresAt: Date,
  deps: SocketServerDeps,
): void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (at: Date) => {
    const recheck = deps.sessionRecheckMs ?? SESSION_RECHECK_MS;
    const delay = Math.max(0, Math.min(at.getTime() - Date.now(), recheck));
    timer = setTimeout(check, delay);
    timer.unref();
  };
  const check = () => {
    deps
      .resolveSession(token)
      .then((session) => {
        if (!socket.connected) return;
        if (session && session.user.id === socket.data.user?.id) return schedule(session.expiresAt);
        socket.emit('session:ended', { reason: 'expired' });
        socket.disconnect(true);
      })
      .catch(() => schedule(new Date(Date.now() + 60_000)));
  };
  schedule(expiresAt);
  socket.once('disconnect', () => clearTimeout(timer));
}

/** The Socket.IO room of one member's sockets, on every node (sign-out, group chat). */
export const memberRoom = (userId: string) => `member:${userId}`;

function trackConnections(nsp: HavenNamespace, deps: SocketServerDeps, limiter: SocketRateLimiter) {
  nsp.on('connection', (socket: HavenSocket) => {
    deps.metrics.socketConnections.inc({ namespace: nsp.name });
    // A room per member, so signing out or deleting the account can close their sockets.
    if (socket.data.user) void socket.join(memberRoom(socket.data.user.id));
    bindHandlers(socket.on.bind(socket) as never, {
      namespace: nsp.name,
      table: sessionClientEvents,
      handlers: {
        // The root namespace admits guests, so the member may be null here.
        'session:ping': () => ({ serverTime: Date.now(), userId: socket.data.user?.id ?? null }),
      },
      authorize: () => socket.data.user as never,
      limiter,
      socketId: socket.id,
      logger: deps.logger,
      metrics: deps.metrics,
    });
    socket.once('disconnect', () => {
      deps.metrics.socketConnections.dec({ namespace: nsp.name });
      limiter.forget(socket.id);
    });
  });
}

/** For namespaces that only members may use: the handler context is the signed-in member. */
export function memberOf(socket: { data: SocketData }): RequestUser {
  if (!socket.data.user) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return socket.data.user;
}

export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps): SocketServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>(
    httpServer,
    {
      serveClient: false,
      cors: { origin: deps.allowedOrigins, credentials: true },
      // A meeting's signalling messages are small; a large frame is a mistake or an attack.
      maxHttpBufferSize: 100_000,
      // Connection-state recovery stays off: it restores rooms before the handshake guard
      // and session check run, and it does not work with the Redis adapter. Clients rejoin.
    },
  );
  const pubSub: Redis[] = [];
  if (deps.redisClient) {
    const pub = deps.redisClient.duplicate();
    const sub = deps.redisClient.duplicate();
    pubSub.push(pub, sub);
    // The main client already reports an outage; without a listener ioredis prints each error.
    for (const client of pubSub) client.on('error', () => {});
    // The adapter publishes without awaiting: while Redis is away each emit to other nodes
    // would be an unhandled rejection. What it said is lost either way (nodes resync when
    // Redis returns); requests that wait for answers still time out as they should.
    const publish = pub.publish.bind(pub) as (channel: string, message: string) => Promise<number>;
    (pub as unknown as { publish: typeof publish }).publish = (channel, message) =>
      publish(channel, message).catch(() => 0);
    io.adapter(createAdapter(pub, sub, { key: `${deps.redisKeyPrefix ?? 'haven'}:socket.io` }));
  }
  const limiter = new SocketRateLimiter();
  const root = io.of('/');
  const meeting = io.of(NAMESPACES.meeting);
  const chat = io.of(NAMESPACES.chat);
  const namespaces: Array<[HavenNamespace, boolean]> = [
    [root, false],
    [meeting, true],
    [chat, true],
  ];
  for (const [nsp, membersOnly] of namespaces) {
    guardHandshake(nsp, deps, membersOnly);
    trackConnections(nsp, deps, limiter);
  }
  let closing: Promise<void> | undefined;
  return {
    io,
    meeting: meeting as unknown as MeetingNamespace,
    chat,
    limiter,
    disconnectMember(userId) {
      // Cluster-wide on purpose: the member's sockets may be on any node.
      for (const [nsp] of namespaces) {
        nsp.to(memberRoom(userId)).emit('session:ended', { reason: 'signed-out' });
        nsp.in(memberRoom(userId)).disconnectSockets(true);
      }
    },
    close() {
      closing ??= (async () => {
        // Only this node's clients: with the Redis adapter, the plain forms would reach,
        // and disconnect, every other node's clients too.
        for (const [nsp] of namespaces) {
          nsp.local.emit('server:shutdown', { reconnectInMs: 2000 });
          nsp.local.disconnectSockets(true);
        }
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await Promise.all(pubSub.map((client) => quitRedis(client)));
      })();
      return closing;
    },
  };
}
