import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import { Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { useTabChat } from '../../chat/chat-context.ts';
import { ChatPanel } from '../../chat/components/ChatPanel.tsx';
import { PresenceText } from '../components/PresenceText.tsx';
import { useContactsStore } from '../contacts-state.ts';
import { CONTACT_PATHS } from '../paths.ts';
import { useContactBook } from '../use-contact-book.ts';
import '../../chat/chat.css';

/** `/chats/private/:id`: a private conversation between two contacts. */
export function PrivateChatPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('contacts.chatTitle')} text={t('contacts.signedOut')}>
      {(user) => <PrivateChat id={id} user={user} />}
    </MembersOnly>
  );
}

function PrivateChat({ id, user }: { id: string; user: OwnUser }) {
  const { t } = useTranslation();
  const client = useTabChat();
  const book = useContactBook(client);
  const contact = useContactsStore((s) => s.contacts?.find((c) => c.conversationId === id));
  useEffect(() => {
    if (!client || !book) return;
    book.openConversation = id;
    void client.open(id);
    return () => client.leave(id);
  }, [client, book, id]);
  const name = contact ? (contact.name ?? t('chat.deletedMember')) : null;
  const readOnly = contact !== undefined && contact.status !== 'contact';
  const title = name ? t('contacts.chatWith', { name }) : t('contacts.chatTitle');
  return (
    <Page title={title}>
      <p className="cm-back">
        <Link href={CONTACT_PATHS.contacts}>{t('contacts.back')}</Link>
      </p>
      {contact && (
        <p>
          <PresenceText presence={contact.presence} />
        </p>
      )}
      {readOnly && <p className="panel">{t('contacts.readOnly')}</p>}
      {/* The tab's client is the signed-in member's: until it is theirs, wait. */}
      {client && client.selfId === user.id ? (
        <ChatPanel
          groupId={id}
          moderates={false}
          privateWith={name ?? t('chat.deletedMember')}
          readOnly={readOnly}
        />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
