import type { StoreApi } from 'zustand';
import { NAMESPACES } from '../../../../shared/protocol.ts';
import { connectNamespace } from '../../net/socket.ts';
import { ChatClient, type ChatSocket } from './chat-client.ts';
import type { ChatState } from './store.ts';

/** Loaded on demand: the socket and the chat client stay out of the first page's bundle. */
export function connectChat(selfId: string, store: StoreApi<ChatState>): ChatClient {
  return new ChatClient(
    selfId,
    store,
    (onRefused) => connectNamespace(NAMESPACES.chat, { onRefused }) as ChatSocket,
  );
}
