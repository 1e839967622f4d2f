import { io, type Socket } from 'socket.io-client';
import { ERROR_CODES, type ErrorCode } from '../../../shared/errors.ts';
import {
  type ClientToServerEvents,
  type ConnectRefusal,
  type HandshakeAuth,
  type NamespaceName,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '../../../shared/protocol.ts';
import { useHavenStore } from '../store/index.ts';

export type HavenSocket<
  S extends ServerToClientEvents = ServerToClientEvents,
  C extends ClientToServerEvents = ClientToServerEvents,
> = Socket<S, C>;

export interface ConnectNamespaceOptions {
  /** Called when the server refuses the connection with a known code. Defaults to the store. */
  onRefused?: (refusal: ConnectRefusal) => void;
  autoConnect?: boolean;
}

/** Own keys only: a plain `in` check would also accept 'toString' or 'constructor'. */
function isKnownErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/**
 * A refused handshake arrives as `connect_error` with `err.data = { code, ... }`.
 * Returns the refusal when the code is one Haven knows, else null (a plain network
 * failure, which Socket.IO retries by itself).
 */
export function refusalFromConnectError(err: unknown): ConnectRefusal | null {
  if (typeof err !== 'object' || err === null) return null;
  const data: unknown = (err as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const { code, serverProtocolVersion } = data as Record<string, unknown>;
  if (!isKnownErrorCode(code)) return null;
  return typeof serverProtocolVersion === 'number' ? { code, serverProtocolVersion } : { code };
}

/** Opens a socket to one of Haven's namespaces on this origin, speaking this build's protocol. */
export function connectNamespace<
  S extends ServerToClientEvents = ServerToClientEvents,
  C extends ClientToServerEvents = ClientToServerEvents,
>(ns: NamespaceName, options: ConnectNamespaceOptions = {}): HavenSocket<S, C> {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
  const onRefused =
    options.onRefused ??
    ((refusal: ConnectRefusal) => useHavenStore.getState().setRefusal(refusal));
  const socket: HavenSocket<S, C> = io(ns, {
    auth,
    withCredentials: true,
    autoConnect: options.autoConnect ?? true,
  });
  socket.on('connect_error', (err) => {
    const refusal = refusalFromConnectError(err);
    if (refusal) onRefused(refusal);
  });
  return socket;
}
