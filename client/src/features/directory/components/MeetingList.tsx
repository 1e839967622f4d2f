import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../i18n/index.ts';
import type { ListState } from '../store.ts';
import { MeetingCard } from './MeetingCard.tsx';

/** The list view: cards, soonest first, with "Load more" while the server has more. */
export function MeetingList({
  list,
  locale,
  zone,
  query,
  filtered,
  onRetry,
  onLoadMore,
  onClear,
}: {
  list: ListState;
  locale: string;
  zone: string;
  query: string;
  filtered: boolean;
  onRetry: () => void;
  onLoadMore: () => Promise<number>;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  const headingId = useId();
  const loading = list.status === 'loading' || list.status === 'idle';
  const failed = list.status === 'failed';
  const empty = list.status === 'ready' && list.items.length === 0;
  const shown = list.items.length > 0;

  const loadMore = async () => {
    const before = await onLoadMore();
    // Focus the first new meeting, so keyboard and screen-reader users carry on from there.
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('.meeting-card-title a');
    if (links && links.length > before) links[before]?.focus();
  };

  let status = '';
  if (loading && !shown) status = t('directory.list.loading');
  else if (shown) status = t('directory.list.count', { count: list.items.length });

  return (
    <section className="directory-results" aria-labelledby={headingId}>
      <h2 id={headingId} className="dir-visually-hidden">
        {t('directory.list.heading')}
      </h2>
      <p role="status" className="directory-status">
        {status}
      </p>
      {failed && (
        <div className="panel directory-problem" role="alert">
          <p>{t(errorMessageKey(list.error ?? 'UNAVAILABLE'))}</p>
          <button type="button" onClick={onRetry}>
            {t('directory.list.retry')}
          </button>
        </div>
      )}
      {empty && (
        <div className="panel directory-empty">
          <p>{filtered ? t('directory.list.empty') : t('directory.list.emptyAll')}</p>
          {filtered && (
            <button type="button" className="secondary" onClick={onClear}>
              {t('directory.filters.clear')}
            </button>
          )}
        </div>
      )}
      {shown && (
        <ul className="meeting-cards" ref={listRef}>
          {list.items.map((meeting) => (
            <li key={meeting.id}>
              <MeetingCard meeting={meeting} locale={locale} zone={zone} query={query} />
            </li>
          ))}
        </ul>
      )}
      {list.moreError && (
        <p className="form-alert" role="alert">
          {t(errorMessageKey(list.moreError))}
        </p>
      )}
      {list.nextCursor && (
        <p className="directory-more">
          <button
            type="button"
            className="secondary"
            aria-disabled={list.loadingMore || undefined}
            onClick={() => void loadMore()}
          >
            {list.loadingMore ? t('directory.list.loadingMore') : t('directory.list.loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
