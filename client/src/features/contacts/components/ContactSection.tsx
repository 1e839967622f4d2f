import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Contact } from '../../../../../shared/chat/contacts.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import type { ContactBook } from '../contact-book.ts';
import { CONTACT_PATHS } from '../paths.ts';
import { PresenceText } from './PresenceText.tsx';

/** One section of the contacts page: its heading, its people and what one can do with each. */
export function ContactSection({
  book,
  kind,
  contacts,
  hideWhenEmpty = false,
  children,
}: {
  book: ContactBook;
  kind: Contact['status'];
  contacts: Contact[];
  hideWhenEmpty?: boolean;
  /** Shown when the section is empty. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (contacts.length === 0 && hideWhenEmpty) return null;
  return (
    <section className="panel contact-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`contacts.sections.${kind}`, { count: contacts.length })}</h2>
      {contacts.length === 0 ? (
        children
      ) : (
        <ul className="contact-list">
          {contacts.map((contact) => (
            <ContactRow key={contact.conversationId} book={book} contact={contact} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactRow({ book, contact }: { book: ContactBook; contact: Contact }) {
  const { t } = useTranslation();
  const name = contact.name ?? t('chat.deletedMember');
  const userId = contact.userId;
  const status = contact.status;
  const is = {
    incoming: status === 'incoming',
    contact: status === 'contact',
    outgoing: status === 'outgoing',
    blocked: status === 'blocked',
    talked: status === 'contact' || status === 'former',
  };
  const conversation = (
    <Link href={CONTACT_PATHS.conversation(contact.conversationId)}>
      {is.contact ? t('contacts.write', { name }) : t('contacts.readPast', { name })}
    </Link>
  );
  return (
    <li className="contact-row">
      <p className="contact-name">
        <strong>{name}</strong> <PresenceText presence={contact.presence} />
        {contact.unread > 0 && (
          <span className="cm-badge cm-badge-strong">
            {t('chat.list.unread', { count: contact.unread })}
          </span>
        )}
      </p>
      <div className="contact-actions">
        {is.incoming && userId && (
          <>
            <button type="button" onClick={() => void book.respond(userId, true)}>
              {t('contacts.accept', { name })}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void book.respond(userId, false)}
            >
              {t('contacts.decline', { name })}
            </button>
          </>
        )}
        {is.talked && conversation}
        {is.outgoing && userId && (
          <>
            <span>{t('contacts.waiting')}</span>
            <button type="button" className="secondary" onClick={() => void book.remove(userId)}>
              {t('contacts.withdraw', { name })}
            </button>
          </>
        )}
        {is.contact && userId && (
          <ConfirmButton
            label={t('contacts.remove', { name })}
            title={t('contacts.removeTitle', { name })}
            text={t('contacts.removeText', { name })}
            confirmLabel={t('contacts.removeYes')}
            cancelLabel={t('chat.actions.cancel')}
            className="secondary"
            onConfirm={async () => void (await book.remove(userId))}
          />
        )}
        {is.blocked && userId ? (
          <button type="button" className="secondary" onClick={() => void book.unblock(userId)}>
            {t('contacts.unblock', { name })}
          </button>
        ) : (
          userId && <BlockButton book={book} userId={userId} name={name} />
        )}
      </div>
    </li>
  );
}

export function BlockButton({
  book,
  userId,
  name,
}: {
  book: ContactBook;
  userId: string;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('contacts.block', { name })}
      title={t('contacts.blockTitle', { name })}
      text={t('contacts.blockText', { name })}
      confirmLabel={t('contacts.blockYes')}
      cancelLabel={t('chat.actions.cancel')}
      onConfirm={async () => void (await book.block(userId))}
    />
  );
}
