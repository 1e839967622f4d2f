import { createContext, useContext } from 'react';
import type { ChatClient } from './chat-client.ts';
import { createChatStore } from './store.ts';

/** The tab's chat: its store, and the client components call (null while signed out). */
export const useChatStore = createChatStore();

export const ChatClientContext = createContext<ChatClient | null>(null);

/** The tab's ChatClient, or null before it has loaded (or when signed out). */
export function useTabChat(): ChatClient | null {
  return useContext(ChatClientContext);
}

export function useChatClient(): ChatClient {
  const client = useContext(ChatClientContext);
  if (!client) throw new Error('useChatClient outside a chat page');
  return client;
}
