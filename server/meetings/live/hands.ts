import { AppError } from '../../infra/errors.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';
import type { RoomChannels } from './room-channels.ts';
import type { Roster } from './roster.ts';

/**
 * Raised hands: everyone sees whose hand is up (on their tile), facilitators also see the
 * queue in the order hands went up. Anyone lowers their own; facilitators lower any.
 */
export class Hands {
  readonly #roster: Roster;
  readonly #channels: RoomChannels;
  readonly #announce: (peer: LivePeer) => void;

  constructor(roster: Roster, channels: RoomChannels, announce: (peer: LivePeer) => void) {
    this.#roster = roster;
    this.#channels = channels;
    this.#announce = announce;
  }

  raise(peer: LivePeer): void {
    if (!this.#roster.raiseHand(peer)) return;
    this.#announce(peer);
    this.announceQueue();
  }

  lower(actor: LivePeer, peerId: string | undefined): void {
    const peer = peerId === undefined ? actor : this.#roster.admittedTarget(peerId);
    if (peer !== actor && !isFacilitator(actor))
      throw new AppError('FORBIDDEN', 'only facilitators lower other hands');
    if (peer.handRaisedOrder === null) return;
    peer.handRaisedOrder = null;
    this.#announce(peer);
    this.announceQueue();
  }

  lowerAll(): void {
    for (const peer of this.#roster.admitted()) {
      if (peer.handRaisedOrder === null) continue;
      peer.handRaisedOrder = null;
      this.#announce(peer);
    }
    this.announceQueue();
  }

  /** The queue, to facilitators only. */
  announceQueue(): void {
    this.#channels.toFacilitators('hand:queue', { queue: this.#roster.handQueue() });
  }
}
