import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { Group } from '../../../../../shared/api/community.ts';
import { countryOptions, languageOptions } from '../../../account/places.ts';
import { ListStatus, LoadFailed } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { CheckField, Options, SelectField, TextField } from '../../../forms/fields.tsx';
import { languageName, placeText } from '../components/bits.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { Notice } from '../components/Notice.tsx';
import { GROUP_KINDS, type GroupKind } from '../constants.ts';
import {
  type GroupFilters,
  groupFiltersSearch,
  groupListQuery,
  parseGroupFilters,
} from '../filters.ts';
import { useLocale, usePaged } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canCreateGroup } from '../permissions.ts';

/** `/groups`: local-area and topic groups, filtered by place, language, kind or "mine". */
export function GroupsPage() {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.groups.title')}>
      {(user) => <GroupsList user={user} />}
    </CommunityGate>
  );
}

function GroupsList({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const search = useSearch();
  const filters = useMemo(() => parseGroupFilters(search), [search]);
  const list = usePaged(`groups${groupListQuery(filters)}`, (api, cursor) =>
    api.listGroups(groupListQuery(filters, cursor)),
  );
  const filtered = Object.values(filters).some(Boolean);
  const onlyMine = Boolean(filters.mine) && Object.values(filters).filter(Boolean).length === 1;

  // A value, not a comparison, in the JSX (see docs/client.md).
  const shown = list.state.status === 'ready' ? list.state.data : null;
  return (
    <Page title={t('community.groups.title')} intro={t('community.groups.intro')}>
      <Notice />
      {canCreateGroup(user.roles) && (
        <p className="cm-actions">
          <Link className="button-link" href={COMMUNITY_PATHS.newGroup}>
            {t('community.groups.create')}
          </Link>
        </p>
      )}
      <GroupFilterForm filters={filters} />

      <section aria-labelledby="cm-groups-results" className="cm-results">
        <h2 id="cm-groups-results" className="visually-hidden">
          {t('community.groups.results')}
        </h2>
        <ListStatus
          className="cm-count"
          loading={list.loading}
          count={shown ? shown.items.length : null}
          shown={(count) => t('community.groups.shown', { count })}
          empty={t(onlyMine ? 'community.groups.noneMine' : 'community.groups.empty')}
          none={t('community.groups.none')}
          filtered={filtered && !onlyMine}
        />
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {shown && (
          <>
            <ul className="cm-cards">
              {shown.items.map((group) => (
                <GroupCard key={group.id} group={group} />
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

/** How long typing in "City" pauses before the list follows (each key would be a request). */
const CITY_DELAY_MS = 400;

/**
 * Like the meeting directory's filters, every change applies at once: choices straight
 * away, the typed city after a short pause. The address is replaced, not pushed, so Back
 * leaves the page rather than stepping through each letter.
 */
function GroupFilterForm({ filters }: { filters: GroupFilters }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const locale = useLocale();
  const [values, setValues] = useState(filters);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const languages = useMemo(() => languageOptions(locale), [locale]);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Back and Forward (or "Clear filters") change the address: show the filters that made
  // the list, unless they are what is already shown (a city being typed keeps its spaces).
  useEffect(() => {
    setValues((shown) =>
      groupFiltersSearch(parseGroupFilters(groupFiltersSearch(shown))) ===
      groupFiltersSearch(filters)
        ? shown
        : filters,
    );
  }, [filters]);
  useEffect(() => () => clearTimeout(typing.current), []);

  const go = (next: GroupFilters) =>
    navigate(`${COMMUNITY_PATHS.groups}${groupFiltersSearch(next)}`, { replace: true });
  const set = <K extends keyof GroupFilters>(key: K, value: GroupFilters[K]) => {
    const next = { ...values, [key]: value };
    setValues(next);
    clearTimeout(typing.current);
    if (key === 'city') typing.current = setTimeout(() => go(next), CITY_DELAY_MS);
    else go(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(typing.current);
    go(values);
  };

  return (
    <search className="panel cm-filters" aria-label={t('community.filters')}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className="field-row">
          <SelectField
            label={t('community.groups.country')}
            value={values.country ?? ''}
            onChange={(e) => set('country', e.target.value || undefined)}
          >
            <option value="">{t('community.any')}</option>
            <Options items={countries} />
          </SelectField>
          <TextField
            label={t('community.groups.city')}
            value={values.city ?? ''}
            maxLength={80}
            onChange={(e) => set('city', e.target.value || undefined)}
          />
          <SelectField
            label={t('community.groups.language')}
            value={values.language ?? ''}
            onChange={(e) => set('language', e.target.value || undefined)}
          >
            <option value="">{t('community.any')}</option>
            <Options items={languages} />
          </SelectField>
          <SelectField
            label={t('community.groups.kind')}
            value={values.kind ?? ''}
            onChange={(e) => set('kind', (e.target.value || undefined) as GroupKind | undefined)}
          >
            <option value="">{t('community.any')}</option>
            {GROUP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`community.groups.kinds.${kind}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckField
          label={t('community.groups.mine')}
          checked={Boolean(values.mine)}
          onChange={(checked) => set('mine', checked || undefined)}
        />
        <div className="form-actions">
          <Link href={COMMUNITY_PATHS.groups}>{t('community.clearFilters')}</Link>
        </div>
      </form>
    </search>
  );
}

function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const where = group.area ? placeText(group.area, locale) : '';
  return (
    <li className="cm-card">
      <h3>
        <Link href={COMMUNITY_PATHS.group(group.id)}>{group.name}</Link>
      </h3>
      <p className="cm-meta">
        <span className="cm-badge">{t(`community.groups.kinds.${group.kind}`)}</span>
        {group.amMember && (
          <span className="cm-badge cm-badge-strong">{t('community.groups.youAreMember')}</span>
        )}
      </p>
      {group.topic && (
        <p className="cm-line">{t('community.groups.topicIs', { topic: group.topic })}</p>
      )}
      {where && <p className="cm-line">{where}</p>}
      <p className="cm-line cm-muted">
        {t('community.groups.languageIs', { language: languageName(group.language, locale, true) })}
      </p>
      <p className="cm-line cm-strong">
        {t('community.groups.memberCount', { count: group.memberCount })}
      </p>
    </li>
  );
}
