import type { StoreApi } from 'zustand';
import type { ChatClientToServer, ChatServerToClient } from '../../../../shared/chat/events.ts';
import type { ChatMessage } from '../../../../shared/chat/schemas.ts';
import type {
  ClientToServerEvents,
  ConnectRefusal,
  ServerToClientEvents,
} from '../../../../shared/protocol.ts';
import type { HavenSocket } from '../../net/socket.ts';
import { bindChatEvents } from './chat-events.ts';
import { ChatModeration } from './chat-moderation.ts';
import {
  catchUpCursor,
  compareIds,
  emptyLines,
  messageUpdated,
  olderPage,
  oldestId,
  summariesWithArrivals,
  summaryRead,
} from './chat-state.ts';
import { LineSender } from './line-sender.ts';
import { ListArrivals } from './list-arrivals.ts';
import { NewerReads } from './newer-reads.ts';
import { OnlineWatch } from './online-watch.ts';
import { type ChatRequester, chatErrorOf, makeChatRequester } from './signalling.ts';
import {
  type ChatState,
  initialChatState,
  readingLines,
  updateGroups,
  updateLines,
} from './store.ts';

/**
 * Being in the group chat, without drawing it: the `/chat` socket, the open group's pages,
 * sending (with a clientId kept for retries), catching up after a reconnect, typing and
 * read marks. React-free, as the live meeting's MeetingClient.
 */

export type ChatSocket = HavenSocket<
  ChatServerToClient & ServerToClientEvents,
  ChatClientToServer & ClientToServerEvents
>;
export type ChatSocketFactory = (onRefused: (refusal: ConnectRefusal) => void) => ChatSocket;

export const FIRST_PAGE = 50;
/** At most one "typing" signal this often; others see it for a few seconds (timeline.ts). */
export const TYPING_EVERY_MS = 3_000;

export class ChatClient {
  readonly selfId: string;
  readonly #store: StoreApi<ChatState>;
  readonly #socket: ChatSocket;
  readonly #request: ChatRequester;
  /** Requests on this client's socket, for features beside the group chat (contacts). */
  readonly request: ChatRequester;
  /** The open group's settings, and its moderators' tools. */
  readonly moderation: ChatModeration;
  readonly #sender: LineSender;
  readonly #newer: NewerReads;
  #closed = false;
  #connectedOnce = false;
  #lastTyping = 0;
  #readUpTo: string | null = null;
  /** The group asked for; its first page may not have arrived yet. */
  #groupId: string | null = null;
  #catchingUp = false;
  /** A reconnect came while catching up: catch up again once done. */
  #catchUpAgain = false;
  /** Counts opens: an answer to an earlier open of the same group is not this one's. */
  #opening = 0;
  /** This tab in use or in the background, as the page last said (setVisible). */
  #presence: 'online' | 'away' = 'online';

