import { useEffect, useState } from 'react';
import type { ChatClient } from './chat-client.ts';
import { useChatStore } from './chat-context.ts';
import { initialChatState } from './store.ts';

/**
 * The tab's one ChatClient (one `/chat` socket) while a member is signed in: the chat pages
 * and the header's unread badge share it, so moving between pages opens no new connection.
 * Its code loads after first paint, and it tells the server when the tab goes to the
 * background (away) or comes back (online).
 */
export function useTabChatClient(selfId: string | null): ChatClient | null {
  const [client, setClient] = useState<ChatClient | null>(null);
  useEffect(() => {
    if (!selfId) return;
    let created: ChatClient | null = null;
    let gone = false;
    const visibility = () => created?.setVisible(document.visibilityState === 'visible');
    void import('./connect-chat.ts').then(({ connectChat }) => {
      if (gone) return;
      created = connectChat(selfId, useChatStore);
      visibility();
      setClient(created);
    });
    document.addEventListener('visibilitychange', visibility);
    return () => {
      gone = true;
      document.removeEventListener('visibilitychange', visibility);
      created?.close();
      setClient(null);
      // Signed out (or another member): their counts must not show for a moment after.
      useChatStore.setState(initialChatState, true);
    };
  }, [selfId]);
  return client;
}
