import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { CONTACT_PATHS } from './paths.ts';

const ContactsPage = lazyPage(() => import('./pages/ContactsPage.tsx'), 'ContactsPage');
const PrivateChatPage = lazyPage(() => import('./pages/PrivateChatPage.tsx'), 'PrivateChatPage');

/** Contacts and private conversations (they ride on the chat's socket, loaded only here). */
export function contactRoutes(): ReactElement[] {
  return [
    <Route key="contacts" path={CONTACT_PATHS.contacts}>
      <ContactsPage />
    </Route>,
    <Route key="private-chat" path="/chats/private/:id">
      {(params: { id: string }) => <PrivateChatPage key={params.id} id={params.id} />}
    </Route>,
  ];
}
