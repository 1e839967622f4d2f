import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { Page } from '../../../../components/Page.tsx';
import { useHavenStore } from '../../../../store/index.ts';
import { FilterForm } from '../components/FilterForm.tsx';
import { MeetingList } from '../components/MeetingList.tsx';
import { WeekView } from '../components/WeekView.tsx';
import { mondayOf, todayIn } from '../dates.ts';
import {
  clearFilters,
  type DirectoryFilters,
  filtersToSearch,
  listRequest,
  narrowsResults,
  parseFilters,
  type View,
  weekRequest,
  withFilter,
} from '../filters.ts';
import {
  DIRECTORY_PATH,
  type DirectoryNote,
  mayCreateMeetings,
  NEW_MEETING_PATH,
} from '../model.ts';
import { useDirectoryStore } from '../store.ts';
import { useViewer, zoneQuery } from '../viewer.ts';
import '../directory.css';

/** /meetings: find a meeting by language, type, format, place and time, as a list or a week. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const search = useSearch();
  const filters = useMemo(() => parseFilters(search), [search]);
  const viewer = useViewer();
  const user = useHavenStore((s) => s.user);
  const note = (useHistoryState() as { directoryNote?: DirectoryNote } | null)?.directoryNote;
  const list = useDirectoryStore((s) => s.list);
  const week = useDirectoryStore((s) => s.week);
  const showList = useDirectoryStore((s) => s.showList);
  const showWeek = useDirectoryStore((s) => s.showWeek);
  const loadMore = useDirectoryStore((s) => s.loadMore);

  const view: View = filters.view ?? 'list';
  const zone = viewer.zone;
  const today = zone ? todayIn(zone) : null;
  const thisMonday = today ? mondayOf(today) : null;
  const monday =
    filters.week && thisMonday && filters.week > thisMonday ? filters.week : thisMonday;
  const listReq = useMemo(
    () => (zone && view === 'list' ? listRequest(filters, zone) : null),
    [filters, zone, view],
  );
  const weekReq = useMemo(
    () => (zone && monday && view === 'week' ? weekRequest(filters, zone, monday) : null),
    [filters, zone, monday, view],
  );

  useEffect(() => {
    if (listReq) void showList(listReq);
  }, [listReq, showList]);
  useEffect(() => {
    if (weekReq) void showWeek(weekReq);
  }, [weekReq, showWeek]);

  const go = (next: DirectoryFilters) =>
    navigate(`${DIRECTORY_PATH}${filtersToSearch(next)}`, { replace: true });
  const setView = (next: View) => {
    const changed = withFilter(filters, 'view', next === 'list' ? '' : next);
    if (next === 'list') delete changed.week;
    go(changed);
  };
  const query = zoneQuery(viewer.chosenZone);
  const isList = view === 'list';
  const deleted = note === 'deleted';

  return (
    <Page title={t('directory.title')} intro={t('directory.intro')}>
      <div role="status" className="directory-note-region">
        {deleted && <p className="flash">{t('directory.delete.done')}</p>}
      </div>
      {mayCreateMeetings(user) && (
        <p className="directory-actions">
          <Link className="button-link" href={NEW_MEETING_PATH}>
            {t('directory.newMeeting')}
          </Link>
        </p>
      )}
      {zone && viewer.defaultZone ? (
        <FilterForm
          filters={filters}
          zone={zone}
          defaultZone={viewer.defaultZone}
          locale={viewer.locale}
          onChange={go}
          onClear={() => go(clearFilters(filters))}
        />
      ) : (
        <p role="status">{t('directory.list.loading')}</p>
      )}
      <fieldset className="view-switch">
        <legend>{t('directory.view.label')}</legend>
        <button
          type="button"
          className={isList ? '' : 'secondary'}
          aria-pressed={isList}
          onClick={() => setView('list')}
        >
          {t('directory.view.list')}
        </button>
        <button
          type="button"
          className={isList ? 'secondary' : ''}
          aria-pressed={!isList}
          onClick={() => setView('week')}
        >
          {t('directory.view.week')}
        </button>
      </fieldset>
      {zone && isList && listReq && (
        <MeetingList
          list={list.key === listReq.key ? list : { ...list, status: 'loading', items: [] }}
          locale={viewer.locale}
          zone={zone}
          query={query}
          filtered={narrowsResults(filters)}
          onRetry={() => void showList(listReq, { force: true })}
          onLoadMore={loadMore}
          onClear={() => go(clearFilters(filters))}
        />
      )}
      {zone && !isList && weekReq && monday && thisMonday && today && (
        <WeekView
          week={week.key === weekReq.key ? week : { ...week, status: 'loading', entries: [] }}
          monday={monday}
          today={today}
          thisMonday={thisMonday}
          locale={viewer.locale}
          zone={zone}
          query={query}
          onWeek={(next) => go(withFilter(filters, 'week', next === thisMonday ? '' : next))}
          onRetry={() => void showWeek(weekReq, { force: true })}
        />
      )}
    </Page>
  );
}
