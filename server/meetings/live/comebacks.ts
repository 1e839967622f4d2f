import type { LivePeer } from './live-peer.ts';

/**
 * Who may come back into one occurrence, and how: members a facilitator removed never do;
 * members admitted before whose connection dropped walk back in with their role, without the
 * waiting room, for a grace period (a bad connection should not mean being admitted again
 * and again). Kept by member account, so a new tab cannot undo a removal.
 */
export class Comebacks {
  readonly #removed = new Set<string>();
  readonly #recent = new Map<string, { role: LivePeer['role']; until: number }>();
  readonly #graceMs: number;

  constructor(graceMs: number) {
    this.#graceMs = graceMs;
  }

  remove(userId: string): void {
    this.#removed.add(userId);
  }

  isRemoved(userId: string): boolean {
    return this.#removed.has(userId);
  }

  droppedOut(peer: LivePeer): void {
    if (peer.state !== 'admitted') return;
    this.#recent.set(peer.userId, { role: peer.role, until: Date.now() + this.#graceMs });
  }

  /** The role a returning member takes back (`earlier`: their tab still in the room), once. */
  roleOnReturn(userId: string, earlier: LivePeer | undefined): LivePeer['role'] | undefined {
    if (earlier?.state === 'admitted') return earlier.role;
    const recent = this.#recent.get(userId);
    this.#recent.delete(userId);
    return recent && recent.until > Date.now() ? recent.role : undefined;
  }
}
