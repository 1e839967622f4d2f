import type { ChatMessage } from '../../shared/chat/schemas.ts';

/**
 * A group's new lines go out together when several are ready in the same turn of the event
 * loop: one `chat:messages` packet per member socket instead of one `chat:message` per line.
 *
 * Why: a line to a group of 500 costs each node a frame, a write and (on the member's side) a
 * parse per socket, and at a hundred lines a second that fan-out is what fills the cores
 * (bench:chat). Lines pile up between turns only when a node is busy, so batches form exactly
 * then, and each saves a frame per member. A line alone in its turn goes out as
 * `chat:message`, one `setImmediate` later than it would have: right after the I/O callbacks
 * of the same turn, well under a millisecond. Nothing waits on a timer.
 *
 * Order is kept: lines of a room go out in the order they were added, and `flush(room)`
 * sends a room's waiting lines at once, for an event that must follow them (a withdrawal).
 */
export class LineBatches {
  readonly #pending = new Map<string, ChatMessage[]>();
  readonly #send: (room: string, lines: ChatMessage[]) => void;
  #scheduled = false;

  /** `send` gets one room's lines, one or more, in order. */
  constructor(send: (room: string, lines: ChatMessage[]) => void) {
    this.#send = send;
  }

  add(room: string, line: ChatMessage): void {
    const waiting = this.#pending.get(room);
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
