import type { BreakoutOpen } from '../../../../../shared/meetings/breakouts.ts';
import type { Peer } from '../../../../../shared/meetings/live/schemas.ts';
import type { RoomState } from './room-state.ts';

/** Breakout rooms as the room draws them: pure, so each rule is unit-tested. */

/** A place in the meeting: a breakout room's number, or null for the main room. */
export type Place = number | null;

export interface PlaceView {
  place: Place;
  peers: Peer[];
}

/** The main room and each open breakout room, with who is in it, in join order. */
export function placesOf(room: RoomState): PlaceView[] {
  const places: Place[] = [null];
  for (let n = 1; n <= room.breakouts.rooms; n++) places.push(n);
  const peers = room.order.map((id) => room.peers[id]).filter((peer): peer is Peer => !!peer);
  return places.map((place) => ({
    place,
    peers: peers.filter((peer) => peer.breakoutRoom === place),
  }));
}

/** Whole seconds until everyone returns (0 once due), or null when no rooms are open. */
export function breakoutSecondsLeft(room: RoomState, now: number): number | null {
  const { open, endsAt } = room.breakouts;
  if (!open || endsAt === null) return null;
  return Math.max(0, Math.ceil((endsAt - (now + room.clockOffsetMs)) / 1000));
}

/** The facilitator's plan in the panel: a room per person, '' for the main room. */
export type BreakoutPlan = Record<string, number | ''>;

/** What `breakout:open` is sent, from the panel's choices. */
export function openRequest(choice: {
  rooms: number;
  minutes: number;
  assign: 'random' | 'manual';
  plan: BreakoutPlan;
}): BreakoutOpen {
  if (choice.assign === 'random')
    return { rooms: choice.rooms, minutes: choice.minutes, assign: 'random' };
  const assignments = Object.entries(choice.plan)
    .filter((entry): entry is [string, number] => entry[1] !== '' && entry[1] <= choice.rooms)
    .map(([peerId, room]) => ({ peerId, room }));
  return { rooms: choice.rooms, minutes: choice.minutes, assign: 'manual', assignments };
}

/** Those a facilitator may assign by hand: everyone in the meeting but themselves. */
export function assignable(room: RoomState): Peer[] {
  return room.order
    .filter((id) => id !== room.selfId)
    .map((id) => room.peers[id])
    .filter((peer): peer is Peer => !!peer);
}
