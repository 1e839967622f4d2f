import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { Group } from '../../../../../shared/api/community.ts';
import { countryOptions } from '../../../account/places.ts';
import { ListStatus, LoadFailed } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { FormAlert, Options, SelectField, TextField } from '../../../forms/fields.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { Notice } from '../components/Notice.tsx';
import {
  datesBackwards,
  type EventFilters,
  eventFiltersSearch,
  eventListQuery,
  parseEventFilters,
  toSearch,
} from '../filters.ts';
import { useLoad, useLocale, usePaged, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { zoneLabel } from '../time.ts';
import { EventCard } from './EventCard.tsx';

/** `/events`: what is coming up, filtered by dates, country or group. */
export function EventsPage() {
  const { t } = useTranslation();
  return <CommunityGate title={t('community.events.title')}>{() => <EventsList />}</CommunityGate>;
}

/** Groups to filter by (and to name on cards): the first hundred, alphabetically. */
export function useGroupChoices() {
  return useLoad('group-choices', (api) => api.listGroups(toSearch({ limit: 100 })));
}

function EventsList() {
  const { t } = useTranslation();
  const search = useSearch();
  const zone = useViewerZone();
  const filters = useMemo(() => parseEventFilters(search), [search]);
  const backwards = datesBackwards(filters);
  // A window ending before it starts holds nothing: say so instead of asking (the server
  // would refuse it too).
  const list = usePaged(`events${eventListQuery(filters, zone)}`, (api, cursor) =>
    backwards
      ? Promise.resolve({ items: [], nextCursor: null })
      : api.listEvents(eventListQuery(filters, zone, cursor)),
  );
  const groups = useGroupChoices();
  const groupItems: Group[] = groups.state.status === 'ready' ? groups.state.data.items : [];
  const groupNames = new Map(groupItems.map((g) => [g.id, g.name]));

  // A value, not a comparison, in the JSX (see docs/client.md).
  const shown = list.state.status === 'ready' ? list.state.data : null;
  return (
    <Page title={t('community.events.title')} intro={t('community.events.intro')}>
      <Notice />
      <p className="cm-actions">
        <Link className="button-link" href={COMMUNITY_PATHS.newEvent}>
          {t('community.events.create')}
        </Link>
      </p>
      <EventFilterForm key={search} filters={filters} zone={zone} groups={groupItems} />
      <section aria-labelledby="cm-events-results" className="cm-results">
        <h2 id="cm-events-results" className="visually-hidden">
          {t('community.events.results')}
        </h2>
        <FormAlert message={backwards ? t('community.events.fromAfterTo') : null} />
        <ListStatus
          className="cm-count"
          loading={list.loading}
          count={shown && !backwards ? shown.items.length : null}
          shown={(count) => t('community.events.shown', { count })}
          empty={t('community.events.empty')}
          none={t('community.events.none')}
          filtered={Object.values(filters).some(Boolean)}
        />
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {shown && (
          <>
            <ul className="cm-cards">
              {shown.items.map((event) => (
                <EventCard
                  key={event.id}
                  event={event}
                  viewerZone={zone}
                  groupName={event.groupId ? groupNames.get(event.groupId) : undefined}
                />
              ))}
            </ul>
            <ShowMore
              className="cm-more"
              hasMore={Boolean(shown.nextCursor)}
              busy={list.more.busy}
              error={list.more.code}
              onMore={() => void list.loadMore()}
            />
          </>
        )}
      </section>
    </Page>
  );
}

function EventFilterForm({
  filters,
  zone,
  groups,
}: {
  filters: EventFilters;
  zone: string;
  groups: Group[];
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const locale = useLocale();
  const [values, setValues] = useState(filters);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const set = <K extends keyof EventFilters>(key: K, value: string) =>
    setValues((v) => ({ ...v, [key]: value || undefined }));
  const unknownGroup = values.group && !groups.some((g) => g.id === values.group);
  const [checked, setChecked] = useState(false);
  const backwards = checked && datesBackwards(values);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (datesBackwards(values)) {
      (event.currentTarget as HTMLFormElement)
        .querySelector<HTMLInputElement>('input[name="to"]')
        ?.focus();
      return;
    }
    navigate(`${COMMUNITY_PATHS.events}${eventFiltersSearch(values)}`);
  };

  return (
    <form
      className="panel form cm-filters"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('community.filters')}
    >
      <p className="field-hint">{t('community.events.datesHint', { zone: zoneLabel(zone) })}</p>
      <div className="field-row">
        <TextField
          label={t('community.events.from')}
          type="date"
          value={values.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          name="to"
          label={t('community.events.to')}
          type="date"
          error={backwards ? t('community.events.fromAfterTo') : undefined}
          value={values.to ?? ''}
          onChange={(e) => set('to', e.target.value)}
        />
        <SelectField
          label={t('community.groups.country')}
          value={values.country ?? ''}
          onChange={(e) => set('country', e.target.value)}
        >
          <option value="">{t('community.any')}</option>
          <Options items={countries} />
        </SelectField>
        <SelectField
          label={t('community.events.group')}
          value={values.group ?? ''}
          onChange={(e) => set('group', e.target.value)}
        >
          <option value="">{t('community.any')}</option>
          {unknownGroup && (
            <option value={values.group}>{t('community.events.chosenGroup')}</option>
          )}
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="submit">{t('community.events.apply')}</button>
        <Link href={COMMUNITY_PATHS.events}>{t('community.clearFilters')}</Link>
      </div>
    </form>
  );
}
