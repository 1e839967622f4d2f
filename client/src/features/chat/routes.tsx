import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { CHAT_PATHS } from './paths.ts';

const GroupChatPage = lazyPage(() => import('./pages/GroupChatPage.tsx'), 'GroupChatPage');
const ChatsPage = lazyPage(() => import('./pages/ChatsPage.tsx'), 'ChatsPage');

/** The chat's pages; the socket and the chat's code load only here. */
export function chatRoutes(): ReactElement[] {
  return [
    <Route key="chats" path={CHAT_PATHS.chats}>
      <ChatsPage />
    </Route>,
    <Route key="group-chat" path="/groups/:id/chat">
      {(params: { id: string }) => <GroupChatPage key={params.id} id={params.id} />}
    </Route>,
  ];
}
