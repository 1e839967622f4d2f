import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { errorMessageKey } from '../../../i18n/index.ts';
import { useTabChat } from '../../chat/chat-context.ts';
import { useLocale } from '../../community/hooks.ts';
import { COMMUNITY_PATHS } from '../../community/paths.ts';
import { ContactSection } from '../components/ContactSection.tsx';
import type { ContactBook } from '../contact-book.ts';
import { sections, useContactsStore } from '../contacts-state.ts';
import { useContactBook } from '../use-contact-book.ts';
import '../../chat/chat.css';

/**
 * `/contacts`: requests to answer, contacts (with presence and their conversation), one's
 * own requests waiting, past conversations and blocked members.
 */
export function ContactsPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('contacts.title')} text={t('contacts.signedOut')}>
      {() => <Contacts />}
    </MembersOnly>
  );
}

function Contacts() {
  const { t } = useTranslation();
  const book = useContactBook(useTabChat());
  return (
    <Page title={t('contacts.title')} intro={t('contacts.intro')}>
      <ContactNotice book={book} />
      {book ? <ContactLists book={book} /> : <Loading />}
    </Page>
  );
}

function ContactLists({ book }: { book: ContactBook }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contacts = useContactsStore((s) => s.contacts);
  const loadError = useContactsStore((s) => s.loadError);
  const byStatus = useMemo(
    () => (contacts ? sections(contacts, locale) : null),
    [contacts, locale],
  );
  if (loadError) return <LoadFailed error={loadError} onRetry={() => void book.load()} />;
  if (!byStatus) return <Loading />;
  return (
    <>
      <ContactSection book={book} kind="incoming" contacts={byStatus.incoming} hideWhenEmpty />
      <ContactSection book={book} kind="contact" contacts={byStatus.contact}>
        <p>{t('contacts.howTo')}</p>
        <p>
          <Link href={COMMUNITY_PATHS.groups}>{t('contacts.findGroups')}</Link>
        </p>
      </ContactSection>
      <ContactSection book={book} kind="outgoing" contacts={byStatus.outgoing} hideWhenEmpty />
      <ContactSection book={book} kind="former" contacts={byStatus.former} hideWhenEmpty />
      <ContactSection book={book} kind="blocked" contacts={byStatus.blocked} hideWhenEmpty />
    </>
  );
}

/** A refused action, in words, until dismissed. */
function ContactNotice({ book }: { book: ContactBook | null }) {
  const { t } = useTranslation();
  const notice = useContactsStore((s) => s.notice);
  return (
    <div role="alert" className={notice ? 'chat-notice' : 'chat-notice-empty'}>
      {notice && (
        <>
          <p>{t(errorMessageKey(notice))}</p>
          <button type="button" className="link-button" onClick={() => book?.dismissNotice()}>
            {t('chat.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
