import { z } from 'zod';
import type { ErrorCode } from './errors.ts';
import type { SessionClientToServer, SessionServerToClient } from './realtime/session-events.ts';

/**
 * The wire protocol's version. Bump it whenever an event's name or payload changes
 * incompatibly; the server refuses a client speaking another version with
 * VERSION_MISMATCH so an old tab reloads instead of misbehaving.
 */
export const PROTOCOL_VERSION = 1;

/** Socket.IO namespaces; the meeting and chat issues fill them. */
export const NAMESPACES = { meeting: '/meeting', chat: '/chat' } as const;
export type NamespaceName = (typeof NAMESPACES)[keyof typeof NAMESPACES];

/** What every client sends in the Socket.IO handshake's `auth`. */
export const handshakeAuthSchema = z.object({
  protocolVersion: z.number().int().positive(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** The `data` of a refused connection's connect_error, so the client can show why. */
export interface ConnectRefusal {
  code: ErrorCode;
  serverProtocolVersion?: number;
}

/** Every acknowledgement has this shape: handlers never throw into Socket.IO. */
export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; retryAfter?: number } };

/** Events shared by every namespace; each namespace's own tables extend these. */
export type ServerToClientEvents = SessionServerToClient;
export type ClientToServerEvents = SessionClientToServer;
