import type { LivePeer } from './live-peer.ts';

/**
 * How long each member has been in the room, for the attendance slip they may ask for: in
 * memory with the meeting and forgotten when it ends, never stored or logged (who attended
 * is nobody's record). Counted per peer, summed per member, so a second tab, a reconnect or
 * a step out and back in counts the time actually spent in the room, once.
 */
export class AttendanceTime {
  readonly #open = new Map<LivePeer, number>();
  readonly #banked = new Map<string, number>();

  admitted(peer: LivePeer, now: number): void {
    if (!this.#open.has(peer)) this.#open.set(peer, now);
  }

  left(peer: LivePeer, now: number): void {
    const since = this.#open.get(peer);
    if (since === undefined) return;
    this.#open.delete(peer);
    this.#banked.set(peer.userId, (this.#banked.get(peer.userId) ?? 0) + (now - since));
  }

  /** Time in the room; overlapping tabs of one member count once. */
  attendedMs(userId: string, now: number): number {
    const spans = [...this.#open]
      .filter(([peer]) => peer.userId === userId)
      .map(([, since]) => since);
    const current = spans.length ? now - Math.min(...spans) : 0;
    return (this.#banked.get(userId) ?? 0) + current;
  }

  clear(): void {
    this.#open.clear();
    this.#banked.clear();
  }
}
