import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ChatGroupSummary } from '../../../../../shared/chat/schemas.ts';
import { CONTACT_PATHS } from '../paths.ts';

/** On the chat list: conversations with contacts, newest first, and the way to all contacts. */
export function PrivateConversations({ conversations }: { conversations: ChatGroupSummary[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel contact-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('contacts.conversations')}</h2>
      {conversations.length > 0 && (
        <ul className="contact-list">
          {conversations.map((c) => (
            <li key={c.groupId} className="contact-row">
              <Link href={CONTACT_PATHS.conversation(c.groupId)}>
                {t('contacts.chatWith', { name: c.name ?? t('chat.deletedMember') })}
              </Link>
              {Boolean(c.online) && (
                <span className="presence presence-online">{t('contacts.presence.online')}</span>
              )}
              {c.unread > 0 && (
                <span className="cm-badge cm-badge-strong">
                  {t('chat.list.unread', { count: c.unread })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={CONTACT_PATHS.contacts}>{t('contacts.conversationsLink')}</Link>
      </p>
    </section>
  );
}
