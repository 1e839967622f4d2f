import { randomInt } from 'node:crypto';
import {
  DEFAULT_TURN_SECONDS,
  IDLE_ROUND,
  type RoundStart,
  type RoundState,
} from '../../../shared/meetings/checkin-round.ts';
import { AppError } from '../../infra/errors.ts';
import { mutePeer } from './live-media.ts';
import type { LiveMeeting } from './live-meeting.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';

/**
 * A meeting's check-in round (shared/meetings/checkin-round.ts), held in memory with it.
 * Each turn spotlights its speaker; with `muteOthers`, the other participants' microphones
 * are paused as each turn starts. The speaker's own microphone is theirs to open: the server
 * cannot and should not switch a browser's microphone on, so the room invites them to.
 */
export class CheckinRound {
  readonly #meeting: LiveMeeting;
  readonly #publish: (state: RoundState) => void;
  #state: Omit<RoundState, 'serverNow'> = { ...IDLE_ROUND };

  constructor(meeting: LiveMeeting, publish: (state: RoundState) => void) {
    this.#meeting = meeting;
    this.#publish = publish;
  }

  state(): RoundState {
    return { ...this.#state, serverNow: Date.now() };
  }

  async start(request: RoundStart): Promise<RoundState> {
    const segment = this.#meeting.agenda.state();
    if (segment.segments[segment.index]?.kind !== 'checkin')
      throw new AppError('INVALID_TRANSITION', 'a round belongs to the check-in segment');
    const inRoom = this.#meeting.admitted().map((p) => p.peerId);
    let speakers: string[];
    if (request.order === 'manual') {
      speakers = [...new Set(request.peerIds ?? [])];
      if (!speakers.length || speakers.some((id) => !inRoom.includes(id)))
        throw new AppError('INVALID_INPUT', 'name the people in the room, in order');
    } else if (request.order === 'shuffled') {
      speakers = [...inRoom];
      for (let i = speakers.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [speakers[i], speakers[j]] = [speakers[j] as string, speakers[i] as string];
      }
    } else speakers = inRoom;
    this.#state = {
      active: true,
      speakers,
      index: 0,
      turnStartedAt: null,
      turnSeconds: request.turnSeconds ?? DEFAULT_TURN_SECONDS,
      muteOthers: request.muteOthers ?? false,
      passed: [],
      skipped: [],
    };
    return this.#turn(0);
  }

  /** The next speaker still in the room; the round ends after the last. */
  next(): Promise<RoundState> {
    this.#mustBeActive();
    return this.#turn(this.#state.index + 1);
  }

  /**
   * A facilitator skips the current speaker (not ready, away from the keyboard): the first
   * time they go to the end of the order and are asked again after the others; the second
   * time they are passed over.
   */
  skip(): Promise<RoundState> {
    this.#mustBeActive();
    const { speakers, index, skipped } = this.#state;
    const speaker = speakers[index] as string;
    if (skipped.includes(speaker)) return this.#turn(index + 1);
    this.#state = {
      ...this.#state,
      speakers: [...speakers.slice(0, index), ...speakers.slice(index + 1), speaker],
      skipped: [...skipped, speaker],
    };
    return this.#turn(index);
  }

  /** The current speaker passes (their own choice) and the turn moves on. */
  pass(peer: LivePeer): Promise<RoundState> {
    this.#mustBeActive();
    if (this.#state.speakers[this.#state.index] !== peer.peerId)
      throw new AppError('INVALID_TRANSITION', 'it is not your turn');
    this.#state = { ...this.#state, passed: [...this.#state.passed, peer.peerId] };
    return this.#turn(this.#state.index + 1);
  }

  end(): RoundState {
    this.#mustBeActive();
    this.#state = { ...IDLE_ROUND };
    this.#meeting.spotlight(null);
    return this.#emit();
  }

  /** Someone let in during the round speaks at the end. */
  joined(peer: LivePeer): void {
    if (!this.#state.active || this.#state.speakers.includes(peer.peerId)) return;
    this.#state = { ...this.#state, speakers: [...this.#state.speakers, peer.peerId] };
    this.#emit();
  }

  async #turn(from: number): Promise<RoundState> {
    const inRoom = new Set(this.#meeting.admitted().map((p) => p.peerId));
    let index = from;
    // Those who left are skipped.
    while (index < this.#state.speakers.length && !inRoom.has(this.#state.speakers[index] ?? ''))
      index++;
    if (index >= this.#state.speakers.length) return this.end();
    const speaker = this.#state.speakers[index] as string;
    this.#state = { ...this.#state, index, turnStartedAt: Date.now() };
    this.#meeting.spotlight(speaker);
    // The turn is theirs: a facilitator's earlier mute no longer holds them back.
    const speaking = this.#meeting.admittedPeer(speaker);
    if (speaking.mutedByFacilitator) {
      speaking.mutedByFacilitator = false;
      this.#meeting.announce(speaking);
    }
    if (this.#state.muteOthers)
      for (const peer of this.#meeting.admitted()) {
        const mic = this.#meeting.media.producerOf(peer.peerId, 'mic');
        if (peer !== speaking && !isFacilitator(peer) && mic && !mic.paused)
          await mutePeer(this.#meeting, peer.peerId);
      }
    return this.#emit();
  }

  #mustBeActive(): void {
    if (!this.#state.active) throw new AppError('INVALID_TRANSITION', 'no round is running');
  }

  #emit(): RoundState {
    const state = this.state();
    this.#publish(state);
    return state;
  }
}
