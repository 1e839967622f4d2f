import type { StoreApi } from 'zustand';
import { CHAT_HISTORY_MAX, type ChatMessage } from '../../../../shared/chat/schemas.ts';
import { newerPage } from './chat-state.ts';
import type { ChatRequester } from './signalling.ts';
import { type ChatState, updateLines } from './store.ts';

/**
 * How long after connecting a read may miss a line: one shown before the socket's rooms were
 * joined (a line is shown while it is written, docs/chat.md) and stored after the read. The
 * server holds a line at most 100 ms before its insert (line-writes.ts); this leaves room for
 * a slow insert. A read that soon is made again once this has passed.
 */
export const LATE_WRITE_MS = 2_000;

/** Reading the open group's newer lines: catching up after a reconnect, and reading again. */
export class NewerReads {
  readonly #store: StoreApi<ChatState>;
  readonly #request: ChatRequester;
  readonly #stillOpen: (groupId: string) => boolean;
  #connectedAt = Number.NEGATIVE_INFINITY;

  constructor(
    store: StoreApi<ChatState>,
    request: ChatRequester,
    /** Whether a late read of this group is still wanted (the client open, the group too). */
    stillOpen: (groupId: string) => boolean,
  ) {
    this.#store = store;
    this.#request = request;
    this.#stillOpen = stillOpen;
  }

  /** The socket (re)connected: its rooms are joined from now. */
  connected(): void {
    this.#connectedAt = Date.now();
  }

  /** The group's lines after `after` (its newest without it), laid over what is here. */
  async after(groupId: string, after: string | null): Promise<void> {
    for (let from = after; ; ) {
      const page: { messages: ChatMessage[]; more: boolean } = await this.#request(
        'chat:history',
        from
          ? { groupId, after: from, limit: CHAT_HISTORY_MAX }
          : { groupId, limit: CHAT_HISTORY_MAX },
      );
      updateLines(this.#store, (l) => newerPage(l, page.messages));
      if (!from || !page.more || page.messages.length === 0) return;
      from = page.messages.at(-1)?.id ?? from;
    }
  }

  /** A read begun within LATE_WRITE_MS of connecting is made again after that (quietly). */
  againIfEarly(groupId: string, after: string | null, startedAt: number): void {
    const due = this.#connectedAt + LATE_WRITE_MS;
    if (startedAt >= due) return;
    setTimeout(
      () => {
        if (this.#stillOpen(groupId)) this.after(groupId, after).catch(() => undefined);
      },
      Math.max(0, due - Date.now()),
    );
  }
}
