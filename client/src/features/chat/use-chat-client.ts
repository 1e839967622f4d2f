import { useEffect, useState } from 'react';
import { NAMESPACES } from '../../../../shared/protocol.ts';
import { connectNamespace } from '../../net/socket.ts';
import { ChatClient, type ChatSocket } from './chat-client.ts';
import { useChatStore } from './chat-context.ts';

/** One ChatClient (one `/chat` socket) while a chat page is shown; closed when it goes. */
export function useNewChatClient(selfId: string): ChatClient | null {
  const [client, setClient] = useState<ChatClient | null>(null);
  useEffect(() => {
    const created = new ChatClient(
      selfId,
      useChatStore,
      (onRefused) => connectNamespace(NAMESPACES.chat, { onRefused }) as ChatSocket,
    );
    setClient(created);
    return () => created.close();
  }, [selfId]);
  return client;
}
