import type { ChatMessage } from '../../shared/chat/schemas.ts';

/**
 * A group's new lines go out together when several are ready close together: one
 * `chat:messages` packet per member socket instead of one `chat:message` per line.
 *
 * Why: a line to a group of 500 costs each node a frame, a write and (on the member's side) a
 * parse per socket, and at a hundred lines a second that fan-out is what fills the cores
 * (bench:chat). So a line that follows the node's previous one within QUIET_MS (a node
 * carrying more than 50 lines a second) waits for the end of the event loop's turn
 * (`setImmediate`, no timer) and goes with whatever else is ready by then. A line after a
 * quiet spell goes out at once, as `chat:message`, with nothing added to its delivery.
 * bench:chat tried both ends: every line waiting for the turn's end cost 10,000/s about 1 ms
 * of p50; a 5 ms spell batched too little at 50,000/s, where lines come 10 ms apart.
 *
 * Order is kept: lines of a room go out in the order they were added (a line never goes out
 * at once while its room has lines waiting), and `flush(room)` sends a room's waiting lines
 * at once, for an event that must follow them (a withdrawal).
 */
/** A line closer than this behind the node's previous one (over 50 a second) is batched. */
export const QUIET_MS = 20;

export class LineBatches {
  readonly #pending = new Map<string, ChatMessage[]>();
  readonly #send: (room: string, lines: ChatMessage[]) => void;
  readonly #now: () => number;
  #lastAdded = Number.NEGATIVE_INFINITY;
  #scheduled = false;

  /** `send` gets one room's lines, one or more, in order. */
  constructor(send: (room: string, lines: ChatMessage[]) => void, now = () => performance.now()) {
    this.#send = send;
    this.#now = now;
  }

  add(room: string, line: ChatMessage): void {
    const now = this.#now();
    const quiet = now - this.#lastAdded >= QUIET_MS;
    this.#lastAdded = now;
    const waiting = this.#pending.get(room);
    if (!waiting && quiet) {
      this.#send(room, [line]);
      return;
    }
    if (waiting) waiting.push(line);
    else this.#pending.set(room, [line]);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      for (const room of [...this.#pending.keys()]) this.flush(room);
    });
  }

  flush(room: string): void {
    const lines = this.#pending.get(room);
    if (!lines) return;
    this.#pending.delete(room);
    this.#send(room, lines);
  }
}