  constructor(selfId: string, store: StoreApi<ChatState>, connect: ChatSocketFactory) {
    this.selfId = selfId;
    store.setState(initialChatState, true);
    // The store outlives this client (the next chat page makes another): an answer that
    // arrives, or times out, after close() must not write over the next page's state.
    this.#store = {
      ...store,
      setState: ((...args: Parameters<typeof store.setState>) => {
        if (!this.#closed) store.setState(...args);
      }) as typeof store.setState,
    };
    this.#socket = connect((refusal) => this.#refused(refusal));
    this.#request = makeChatRequester(this.#socket);
    this.request = this.#request;
    this.#newer = new NewerReads(
      this.#store,
      this.#request,
      (groupId) => !this.#closed && this.#groupId === groupId,
    );
    this.#sender = new LineSender(this.#store, this.#request, (error) => this.#notice(error));
    this.moderation = new ChatModeration(
      this.#request,
      this.#store,
      () => this.#groupId,
      (error) => this.#notice(error),
    );
    this.#listen();
  }

  get state(): ChatState {
    return this.#store.getState();
  }

  #listen(): void {
    const socket = this.#socket;
    socket.on('connect', () => {
      const again = this.#connectedOnce;
      this.#connectedOnce = true;
      this.#newer.connected();
      this.#store.setState({ connection: 'online' });
      this.#tellPresence();
      // The header's badge counts from the chat list, on every page: fresh on each connect.
      void this.loadGroups({ quiet: true });
      // Lines whose ack never came go again once caught up, with a chat page open or not.
      if (again) void this.#catchUp().finally(() => this.#sender.afterReconnect());
    });
    socket.on('disconnect', (reason) => {
      if (this.#closed) return;
      this.#store.setState({ connection: 'reconnecting' });
      // The server closed the socket itself (a restart): Socket.IO does not retry that alone.
      if (reason === 'io server disconnect')
        setTimeout(() => this.#closed || socket.connect(), 1_000);
    });
    bindChatEvents(socket, this.#store, this.selfId, this.#arrivals.log);
    // A contact accepted (or ended): their conversation joins (or leaves) the chat list.
    socket.on('contact:changed', () => void this.loadGroups({ quiet: true }));
    socket.on('chat:presence', () => this.#online.moved());
  }

  /** Listens to a push on this client's socket; returns how to stop. */
  on<K extends keyof ChatServerToClient>(event: K, listener: ChatServerToClient[K]): () => void {
    const socket = this.#socket as unknown as {
      on(e: string, l: unknown): void;
      off(e: string, l: unknown): void;
    };
    socket.on(event, listener);
    return () => socket.off(event, listener);
  }

  #refused(refusal: ConnectRefusal): void {
    this.#store.setState({ loadError: refusal.code });
  }

  /** Opens a group: its newest page, and who of its members is here. */
  async open(groupId: string): Promise<void> {
    this.#groupId = groupId;
    this.#readUpTo = null;
    this.#store.setState({
      lines: null,
      loadError: null,
      typing: [],
      loadingOlder: false,
      members: null,
      slowMode: null,
    });
    void this.#loadWho(groupId);
    void this.moderation.loadSettings(groupId);
    const meanwhile = readingLines(this.#store);
    const startedAt = Date.now();
    const opening = ++this.#opening;
    const current = () => this.#groupId === groupId && this.#opening === opening;
    try {
      const page = await this.#request('chat:history', { groupId, limit: FIRST_PAGE });
      if (!current()) return;
      const lines = olderPage(emptyLines(groupId, this.selfId), page.messages, page.more);
      this.#store.setState({ lines: meanwhile.onto(lines) });
      this.#newer.againIfEarly(groupId, oldestId(lines), startedAt);
    } catch (error) {
      if (current()) this.#store.setState({ loadError: chatErrorOf(error).code });
    } finally {
      meanwhile.end();
    }
  }

  /** The chat page went (the client stays, for the header's badge): no group is open now. */
  leave(groupId: string): void {
    if (this.#groupId !== groupId) return;
    this.#groupId = null;
    this.#readUpTo = null;
    this.#store.setState({
      lines: null,
      loadError: null,
      typing: [],
      members: null,
      slowMode: null,
    });
  }

  /**
   * Who is here. Without Redis the server has no presence (UNAVAILABLE): nothing is shown
   * then, rather than everyone offline.
   */
  async #loadWho(groupId: string): Promise<void> {
    try {
      const { members } = await this.#request('chat:who', { groupId });
      if (this.#groupId === groupId) this.#store.setState({ members });
    } catch {
      if (this.#groupId === groupId) this.#store.setState({ members: null });
    }
  }

  /** The page is shown or went to the background: others see this member online or away. */
  setVisible(visible: boolean): void {
    const state = visible ? 'online' : 'away';
    if (state === this.#presence) return;
    this.#presence = state;
    this.#tellPresence();
  }

  /** Said on every connect too: a new connection counts as in use until told otherwise. */
  #tellPresence(): void {
    if (!this.#socket.connected) return;
    this.#request('chat:presence', { state: this.#presence }).catch(() => undefined);
  }

  /** After a reconnect: whatever arrived meanwhile, page by page, so nothing is missed. */
  async #catchUp(): Promise<void> {
    const lines = this.state.lines;
    // Presence changed unseen while disconnected.
    if (this.#groupId) void this.#loadWho(this.#groupId);
    if (!lines) {
      if (this.#groupId) await this.open(this.#groupId);
      return;
    }
    if (this.#catchingUp) {
      this.#catchUpAgain = true;
      return;
    }
    this.#catchingUp = true;
    const startedAt = Date.now();
    try {
      // No lines yet: the newest page, laid over what is here (a line failed offline stays).
      const after = catchUpCursor(lines);
      await this.#newer.after(lines.groupId, after);
      this.#newer.againIfEarly(lines.groupId, after, startedAt);
    } catch (error) {
      this.#notice(error);
    } finally {
      this.#catchingUp = false;
    }
    if (this.#catchUpAgain) {
      this.#catchUpAgain = false;
      await this.#catchUp();
    }
  }

  /** "Load older messages", or scrolling to the top. */
  async loadOlder(): Promise<void> {
    const { lines, loadingOlder } = this.state;
    const before = lines && oldestId(lines);
    if (!lines || !before || !lines.hasOlder || loadingOlder) return;
    this.#store.setState({ loadingOlder: true });
    try {
      const page = await this.#request('chat:history', {
        groupId: lines.groupId,
        before,
        limit: FIRST_PAGE,
      });
      updateLines(this.#store, (l) => olderPage(l, page.messages, page.more), lines.groupId);
    } catch (error) {
      this.#notice(error);
    } finally {
      this.#store.setState({ loadingOlder: false });
    }
  }

  /** Shows the line at once; the stored one replaces it (ack or broadcast, whichever first). */
  send(text: string, replyTo: ChatMessage | null = null, mentions: string[] = []): void {
    this.#sender.send(text, replyTo, mentions);
  }

  /** Sends a failed line again with the same clientId: the server never stores it twice. */
  retry(clientId: string): Promise<void> {
    return this.#sender.retry(clientId);
  }

  discard(clientId: string): void {
    this.#sender.discard(clientId);
  }

  edit(messageId: string, text: string): Promise<boolean> {
    return this.#change(() => this.#request('chat:edit', { messageId, text }));
  }

  remove(messageId: string): Promise<boolean> {
    return this.#change(() => this.#request('chat:delete', { messageId }));
  }

  react(messageId: string, emoji: string, on: boolean): Promise<boolean> {
    return this.#change(() => this.#request('chat:react', { messageId, emoji, on }));
  }

  async #change(run: () => Promise<ChatMessage>): Promise<boolean> {
    try {
      const message = await run();
      updateLines(this.#store, (l) => messageUpdated(l, message));
      return true;
    } catch (error) {
      this.#notice(error);
      return false;
    }
  }

  /** Someone is typing here: told to the others at most every few seconds. */
  typing(): void {
    const groupId = this.state.lines?.groupId;
    const now = Date.now();
    if (!groupId || now - this.#lastTyping < TYPING_EVERY_MS || !this.#socket.connected) return;
    this.#lastTyping = now;
    this.#request('chat:typing', { groupId }).catch(() => undefined);
  }

  /** The newest line is on screen: the group is read up to it (once per line). */
  markRead(messageId: string): void {
    const groupId = this.state.lines?.groupId;
    if (!groupId || (this.#readUpTo && compareIds(messageId, this.#readUpTo) <= 0)) return;
    this.#readUpTo = messageId;
    this.#request('chat:read', { groupId, messageId })
      .then(() => updateGroups(this.#store, (groups) => summaryRead(groups, groupId)))
      .catch(() => {
        this.#readUpTo = null;
      });
  }

  /**
   * The member's groups with their unread lines and mentions: the chat list and the header's
   * badge. `quiet` (the load on connecting): a failure keeps what was there, unannounced.
   */
  async loadGroups({ quiet = false }: { quiet?: boolean } = {}): Promise<void> {
    try {
      const { result, arrived } = await this.#arrivals.during(() =>
        this.#request('chat:groups', { online: this.#online.on }),
      );
      this.#store.setState((s) => ({
        groups: summariesWithArrivals(
          result.groups,
          arrived,
          this.selfId,
          s.lines?.groupId ?? null,
        ),
        groupsError: null,
      }));
    } catch (error) {
      if (!quiet) this.#store.setState({ groupsError: chatErrorOf(error).code });
    }
  }

  /** What comes while the chat list is read may be missing from it: laid over it after. */
  readonly #arrivals = new ListArrivals();

  readonly #online = new OnlineWatch(() => void this.loadGroups({ quiet: true }));

  /** While the chat list is shown, it says who is online in each chat (online-watch.ts). */
  watchOnline(on: boolean): void {
    this.#online.set(on);
    if (on) void this.loadGroups();
  }

  #notice(error: unknown): void {
    const { code, retryAfter } = chatErrorOf(error);
    const wait = code === 'RATE_LIMITED' || code === 'MUTED' ? retryAfter : null;
    this.#store.setState({ notice: { code, wait, at: Date.now() } });
  }

  dismissNotice(): void {
    this.#store.setState({ notice: null });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#online.stop();
    this.#newer.stop();
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
  }
}
