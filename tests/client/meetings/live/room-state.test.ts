import { describe, expect, it } from 'vitest';
import {
  CHAT_KEPT,
  chatDeleted,
  chatReceived,
  peerJoined,
  peerLeft,
  producerAdded,
  producerPaused,
  producersToConsume,
  roomFromSnapshot,
} from '../../../../client/src/features/meetings/live/room-state.ts';
import { peer, producer, snapshot } from './fixtures.ts';

describe('the room as plain data', () => {
  it('puts self first and keeps everyone in the order they came', () => {
    const room = roomFromSnapshot(snapshot());
    expect(room.order).toEqual(['p_selfselfself', 'p_anaanaanaana', 'p_benbenbenben']);
    const later = peerJoined(room, peer('p_carlacarlacar'));
    expect(later.order.at(-1)).toBe('p_carlacarlacar');
    // An update for a known peer does not move their tile.
    expect(peerJoined(later, peer('p_anaanaanaana', { micOn: true })).order).toEqual(later.order);
  });

  it('forgets a peer who left: their producers, raised hand and speaking', () => {
    const room = peerLeft(roomFromSnapshot(snapshot()), 'p_anaanaanaana');
    expect(room.peers.p_anaanaanaana).toBeUndefined();
    expect(Object.keys(room.producers)).toEqual([]);
    expect(room.activeSpeakerPeerId).toBeNull();
    const hands = peerLeft(roomFromSnapshot(snapshot()), 'p_benbenbenben');
    expect(hands.handQueue).toEqual([]);
  });

  it('never removes self on a stray peer:left', () => {
    const room = roomFromSnapshot(snapshot());
    expect(peerLeft(room, room.selfId)).toBe(room);
  });

  it('consumes only other peers, and no video in audio-only mode', () => {
    let room = roomFromSnapshot(snapshot());
    room = producerAdded(room, producer(3, 'p_selfselfself', 'audio'));
    expect(producersToConsume(room, false).map((p) => p.producerId)).toHaveLength(2);
    expect(producersToConsume(room, true).map((p) => p.kind)).toEqual(['audio']);
  });

  it('marks a producer paused, without a new object when nothing changed', () => {
    const room = roomFromSnapshot(snapshot());
    const id = producer(1, 'p_anaanaanaana', 'audio').producerId;
    expect(producerPaused(room, id, true).producers[id]?.paused).toBe(true);
    expect(producerPaused(room, id, false)).toBe(room);
  });

  it('keeps chat in memory only up to a limit, without duplicates, and deletes', () => {
    let room = roomFromSnapshot(snapshot());
    const message = (n: number) => ({
      id: `m${n}`,
      fromPeerId: 'p_anaanaanaana',
      fromName: 'Ana',
      to: 'everyone' as const,
      text: `hello ${n}`,
      sentAt: n,
      breakoutRoom: null,
    });
    for (let n = 0; n < CHAT_KEPT + 5; n++) room = chatReceived(room, message(n));
    expect(room.chat).toHaveLength(CHAT_KEPT);
    expect(room.chat[0]?.id).toBe('m5');
    expect(chatReceived(room, message(10))).toBe(room);
    expect(chatDeleted(room, 'm10').chat.some((m) => m.id === 'm10')).toBe(false);
  });
});
