import type { StoreApi } from 'zustand';
import type { ChatMessage } from '../../../../shared/chat/schemas.ts';
import {
  hasOwnCopy,
  messageStored,
  type PendingLine,
  pendingAdded,
  pendingDiscarded,
  sendFailedLine,
  sendRetried,
} from './chat-state.ts';
import { type ChatRequester, chatErrorOf } from './signalling.ts';
import { type ChatState, updateLines } from './store.ts';
import { newClientId } from './text.ts';

/**
 * This member's own lines on their way: shown at once as pending, sent with a clientId kept
 * for retries, settled by the ack or by the broadcast, whichever comes first.
 *
 * A line the group already saw (shown while written, send-claims.ts on the server) that then
 * fails for want of the server (UNAVAILABLE: a timeout, or its node going down) may not have
 * been stored, and nothing on screen says so: it is kept, and sent again with the same
 * clientId after the next reconnect (`afterReconnect`). The server stores it once either
 * way; if it was not stored, the stored line takes the shown copy's place. Refused outright
 * on that later try (the member was banned meanwhile), it is let go.
 */
export class LineSender {
  readonly #store: StoreApi<ChatState>;
  readonly #request: ChatRequester;
  readonly #notice: (error: unknown) => void;
  readonly #unconfirmed = new Map<string, { groupId: string; line: PendingLine }>();

  constructor(store: StoreApi<ChatState>, request: ChatRequester, notice: (e: unknown) => void) {
    this.#store = store;
    this.#request = request;
    this.#notice = notice;
  }

  /** Shows the line at once; the stored one replaces it (ack or broadcast, whichever first). */
  send(text: string, replyTo: ChatMessage | null, mentions: string[]): void {
    const groupId = this.#store.getState().lines?.groupId;
    if (!groupId) return;
    const clientId = newClientId();
    const reply = replyTo
      ? { id: replyTo.id, senderName: replyTo.senderName, excerpt: replyTo.text }
      : null;
    // Its group's only, also when replayed over another's page (store.ts, readingLines).
    updateLines(
      this.#store,
      (l) => pendingAdded(l, { clientId, text, replyTo: reply, mentions, createdAt: Date.now() }),
      groupId,
    );
    void this.#deliver(clientId);
  }

  /** Sends a failed line again with the same clientId: the server never stores it twice. */
  retry(clientId: string): Promise<void> {
    updateLines(this.#store, (l) => sendRetried(l, clientId));
    return this.#deliver(clientId);
  }

  discard(clientId: string): void {
    updateLines(this.#store, (l) => pendingDiscarded(l, clientId));
  }

  /** Back online: lines that failed while offline, and unconfirmed ones, go again. */
  afterReconnect(): void {
    for (const line of this.#store.getState().lines?.pending ?? [])
      if (line.status === 'failed' && line.error === 'UNAVAILABLE') void this.retry(line.clientId);
    for (const [clientId, unconfirmed] of this.#unconfirmed) {
      this.#unconfirmed.delete(clientId);
      void this.#deliver(clientId, unconfirmed);
    }
  }

  /** Sends a pending line, or `again` an unconfirmed one, and settles it by the answer. */
  async #deliver(clientId: string, again?: { groupId: string; line: PendingLine }): Promise<void> {
    const lines = this.#store.getState().lines;
    const line = again?.line ?? lines?.pending.find((p) => p.clientId === clientId);
    const groupId = again?.groupId ?? lines?.groupId;
    if (!line || !groupId) return;
    try {
      const stored = await this.#request('chat:send', {
        groupId,
        clientId,
        text: line.text,
        ...(line.replyTo ? { replyTo: line.replyTo.id } : {}),
        ...(line.mentions.length > 0 ? { mentions: line.mentions } : {}),
      });
      updateLines(this.#store, (l) => messageStored(l, stored));
    } catch (error) {
      const { code } = chatErrorOf(error);
      const now = this.#store.getState().lines;
      const shown = now?.groupId === groupId && hasOwnCopy(now, clientId);
      if (code === 'UNAVAILABLE' && (again || shown))
        this.#unconfirmed.set(clientId, { groupId, line });
      if (again) return;
      // The member may have opened another group meanwhile: the line is its own group's.
      updateLines(this.#store, (l) => sendFailedLine(l, line, code), groupId);
      if (code === 'RATE_LIMITED' || code === 'MUTED') this.#notice(error);
    }
  }
}
