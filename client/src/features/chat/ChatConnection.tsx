import type { ReactNode } from 'react';
import { useHavenStore } from '../../store/index.ts';
import { ChatClientContext } from './chat-context.ts';
import { useTabChatClient } from './use-chat-client.ts';

/** Around the whole app: one chat connection per tab for a signed-in member. */
export function ChatConnection({ children }: { children: ReactNode }) {
  const selfId = useHavenStore((s) => s.user?.id ?? null);
  const client = useTabChatClient(selfId);
  return <ChatClientContext.Provider value={client}>{children}</ChatClientContext.Provider>;
}
