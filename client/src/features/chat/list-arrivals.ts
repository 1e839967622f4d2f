import type { Arrivals } from './chat-state.ts';

/**
 * The lines and mentions pushed while the chat list is being read: the list may not count
 * them (chat-state.ts, summariesWithArrivals). Kept only while a load is in flight.
 */
export class ListArrivals {
  /** What bindChatEvents appends to (chat-events.ts). */
  readonly log: Arrivals = { messages: [], mentions: [] };
  #loading = 0;

  /** Runs `load`, and gives what came while it ran. */
  async during<T>(load: () => Promise<T>): Promise<{ result: T; arrived: Arrivals }> {
    const from = { messages: this.log.messages.length, mentions: this.log.mentions.length };
    this.#loading++;
    try {
      const result = await load();
      return {
        result,
        arrived: {
          messages: this.log.messages.slice(from.messages),
          mentions: this.log.mentions.slice(from.mentions),
        },
      };
    } finally {
      if (--this.#loading === 0) {
        this.log.messages.length = 0;
        this.log.mentions.length = 0;
      }
    }
  }
}
