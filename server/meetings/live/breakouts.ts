import { randomInt } from 'node:crypto';
import {
  type BreakoutOpen,
  type BreakoutState,
  CLOSED_BREAKOUTS,
} from '../../../shared/meetings/breakouts.ts';
import { AppError } from '../../infra/errors.ts';
import { mediaGroupOf, moveMedia } from './live-media.ts';
import type { LiveMeeting } from './live-meeting.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';

export interface BreakoutPublisher {
  state(state: BreakoutState): void;
  message(message: { text: string; sentAt: number }): void;
}

/**
 * A meeting's breakout rooms (shared/meetings/breakouts.ts), in memory with it. Who goes
 * where is kept by account for as long as the rooms are open, so someone whose connection
 * drops comes back into their room; nothing of it is stored anywhere.
 */
export class Breakouts {
  readonly #meeting: LiveMeeting;
  readonly #publish: BreakoutPublisher;
  readonly #minuteMs: number;
  #state: Omit<BreakoutState, 'serverNow'> = { ...CLOSED_BREAKOUTS };
  readonly #placeOf = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  /** `minuteMs`: a minute of breakout time (shorter in tests). */
  constructor(meeting: LiveMeeting, publish: BreakoutPublisher, minuteMs: number) {
    this.#meeting = meeting;
    this.#publish = publish;
    this.#minuteMs = minuteMs;
  }

  get isOpen(): boolean {
    return this.#state.open;
  }

  state(): BreakoutState {
    return { ...this.#state, serverNow: Date.now() };
  }

  open(request: BreakoutOpen): BreakoutState {
    if (this.#state.open) throw new AppError('CONFLICT', 'breakout rooms are already open');
    const plan = this.#plan(request);
    // One reading of the clock: the end and "now" sent with it agree to the millisecond,
    // so a client's countdown starts at exactly the minutes asked for.
    const now = Date.now();
    this.#state = {
      open: true,
      rooms: request.rooms,
      endsAt: now + request.minutes * this.#minuteMs,
    };
    this.#timer = setTimeout(() => this.#closeNow(), request.minutes * this.#minuteMs);
    this.#timer.unref();
    const state = this.#emit(now);
    for (const [peer, room] of plan) {
      this.#placeOf.set(peer.userId, room);
      this.#moveTo(peer, room);
    }
    return state;
  }

  /** Who goes where: everyone named (manual), or participants spread evenly (random). */
  #plan(request: BreakoutOpen): Array<[LivePeer, number]> {
    if (request.assign === 'manual') {
      const named = request.assignments ?? [];
      if (named.length === 0)
        throw new AppError('INVALID_INPUT', 'say who goes to which room, or assign at random');
      if (new Set(named.map((a) => a.peerId)).size !== named.length)
        throw new AppError('INVALID_INPUT', 'each person goes to one room');
      return named.map(({ peerId, room }) => {
        this.#mustExist(room, request.rooms);
        return [this.#meeting.admittedPeer(peerId), room];
      });
    }
    if (request.assignments !== undefined)
      throw new AppError('INVALID_INPUT', 'random assignment takes no list');
    const participants = this.#meeting.admitted().filter((p) => !isFacilitator(p));
    for (let i = participants.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [participants[i], participants[j]] = [
        participants[j] as LivePeer,
        participants[i] as LivePeer,
      ];
    }
    return participants.map((peer, i) => [peer, (i % request.rooms) + 1]);
  }

  /** A facilitator moves someone (or visits, naming themselves); null is the main room. */
  move(peerId: string, room: number | null): void {
    this.#mustBeOpen();
    const peer = this.#meeting.admittedPeer(peerId);
    if (room === null) this.#placeOf.delete(peer.userId);
    else {
      this.#mustExist(room, this.#state.rooms);
      this.#placeOf.set(peer.userId, room);
    }
    this.#moveTo(peer, room);
  }

  /** A short message from the facilitators, to every room and the main room. */
  broadcast(text: string): void {
    this.#mustBeOpen();
    this.#publish.message({ text, sentAt: Date.now() });
  }

  /** Everyone back to the main room, now (a facilitator, or the time is up). */
  close(): BreakoutState {
    this.#mustBeOpen();
    return this.#closeNow();
  }

  /** Someone let in while the rooms are open goes back to their room, if they had one. */
  joined(peer: LivePeer): void {
    const room = this.#state.open ? this.#placeOf.get(peer.userId) : undefined;
    if (room !== undefined) this.#moveTo(peer, room);
  }

  /** The meeting ended: no timer left behind. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#placeOf.clear();
    this.#state = { ...CLOSED_BREAKOUTS };
  }

  #closeNow(): BreakoutState {
    if (!this.#state.open || this.#meeting.ended) return this.state();
    this.clear();
    for (const peer of this.#meeting.admitted())
      if (peer.breakoutRoom !== null) this.#moveTo(peer, null);
    this.#meeting.chat.forgetBreakoutLines();
    return this.#emit();
  }

  /**
   * Moves someone to a breakout room or back to the main room (null): their media, chat
   * and the speaker indicator follow (live-media.ts's moveMedia), and the room is told.
   */
  #moveTo(peer: LivePeer, place: number | null): void {
    const from = peer.breakoutRoom;
    if (from === place || peer.state !== 'admitted') return;
    peer.breakoutRoom = place;
    const meeting = this.#meeting;
    moveMedia(meeting, peer, from);
    peer.socket.emit('breakout:moved', {
      room: place,
      producers: meeting.media
        .producers(mediaGroupOf(place))
        .filter((p) => p.peerId !== peer.peerId),
      chat: meeting.chat.visibleTo(peer),
    });
    meeting.announce(peer);
  }

  #mustBeOpen(): void {
    if (!this.#state.open) throw new AppError('INVALID_TRANSITION', 'no breakout rooms are open');
  }

  #mustExist(room: number, rooms: number): void {
    if (room > rooms) throw new AppError('INVALID_INPUT', `there are ${rooms} rooms`);
  }

  #emit(now = Date.now()): BreakoutState {
    const state = { ...this.#state, serverNow: now };
    this.#publish.state(state);
    return state;
  }
}
