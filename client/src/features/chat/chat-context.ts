import { createContext, useContext } from 'react';
import type { ChatClient } from './chat-client.ts';
import { createChatStore } from './store.ts';

/** The chat a tab has open: its store, and the client components call. */
export const useChatStore = createChatStore();

export const ChatClientContext = createContext<ChatClient | null>(null);

export function useChatClient(): ChatClient {
  const client = useContext(ChatClientContext);
  if (!client) throw new Error('useChatClient outside a chat page');
  return client;
}
