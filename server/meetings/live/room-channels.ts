import type { MeetingServerToClient } from '../../../shared/meetings/live/events.ts';
import type { MeetingNamespace, MeetingSocket } from '../../realtime/socket-server.ts';
import type { LivePeer } from './live-peer.ts';

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

  /**
   * To those of `admitted` in one place: a breakout room, or the main room (null). While
   * nobody is in a breakout room, the main room is everyone: one broadcast.
   */
  toPlace<K extends EventName>(
    admitted: LivePeer[],
    place: number | null,
    event: K,
    payload: PayloadOf<K>,
  ): void {
    if (place === null && admitted.every((p) => p.breakoutRoom === null)) {
      this.toRoom(event, payload);
      return;
    }
    for (const peer of admitted)
      if (peer.breakoutRoom === place)
        (peer.socket.emit as (e: K, p: PayloadOf<K>) => void)(event, payload);
  }

  /** To those of `admitted` in the same room (breakout or main) as `peerId`. */
  toPlaceOf<K extends EventName>(
    admitted: LivePeer[],
    peerId: string,
    event: K,
    payload: PayloadOf<K>,
  ): void {
    const place = admitted.find((p) => p.peerId === peerId)?.breakoutRoom ?? null;
    this.toPlace(admitted, place, event, payload);
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
