import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useContactsStore } from '../contacts-state.ts';
import { CONTACT_PATHS } from '../paths.ts';
import { PresenceText } from './PresenceText.tsx';

/** On the chat list: conversations with contacts, newest first, and the way to all contacts. */
export function PrivateConversations() {
  const { t } = useTranslation();
  const headingId = useId();
  const contacts = useContactsStore((s) => s.contacts);
  const talking = useMemo(
    () =>
      (contacts ?? [])
        .filter((c) => c.status === 'contact' || (c.status === 'former' && c.lastMessageAt))
        .sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0)),
    [contacts],
  );
  return (
    <section className="panel contact-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('contacts.conversations')}</h2>
      {talking.length > 0 && (
        <ul className="contact-list">
          {talking.map((c) => (
            <li key={c.conversationId} className="contact-row">
              <Link href={CONTACT_PATHS.conversation(c.conversationId)}>
                {t('contacts.chatWith', { name: c.name ?? t('chat.deletedMember') })}
              </Link>{' '}
              <PresenceText presence={c.presence} />
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
