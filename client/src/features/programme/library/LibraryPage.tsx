import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { EmptyPanel, ListStatus, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { isProgramPoint, PointBadge, pointName } from '../../../components/PointBadge.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { SelectField } from '../../../forms/fields.tsx';
import { useHavenStore } from '../../../store/index.ts';
import { PUBLICATION_KINDS, PUBLICATION_LANGUAGES } from '../constants.ts';
import { usePagedData } from '../data.ts';
import { PROGRAMME_PATHS, publicationPath } from '../paths.ts';
import type { PublicationSummary } from '../types.ts';
import {
  groupByPoint,
  type LibraryFilters,
  libraryQuery,
  librarySearch,
  POINT_FILTERS,
  type Point,
  readLibraryFilters,
} from './filters.ts';

/** The library: publications by point of the 4-Point Program, in the reader's language. */
export function LibraryPage() {
  const { t } = useTranslation();
  const uiLanguage = useHavenStore((s) => s.language);
  const [, navigate] = useLocation();
  const filters = readLibraryFilters(useSearch(), uiLanguage);
  const query = libraryQuery(filters);
  const list = usePagedData(JSON.stringify(query), (api, cursor) =>
    api.publications(cursor ? { ...query, cursor } : query),
  );

  const setFilter = (change: Partial<LibraryFilters>) =>
    navigate(`${PROGRAMME_PATHS.library}${librarySearch({ ...filters, ...change }, uiLanguage)}`, {
      replace: true,
    });
  const pointOption = (point: LibraryFilters['point']) => {
    if (point === '') return t('programme.library.allPoints');
    // '1'-'4' are the points; 'general' is what belongs to the whole programme.
    const number = Number(point);
    return pointName(t, isProgramPoint(number) ? number : null);
  };
  const grouped = filters.point === '';
  const ready = list.status === 'ready';
  const empty = ready && list.items.length === 0;

  return (
    <Page title={t('sections.library.title')} intro={t('programme.library.intro')}>
      <form
        className="programme-filters"
        aria-label={t('programme.library.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label={t('programme.library.point')}
          name="point"
          value={filters.point}
          onChange={(event) => setFilter({ point: event.target.value as LibraryFilters['point'] })}
        >
          {POINT_FILTERS.map((point) => (
            <option key={point} value={point}>
              {pointOption(point)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('programme.library.language')}
          name="language"
          value={filters.language}
          onChange={(event) =>
            setFilter({ language: event.target.value as LibraryFilters['language'] })
          }
        >
          {PUBLICATION_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('programme.library.kind')}
          name="kind"
          value={filters.kind}
          onChange={(event) => setFilter({ kind: event.target.value as LibraryFilters['kind'] })}
        >
          <option value="">{t('programme.library.kindOptions.all')}</option>
          {PUBLICATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`programme.library.kindOptions.${kind}`)}
            </option>
          ))}
        </SelectField>
      </form>

      <ListStatus
        className="programme-count"
        count={ready ? list.items.length : null}
        shown={(count) => t('programme.library.count', { count })}
      />
      {list.loading && <Loading />}
      {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
      {empty && (
        <EmptyPanel text={t('programme.library.empty')}>
          <p>
            <Link href={PROGRAMME_PATHS.library}>{t('programme.library.clearFilters')}</Link>
          </p>
        </EmptyPanel>
      )}
      {ready &&
        (grouped ? (
          groupByPoint(list.items).map((group) => (
            <PointGroup key={group.point ?? 'general'} point={group.point} items={group.items} />
          ))
        ) : (
          <PublicationCards items={list.items} headingLevel={2} />
        ))}
      <ShowMore
        hasMore={list.hasMore}
        busy={list.loadingMore}
        error={list.moreError}
        onMore={() => void list.loadMore()}
      />
    </Page>
  );
}

function PointGroup({ point, items }: { point: Point | null; items: PublicationSummary[] }) {
  const headingId = useId();
  return (
    <section className="programme-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <PointBadge point={point} look="label" />
      </h2>
      <PublicationCards items={items} headingLevel={3} />
    </section>
  );
}

function PublicationCards({
  items,
  headingLevel,
}: {
  items: PublicationSummary[];
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="card-grid programme-cards">
      {items.map((item) => (
        <li key={item.slug} className="card publication-card">
          <Heading className="card-title" lang={item.language}>
            <Link href={publicationPath(item.slug)}>{item.title}</Link>
          </Heading>
          <p lang={item.language}>{item.summary}</p>
          <p className="card-meta">
            <span className="badge">{t(`programme.library.kindOptions.${item.kind}`)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
