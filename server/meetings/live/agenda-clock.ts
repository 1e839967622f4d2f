import {
  type AgendaSegment,
  type AgendaState,
  SEGMENT_MAX_MINUTES,
} from '../../../shared/meetings/agenda.ts';
import { AppError } from '../../infra/errors.ts';

/**
 * Where a live meeting is in its agenda, on the server's clock: a late joiner or a tab that
 * reconnects is sent the same state, so everyone sees the same segment and time left. No
 * timer runs here: time left is computed from `startedAt` wherever it is shown, and the cue
 * when a segment's time is up is the browser's. Only facilitators move it (socket.ts).
 */
export class AgendaClock {
  readonly #segments: AgendaSegment[];
  readonly #now: () => number;
  readonly #changed: (state: AgendaState) => void;
  #index = 0;
  #startedAt: number | null = null;
  #extendedMinutes = 0;

  constructor(
    segments: AgendaSegment[],
    changed: (state: AgendaState) => void,
    now: () => number = Date.now,
  ) {
    this.#segments = segments;
    this.#changed = changed;
    this.#now = now;
  }

  state(): AgendaState {
    return {
      segments: this.#segments,
      index: this.#index,
      startedAt: this.#startedAt,
      extendedMinutes: this.#extendedMinutes,
      serverNow: this.#now(),
    };
  }

  /** Starts the current segment's time, or starts it again from its full length. */
  start(): AgendaState {
    return this.#moveTo(this.#index);
  }

  next(): AgendaState {
    if (this.#index >= this.#segments.length - 1)
      throw new AppError('INVALID_TRANSITION', 'this is the last segment');
    return this.#moveTo(this.#index + 1);
  }

  back(): AgendaState {
    if (this.#index === 0) throw new AppError('INVALID_TRANSITION', 'this is the first segment');
    return this.#moveTo(this.#index - 1);
  }

  extend(minutes: number): AgendaState {
    const segment = this.#segments[this.#index] as AgendaSegment;
    if (this.#startedAt === null)
      throw new AppError('INVALID_TRANSITION', 'start the segment before extending it');
    if (segment.minutes + this.#extendedMinutes + minutes > SEGMENT_MAX_MINUTES)
      throw new AppError('INVALID_INPUT', `a segment lasts at most ${SEGMENT_MAX_MINUTES} minutes`);
    this.#extendedMinutes += minutes;
    return this.#publish();
  }

  #moveTo(index: number): AgendaState {
    this.#index = index;
    this.#startedAt = this.#now();
    this.#extendedMinutes = 0;
    return this.#publish();
  }

  #publish(): AgendaState {
    const state = this.state();
    this.#changed(state);
    return state;
  }
}
