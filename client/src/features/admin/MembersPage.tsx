import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import type { PartnerSummary } from '../../../../shared/api/programme/partners.ts';
import { Page } from '../../components/Page.tsx';
import { FormAlert, SelectField, TextField } from '../../forms/fields.tsx';
import { errorMessageKey } from '../../i18n/index.ts';
import { useHavenStore } from '../../store/index.ts';
import { AdminOnly, LoadFailed, Loading, NotAllowed } from './components.tsx';
import { useMemberSearch, usePartners } from './data.ts';
import { MemberTable } from './MemberTable.tsx';
import {
  byName,
  filtersKey,
  isRole,
  MAX_EMAIL_QUERY_LENGTH,
  type MemberFilters,
  membersPath,
  ROLES,
  readFilters,
} from './model.ts';
import { SignInPolicySection } from './SignInPolicySection.tsx';

/**
 * /admin/members: admins (acting for the board) find members by name, whole email address,
 * role or partner in a compact table, and open one member's own page to change their roles
 * or partner link. The server refuses anyone else regardless.
 */
export function MembersPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.members.title')}>
      <AdminOnly>{(user) => <MemberAdmin key={user.id} viewerId={user.id} />}</AdminOnly>
    </Page>
  );
}

function MemberAdmin({ viewerId }: { viewerId: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const filters = readFilters(useSearch());
  const language = useHavenStore((s) => s.language);
  const list = useMemberSearch(filters);
  const partners = usePartners();
  const partnerList =
    partners.state.status === 'ready' ? byName(partners.state.data, language) : null;
  const ready = list.status === 'ready';
  const loadingList = list.status === 'loading';
  const partnersError = partners.state.status === 'failed' ? partners.state.error : null;
  const empty = ready && list.items.length === 0;
  // The role was taken away since the page opened: the store reloads the session too.
  const forbidden = list.error === 'FORBIDDEN';
  const failed = list.error !== null && !forbidden;

  if (forbidden) return <NotAllowed />;
  if (list.error === 'TWO_FACTOR_REQUIRED') return <LoadFailed error={list.error} />;
  return (
    <>
      <p className="page-intro">{t('admin.members.intro')}</p>
      <SignInPolicySection />
      <RoleHelp />
      <SearchForm
        key={filtersKey(filters)}
        filters={filters}
        partners={partnerList}
        onSearch={(next) => navigate(membersPath(next))}
      />
      <p role="status" className="admin-count">
        {ready ? t('admin.members.count', { count: list.items.length, total: list.total }) : ''}
      </p>
      {loadingList && <Loading />}
      {failed && list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
      {partnersError && (
        <LoadFailed
          error={partnersError}
          message={t('admin.members.partnersFailed')}
          onRetry={partners.reload}
        />
      )}
      {empty && <p className="panel">{t('admin.members.empty')}</p>}
      {list.items.length > 0 && (
        <MemberTable members={list.items} viewerId={viewerId} partners={partnerList} />
      )}
      {list.hasMore && (
        <div className="admin-more">
          <FormAlert message={list.moreError && t(errorMessageKey(list.moreError))} />
          <button
            type="button"
            className="secondary"
            aria-disabled={list.loadingMore || undefined}
            onClick={() => void list.loadMore()}
          >
            {list.loadingMore ? t('admin.common.loadingMore') : t('admin.common.showMore')}
          </button>
        </div>
      )}
    </>
  );
}

/** What each role allows, once for the page rather than beside every member's boxes. */
function RoleHelp() {
  const { t } = useTranslation();
  return (
    <details className="admin-role-help">
      <summary>{t('admin.roleHelp.title')}</summary>
      <dl>
        {ROLES.map((role) => (
          <div key={role}>
            <dt>{t(`admin.roles.${role}`)}</dt>
            <dd>{t(`admin.roleHelp.${role}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Name and role; the search runs on submit (Enter or the button), and lives in the address. */
function SearchForm({
  filters,
  partners,
  onSearch,
}: {
  filters: MemberFilters;
  partners: PartnerSummary[] | null;
  onSearch: (filters: MemberFilters) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const [role, setRole] = useState(filters.role);
  const [partnerId, setPartnerId] = useState(filters.partnerId);
  const filtered = Boolean(filters.q || filters.role || filters.partnerId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: q.trim(), role, partnerId });
  };

  return (
    <search className="panel admin-search" aria-label={t('admin.members.search.label')}>
      <form noValidate onSubmit={onSubmit}>
        <div className="admin-search-grid">
          <TextField
            label={t('admin.members.search.name')}
            hint={t('admin.members.search.nameHint')}
            name="q"
            type="search"
            autoComplete="off"
            // An email address may be long; a name search is cut to its limit (readFilters).
            maxLength={MAX_EMAIL_QUERY_LENGTH}
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
          <SelectField
            label={t('admin.members.search.role')}
            name="role"
            value={role}
            onChange={(event) => setRole(isRole(event.target.value) ? event.target.value : '')}
          >
            <option value="">{t('admin.members.search.roleAny')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`admin.roles.${value}`)}
              </option>
            ))}
          </SelectField>
          {partners && (
            <SelectField
              label={t('admin.members.search.partner')}
              name="partnerId"
              value={partnerId}
              onChange={(event) => setPartnerId(event.target.value)}
            >
              <option value="">{t('admin.members.search.partnerAny')}</option>
              {partners.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <div className="form-actions">
          <button type="submit">{t('admin.members.search.submit')}</button>
          {filtered && (
            <button
              type="button"
              className="secondary"
              onClick={() => onSearch({ q: '', role: '', partnerId: '' })}
            >
              {t('admin.members.search.clear')}
            </button>
          )}
        </div>
      </form>
    </search>
  );
}
