import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EmptyPanel, LoadFailed, Loading } from '../../components/LoadStatus.tsx';
import type { Section } from './useSection.ts';

export interface HomeLink {
  href: string;
  text: string;
}

/**
 * One box of the home: its heading, its few items (or why there are none, or what went
 * wrong), and links onwards. `empty` says what to do when there is nothing yet.
 */
export function HomeSection<T extends { id: string }>({
  id,
  title,
  section,
  empty,
  item,
  links,
  note,
}: {
  id: string;
  title: string;
  section: Section<T>;
  empty: string;
  item: (value: T) => ReactNode;
  links: HomeLink[];
  /** A line under the heading saying what the items are chosen by. */
  note?: string | null;
}) {
  const { t } = useTranslation();
  const headingId = `home-${id}`;
  const loading = section.status === 'loading';
  const failed = section.status === 'failed' ? section : null;
  const items = section.status === 'ready' ? section.items : null;
  const isEmpty = items !== null && items.length === 0;
  return (
    <section className="home-section panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {note && <p className="home-meta">{note}</p>}
      {loading && <Loading text={t('home.loading', { section: title })} />}
      {failed && (
        <LoadFailed
          error={failed.error}
          onRetry={failed.retry}
          message={t('home.failed', { section: title })}
        />
      )}
      {isEmpty && <EmptyPanel text={empty} />}
      {items && !isEmpty && (
        <ul className="home-list">
          {items.map((value) => (
            <li key={value.id}>{item(value)}</li>
          ))}
        </ul>
      )}
      <ul className="home-links">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
