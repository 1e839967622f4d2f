import { AppError } from '../../infra/errors.ts';
import type { MeetingSocket } from '../../realtime/socket-server.ts';
import type { LivePeer } from './live-peer.ts';

/**
 * The people of one live meeting, waiting or admitted, found by peer id, and the order of
 * the waiting list and of raised hands. What they may do is LiveMeeting's business.
 */
export class Roster {
  readonly #peers = new Map<string, LivePeer>();
  /** Hands go up in this order; a counter, so two in one millisecond keep theirs. */
  #handsRaised = 0;

  get size(): number {
    return this.#peers.size;
  }

  all(): LivePeer[] {
    return [...this.#peers.values()];
  }

  admitted(): LivePeer[] {
    return this.all().filter((p) => p.state === 'admitted');
  }

  waiting(): LivePeer[] {
    return this.all()
      .filter((p) => p.state === 'waiting')
      .sort((a, b) => a.waitingSince - b.waitingSince);
  }

  get(peerId: string): LivePeer | undefined {
    return this.#peers.get(peerId);
  }

  add(peer: LivePeer): void {
    this.#peers.set(peer.peerId, peer);
  }

  /** False when the peer had already gone. */
  delete(peer: LivePeer): boolean {
    return this.#peers.delete(peer.peerId);
  }

  clear(): void {
    this.#peers.clear();
  }

  /** A peer on this socket (a replayed id of someone else's finds nothing). */
  on(socket: MeetingSocket, peerId: string): LivePeer | undefined {
    const peer = this.#peers.get(peerId);
    return peer && peer.socket.id === socket.id ? peer : undefined;
  }

  target(peerId: string): LivePeer {
    const peer = this.#peers.get(peerId);
    if (!peer) throw new AppError('NOT_FOUND', 'no such person in this meeting');
    return peer;
  }

  admittedTarget(peerId: string): LivePeer {
    const peer = this.target(peerId);
    if (peer.state !== 'admitted') throw new AppError('NOT_FOUND', 'not in the meeting room');
    return peer;
  }

  /** False when the hand was already up. */
  raiseHand(peer: LivePeer): boolean {
    if (peer.handRaisedOrder !== null) return false;
    peer.handRaisedOrder = ++this.#handsRaised;
    return true;
  }

  handQueue(): string[] {
    return this.admitted()
      .filter((p) => p.handRaisedOrder !== null)
      .sort((a, b) => (a.handRaisedOrder ?? 0) - (b.handRaisedOrder ?? 0))
      .map((p) => p.peerId);
  }
}
