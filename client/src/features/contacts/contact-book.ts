import type { StoreApi } from 'zustand';
import type { Contact } from '../../../../shared/chat/contacts.ts';
import type { ChatClient } from '../chat/chat-client.ts';
import { chatErrorOf } from '../chat/signalling.ts';
import {
  type ContactsState,
  initialContactsState,
  lineArrived,
  presenceChanged,
} from './contacts-state.ts';

/**
 * The member's contacts over the chat's socket, without drawing them: the list, requests,
 * answers and blocks, kept current by the server's pushes (a change between two members,
 * a contact's presence, a new private line). React-free, as the ChatClient it rides on.
 */
export class ContactBook {
  readonly #client: ChatClient;
  readonly #store: StoreApi<ContactsState>;
  readonly #stop: Array<() => void> = [];
  /** The private conversation on screen, whose lines are read as they come. */
  openConversation: string | null = null;

  constructor(client: ChatClient, store: StoreApi<ContactsState>) {
    this.#client = client;
    this.#store = store;
    store.setState(initialContactsState, true);
    this.#stop.push(
      client.on('contact:changed', () => void this.load()),
      client.on('chat:presence', (presence) => this.#update((c) => presenceChanged(c, presence))),
      client.on('chat:message', (line) =>
        this.#update((c) => lineArrived(c, line, client.selfId, this.openConversation)),
      ),
      client.on('chat:messages', (lines) =>
        this.#update((c) =>
          lines.reduce(
            (book, line) => lineArrived(book, line, client.selfId, this.openConversation),
            c,
          ),
        ),
      ),
      client.on('connect' as never, (() => void this.load()) as never),
    );
  }

  async load(): Promise<void> {
    try {
      const { contacts } = await this.#client.request('contact:list', {});
      this.#store.setState({ contacts, loadError: null });
    } catch (error) {
      this.#store.setState({ loadError: chatErrorOf(error).code });
    }
  }

  /** The contact whose conversation this is, once the list is in. */
  byConversation(conversationId: string): Contact | undefined {
    return this.#store.getState().contacts?.find((c) => c.conversationId === conversationId);
  }

  request(userId: string) {
    return this.#act(() => this.#client.request('contact:request', { userId }));
  }

  respond(userId: string, accept: boolean) {
    return this.#act(() => this.#client.request('contact:respond', { userId, accept }));
  }

  remove(userId: string) {
    return this.#act(() => this.#client.request('contact:remove', { userId }));
  }

  block(userId: string) {
    return this.#act(() => this.#client.request('contact:block', { userId }));
  }

  unblock(userId: string) {
    return this.#act(() => this.#client.request('contact:unblock', { userId }));
  }

  /** The conversation is read up to its newest line: no unread left there. */
  markRead(conversationId: string): void {
    this.#update((contacts) =>
      contacts.map((c) => (c.conversationId === conversationId ? { ...c, unread: 0 } : c)),
    );
  }

  dismissNotice(): void {
    this.#store.setState({ notice: null });
  }

  close(): void {
    for (const stop of this.#stop.splice(0)) stop();
  }

  /** Runs an action; the list is asked again after it (the answer may change several rows). */
  async #act(run: () => Promise<{ contact: Contact | null }>): Promise<boolean> {
    try {
      await run();
      this.#store.setState({ notice: null });
      await this.load();
      return true;
    } catch (error) {
      this.#store.setState({ notice: chatErrorOf(error).code });
      return false;
    }
  }

  #update(change: (contacts: Contact[]) => Contact[]): void {
    this.#store.setState((s) => (s.contacts ? { contacts: change(s.contacts) } : {}));
  }
}
