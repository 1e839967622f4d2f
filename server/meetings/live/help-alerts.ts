import { randomBytes } from 'node:crypto';
import type { HelpAlert } from '../../../shared/meetings/live/schemas.ts';
import { AppError } from '../../infra/errors.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';
import type { RoomChannels } from './room-channels.ts';
import type { Roster } from './roster.ts';

/** A few open alerts per person is help; more is noise (the socket limiter caps the rate). */
const OPEN_PER_PEER = 3;

/**
 * "I need help": a participant tells the facilitators, and only them, that they need help,
 * with a short optional text; a facilitator acknowledges and the participant sees it was
 * seen. Alerts live in this meeting's memory, are never stored or logged, and go with it.
 */
export class HelpAlerts {
  readonly #alerts = new Map<string, HelpAlert & { fromUserId: string }>();
  readonly #channels: RoomChannels;
  readonly #roster: Roster;

  constructor(channels: RoomChannels, roster: Roster) {
    this.#channels = channels;
    this.#roster = roster;
  }

  send(peer: LivePeer, text: string | undefined): string {
    const open = [...this.#alerts.values()].filter((a) => a.fromUserId === peer.userId && !a.seen);
    if (open.length >= OPEN_PER_PEER)
      throw new AppError('RATE_LIMITED', 'a facilitator has not seen your last alerts yet');
    const alert = {
      id: randomBytes(9).toString('base64url'),
      fromPeerId: peer.peerId,
      fromName: peer.displayName,
      text: text ?? null,
      sentAt: Date.now(),
      seen: false,
      fromUserId: peer.userId,
    };
    this.#alerts.set(alert.id, alert);
    const view = this.#view(alert);
    this.#channels.toFacilitators('help:alert', view);
    if (!isFacilitator(peer)) peer.socket.emit('help:alert', view);
    return alert.id;
  }

  acknowledge(alertId: string): void {
    const alert = this.#alerts.get(alertId);
    if (!alert) throw new AppError('NOT_FOUND', 'no such alert');
    alert.seen = true;
    const view = this.#view(alert);
    this.#channels.toFacilitators('help:alert', view);
    // To the sender wherever they are in the room now (a reconnect gives a new peer id).
    for (const peer of this.#roster.admitted())
      if (peer.userId === alert.fromUserId && !isFacilitator(peer))
        peer.socket.emit('help:alert', view);
  }

  /** Facilitators see every alert; a participant only their own. */
  visibleTo(peer: LivePeer): HelpAlert[] {
    return [...this.#alerts.values()]
      .filter((alert) => isFacilitator(peer) || alert.fromUserId === peer.userId)
      .map((alert) => this.#view(alert));
  }

  clear(): void {
    this.#alerts.clear();
  }

  /** The sender's name as it is now: a rename reaches the alert too. */
  #view(alert: HelpAlert & { fromUserId: string }): HelpAlert {
    const { fromUserId: _user, ...view } = alert;
    const now = this.#roster.get(alert.fromPeerId);
    return now ? { ...view, fromName: now.displayName } : view;
  }
}
