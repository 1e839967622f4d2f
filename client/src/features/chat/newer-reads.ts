import type { StoreApi } from 'zustand';
import { CHAT_HISTORY_MAX, type ChatMessage } from '../../../../shared/chat/schemas.ts';
import { compareIds, refreshedPage } from './chat-state.ts';
import type { ChatRequester } from './signalling.ts';
import { type ChatState, readingLines, updateLines } from './store.ts';

/**
 * How long a line shown before a socket's rooms were joined may take to be stored: such a
 * line (a line is shown while it is written, docs/chat.md) reached the socket as no push,
 * and a read made before it was stored misses it too. The server holds a line at most
 * 100 ms before its insert (line-writes.ts); this leaves room for a slow insert.
 */
export const LATE_WRITE_MS = 2_000;

/** Reading the open group's newer lines: catching up after a reconnect, and reading again. */
export class NewerReads {
  readonly #store: StoreApi<ChatState>;
  readonly #request: ChatRequester;
  readonly #stillOpen: (groupId: string) => boolean;
  /** When the first read after the latest connect was answered: its rooms were joined by then. */
  #joinedBy: number | null = null;
  #again: { groupId: string; after: string | null; timer: ReturnType<typeof setTimeout> } | null =
    null;

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

  /** The socket (re)connected: the server joins its rooms anew. */
  connected(): void {
    this.#joinedBy = null;
  }

  /**
   * The group's lines after `after` (its newest without it), laid over what is here: a
   * line read again stands for the copy here (what changed in it while away).
   */
  async after(groupId: string, after: string | null): Promise<void> {
    for (let from = after; ; ) {
      const meanwhile = readingLines(this.#store);
      let page: { messages: ChatMessage[]; more: boolean };
      try {
        page = await this.#request(
          'chat:history',
          from
            ? { groupId, after: from, limit: CHAT_HISTORY_MAX }
            : { groupId, limit: CHAT_HISTORY_MAX },
        );
      } finally {
        meanwhile.end();
      }
      // Laid under what was pushed while it was read (newer than the page); this group's only.
      updateLines(this.#store, (l) => meanwhile.onto(refreshedPage(l, page.messages)), groupId);
      if (!this.#stillOpen(groupId)) return;
      const last = page.messages.at(-1)?.id;
      // A page that does not move past where it began would be asked for again forever.
      if (!from || !page.more || !last || compareIds(last, from) <= 0) return;
      from = last;
    }
  }

  /**
   * A read of `groupId` after `after`, begun at `startedAt`, has just been answered. The
   * server answers a read only once the socket is in its rooms, so the first answer after
   * connecting bounds when they were joined: a read begun less than LATE_WRITE_MS after that
   * may miss a line shown before, and is made again then. Several such reads (reconnects
   * in a row) make one, from the lowest line asked for.
   */
  againIfEarly(groupId: string, after: string | null, startedAt: number): void {
    const now = Date.now();
    this.#joinedBy ??= now;
    const due = this.#joinedBy + LATE_WRITE_MS;
    if (startedAt >= due) return;
    const waiting = this.#again?.groupId === groupId ? this.#again : null;
    this.stop();
    const from = waiting ? lower(waiting.after, after) : after;
    const timer = setTimeout(
      () => {
        this.#again = null;
        if (this.#stillOpen(groupId)) this.after(groupId, from).catch(() => undefined);
      },
      Math.max(0, due - now),
    );
    this.#again = { groupId, after: from, timer };
  }

  /** No read again is wanted (the client closed). */
  stop(): void {
    if (this.#again) clearTimeout(this.#again.timer);
    this.#again = null;
  }
}

/** Of two cursors, the one further back; null (the newest page: there were no lines) gives way. */
function lower(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return compareIds(a, b) <= 0 ? a : b;
}
