import { describe, expect, it } from 'vitest';
import {
  assignable,
  breakoutSecondsLeft,
  openRequest,
  placesOf,
} from '../../../../client/src/features/meetings/live/breakout-view.ts';
import { buildTiles } from '../../../../client/src/features/meetings/live/components/TileGrid.tsx';
import {
  breakoutMessageReceived,
  breakoutsChanged,
  peerUpdated,
  roomFromSnapshot,
  roomMoved,
} from '../../../../client/src/features/meetings/live/room-state.ts';
import { peer, producer, snapshot } from './fixtures.ts';

const open = { open: true, rooms: 2, endsAt: 10_000 + 5 * 60_000, serverNow: 10_000 };

/** Ana in room 1, Ben in the main room with self. */
function splitRoom() {
  let room = roomFromSnapshot(snapshot(), 10_000);
  room = breakoutsChanged(room, open, 10_000);
  return peerUpdated(room, peer('p_anaanaanaana', { breakoutRoom: 1 }));
}

describe('breakout rooms in the client', () => {
  it('lists the main room and each breakout room with who is in it', () => {
    const places = placesOf(splitRoom());
    expect(places.map((p) => [p.place, p.peers.map((x) => x.peerId)])).toEqual([
      [null, ['p_selfselfself', 'p_benbenbenben']],
      [1, ['p_anaanaanaana']],
      [2, []],
    ]);
  });

  it('shows tiles only of those in the same room', () => {
    const room = splitRoom();
    expect(buildTiles(room, {}).map((tile) => tile.peer.peerId)).toEqual([
      'p_selfselfself',
      'p_benbenbenben',
    ]);
    const moved = roomMoved(room, { room: 1, producers: [], chat: [] });
    expect(buildTiles(moved, {}).map((tile) => tile.peer.peerId)).toEqual([
      'p_selfselfself',
      'p_anaanaanaana',
    ]);
  });

  it('counts down to the return on the server’s clock', () => {
    // This browser's clock runs 2 s behind the server's.
    const room = breakoutsChanged(roomFromSnapshot(snapshot()), open, 8_000);
    expect(breakoutSecondsLeft(room, 8_000)).toBe(300);
    expect(breakoutSecondsLeft(room, 8_000 + 301_000)).toBe(0);
    const closed = breakoutsChanged(room, { ...open, open: false, rooms: 0, endsAt: null }, 9_000);
    expect(breakoutSecondsLeft(closed, 9_000)).toBeNull();
  });

  it('takes a move’s producers and chat as the new room’s, and forgets the old room’s', () => {
    const line = {
      id: 'm1',
      fromPeerId: 'p_anaanaanaana',
      fromName: 'Ana',
      to: 'everyone' as const,
      text: 'room one',
      sentAt: 1,
      breakoutRoom: 1,
    };
    const moved = roomMoved(splitRoom(), {
      room: 1,
      producers: [producer(3, 'p_anaanaanaana', 'audio')],
      chat: [line],
    });
    expect(moved.peers.p_selfselfself?.breakoutRoom).toBe(1);
    expect(Object.keys(moved.producers)).toEqual(['00000000-0000-4000-8000-000000000003']);
    expect(moved.chat).toEqual([line]);
    expect(moved.activeSpeakerPeerId).toBeNull();
  });

  it('keeps the facilitators’ message while the rooms are open, and drops it when they close', () => {
    const room = breakoutMessageReceived(splitRoom(), { text: 'Five minutes', sentAt: 1 });
    expect(room.breakoutMessage?.text).toBe('Five minutes');
    const closed = breakoutsChanged(room, { ...open, open: false, rooms: 0, endsAt: null }, 1);
    expect(closed.breakoutMessage).toBeNull();
  });

  it('sends the panel’s choices as the server expects them', () => {
    expect(openRequest({ rooms: 3, minutes: 20, assign: 'random', plan: { p_a: 1 } })).toEqual({
      rooms: 3,
      minutes: 20,
      assign: 'random',
    });
    // The main room ('') and rooms beyond the count (the count was lowered) are left out.
    expect(
      openRequest({ rooms: 2, minutes: 20, assign: 'manual', plan: { p_a: 1, p_b: '', p_c: 3 } }),
    ).toEqual({
      rooms: 2,
      minutes: 20,
      assign: 'manual',
      assignments: [{ peerId: 'p_a', room: 1 }],
    });
    expect(assignable(splitRoom()).map((p) => p.peerId)).toEqual([
      'p_anaanaanaana',
      'p_benbenbenben',
    ]);
  });
});
