import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { EmptyPanel, ListStatus, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { PointBadge, pointName } from '../../../components/PointBadge.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { SelectField } from '../../../forms/fields.tsx';
import { useViewerTime } from '../../../i18n/dates.ts';
import { StateBadge } from '../components.tsx';
import { PROPOSAL_STATES } from '../constants.ts';
import { usePagedData } from '../data.ts';
import { PROGRAMME_PATHS, proposalPath } from '../paths.ts';
import {
  type ProposalFilters,
  proposalQuery,
  proposalSearch,
  readProposalFilters,
} from './logic.ts';

/** The board of tool proposals: filters, cards with their state, and "Propose a tool". */
export function ProposalsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('sections.proposals.title')} intro={t('programme.proposals.intro')}>
      <MembersOnly text={t('programme.proposals.signedOut')}>
        {(user) => <Board key={user.id} />}
      </MembersOnly>
    </Page>
  );
}

function Board() {
  const { t } = useTranslation();
  const when = useViewerTime();
  const [, navigate] = useLocation();
  const filters = readProposalFilters(useSearch());
  const query = proposalQuery(filters);
  const list = usePagedData(`proposals:${JSON.stringify(query)}`, (api, cursor) =>
    api.proposals(cursor ? { ...query, cursor } : query),
  );
  const setFilter = (change: Partial<ProposalFilters>) =>
    navigate(`${PROGRAMME_PATHS.proposals}${proposalSearch({ ...filters, ...change })}`, {
      replace: true,
    });
  const ready = list.status === 'ready';
  const empty = ready && list.items.length === 0;

  return (
    <>
      <p className="page-actions">
        <Link className="button-link" href={PROGRAMME_PATHS.newProposal}>
          {t('programme.proposals.propose')}
        </Link>
      </p>
      <form
        className="programme-filters"
        aria-label={t('programme.proposals.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label={t('programme.proposals.state')}
          name="state"
          value={filters.state}
          onChange={(event) => setFilter({ state: event.target.value as ProposalFilters['state'] })}
        >
          <option value="">{t('programme.proposals.allStates')}</option>
          {PROPOSAL_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`programme.proposals.states.${state}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('programme.proposals.point')}
          name="point"
          value={filters.point}
          onChange={(event) => setFilter({ point: event.target.value as ProposalFilters['point'] })}
        >
          <option value="">{t('programme.proposals.allPoints')}</option>
          {([1, 2, 3, 4] as const).map((point) => (
            <option key={point} value={point}>
              {pointName(t, point)}
            </option>
          ))}
        </SelectField>
      </form>

      <ListStatus
        className="programme-count"
        count={ready ? list.items.length : null}
        shown={(count) => t('programme.proposals.count', { count })}
      />
      {list.loading && <Loading />}
      {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
      {empty && <EmptyPanel text={t('programme.proposals.empty')} />}
      {ready && list.items.length > 0 && (
        <ul className="card-grid programme-cards">
          {list.items.map((proposal) => (
            <li key={proposal.id} className="card proposal-card">
              <p className="card-meta">
                <StateBadge state={proposal.state} />
              </p>
              <h2 className="card-title">
                <Link href={proposalPath(proposal.id)}>{proposal.title}</Link>
              </h2>
              <p className="card-meta">
                <PointBadge point={proposal.point} look="label" />
              </p>
              <p className="list-meta">
                {t('programme.proposals.cardMeta', {
                  name: proposal.proposer?.displayName ?? t('programme.common.deletedMember'),
                  date: when.date(proposal.createdAt),
                })}
              </p>
              <p className="list-meta">
                {t('programme.proposals.reviewCount', { count: proposal.reviewCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ShowMore
        hasMore={list.hasMore}
        busy={list.loadingMore}
        error={list.moreError}
        onMore={() => void list.loadMore()}
      />
    </>
  );
}
