import type { MeetingServerToClient } from '../../../shared/meetings/live/events.ts';
import type { MeetingNamespace, MeetingSocket } from '../../realtime/socket-server.ts';

type EventName = keyof MeetingServerToClient;
type PayloadOf<K extends EventName> = Parameters<MeetingServerToClient[K]>[0];

/**
 * A live meeting's two Socket.IO rooms on this node: everyone admitted, and its
 * facilitators (the waiting list, the hand queue and private chat go only there). Local
 * forms only: a meeting lives on one node, and the Redis adapter would carry every
 * broadcast to every other node for nothing.
 */
export class RoomChannels {
  readonly #namespace: MeetingNamespace;
  readonly #room: string;
  readonly #facilitators: string;

  constructor(namespace: MeetingNamespace, meetingId: string) {
    this.#namespace = namespace;
    this.#room = `live:${meetingId}`;
    this.#facilitators = `live:${meetingId}:facilitators`;
  }

  toRoom<K extends EventName>(event: K, payload: PayloadOf<K>): void {
    this.#emit(this.#room, event, payload);
  }

  toFacilitators<K extends EventName>(event: K, payload: PayloadOf<K>): void {
    this.#emit(this.#facilitators, event, payload);
  }

  /** To the room, from `socket`: everyone but its owner hears it. */
  toOthers<K extends EventName>(socket: MeetingSocket, event: K, payload: PayloadOf<K>): void {
    (socket.to(this.#room).emit as (e: K, p: PayloadOf<K>) => void)(event, payload);
  }

  enter(socket: MeetingSocket, facilitator: boolean): void {
    void socket.join(this.#room);
    if (facilitator) void socket.join(this.#facilitators);
  }

  setFacilitator(socket: MeetingSocket, facilitator: boolean): void {
    if (facilitator) void socket.join(this.#facilitators);
    else void socket.leave(this.#facilitators);
  }

  leave(socket: MeetingSocket): void {
    void socket.leave(this.#room);
    void socket.leave(this.#facilitators);
  }

  #emit<K extends EventName>(room: string, event: K, payload: PayloadOf<K>): void {
    (this.#namespace.local.to(room).emit as (e: K, p: PayloadOf<K>) => void)(event, payload);
  }
}
