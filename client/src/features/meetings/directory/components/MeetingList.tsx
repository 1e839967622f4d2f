import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyPanel, ListStatus, LoadFailed } from '../../../../components/LoadStatus.tsx';
import { ShowMore } from '../../../../components/ShowMore.tsx';
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

  return (
    <section className="directory-results" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('directory.list.heading')}
      </h2>
      <ListStatus
        className="directory-status"
        loading={loading && !shown}
        loadingText={t('directory.list.loading')}
        count={shown ? list.items.length : null}
        shown={(count) => t('directory.list.count', { count })}
      />
      {failed && (
        <LoadFailed
          className="directory-problem"
          error={list.error ?? 'UNAVAILABLE'}
          onRetry={onRetry}
        />
      )}
      {empty && (
        <EmptyPanel
          className="directory-empty"
          text={filtered ? t('directory.list.empty') : t('directory.list.emptyAll')}
        >
          {filtered && (
            <button type="button" className="secondary" onClick={onClear}>
              {t('directory.filters.clear')}
            </button>
          )}
        </EmptyPanel>
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
      <ShowMore
        className="directory-more"
        hasMore={Boolean(list.nextCursor)}
        busy={list.loadingMore}
        error={list.moreError}
        onMore={() => void loadMore()}
        label={t('directory.list.loadMore')}
        busyLabel={t('directory.list.loadingMore')}
      />
    </section>
  );
}
