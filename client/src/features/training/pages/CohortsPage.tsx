import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { PartnerSummary } from '../../../../../shared/api/programme/partners.ts';
import type { Cohort } from '../../../../../shared/training/reviews.ts';
import { EmptyPanel, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { isAdmin, isStaffLead, isTrainerOrAdmin } from '../cohort-logic.ts';
import { CohortForm } from '../components/CohortForm.tsx';
import { PolicySection } from '../components/PolicySection.tsx';
import { useLoad } from '../hooks.ts';
import { cohortPath, TRAINING_PATHS } from '../paths.ts';
import { partnersById, trainers } from '../trainers-api.ts';

/**
 * `/training/cohorts`: the cohorts the caller follows, as the server lists them (trainers
 * and admins see theirs, a partner's staff lead sees their partner's and, in them, their own
 * staff only). Trainers and admins create one here; admins also set the training policy.
 */
export function CohortsPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('training.cohorts.title')} text={t('training.signedOut')}>
      {(user) => <Cohorts user={user} />}
    </MembersOnly>
  );
}

function Cohorts({ user }: { user: OwnUser }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { state, reload } = useLoad('cohorts', () => trainers.cohorts());
  const partners = useLoad('partners', partnersById);
  const partnerMap = partners.state.status === 'ready' ? partners.state.data : new Map();
  const manager = isTrainerOrAdmin(user);
  const lead = isStaffLead(user) && !manager;
  const loading = state.status === 'loading';
  const list = state.status === 'ready' ? state.data : null;
  const failed = state.status === 'failed' ? state : null;
  const forbidden = failed?.code === 'FORBIDDEN';
  return (
    <Page title={t('training.cohorts.title')} intro={t('training.cohorts.intro')}>
      <p className="link-row">
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
        {manager && <Link href={TRAINING_PATHS.reviews}>{t('training.reviews.link')}</Link>}
      </p>
      {lead && <p className="panel training-note">{t('training.cohorts.leadNote')}</p>}
      {loading && <Loading />}
      {forbidden && <p className="panel">{t('training.cohorts.notAllowed')}</p>}
      {failed && !forbidden && <LoadFailed error={failed.code} onRetry={reload} />}
      {list && list.length === 0 && <EmptyPanel text={t('training.cohorts.none')} />}
      {list && list.length > 0 && (
        <ul className="training-cohort-list">
          {list.map((cohort) => (
            <CohortCard key={cohort.id} cohort={cohort} partners={partnerMap} />
          ))}
        </ul>
      )}
      {manager && (
        <section className="panel training-new-cohort" aria-labelledby="new-cohort">
          <h2 id="new-cohort">{t('training.cohorts.form.title')}</h2>
          <CohortForm
            partners={[...partnerMap.values()]}
            canSearch={isAdmin(user)}
            language={i18n.language}
            onDone={(cohort) => navigate(cohortPath(cohort.id))}
          />
        </section>
      )}
      {isAdmin(user) && <PolicySection />}
    </Page>
  );
}

function CohortCard({
  cohort,
  partners,
}: {
  cohort: Cohort;
  partners: Map<string, PartnerSummary>;
}) {
  const { t } = useTranslation();
  const partner = cohort.partnerId ? partners.get(cohort.partnerId) : undefined;
  return (
    <li className="panel training-cohort">
      <h2>
        <Link href={cohortPath(cohort.id)}>{cohort.name}</Link>
      </h2>
      <p className="training-meta">
        {t('training.cohorts.members', { count: cohort.memberIds.length })}
        {cohort.partnerId && (
          <>
            {' · '}
            {t('training.cohorts.partner', {
              name: partner?.name ?? t('training.cohorts.somePartner'),
            })}
          </>
        )}
      </p>
    </li>
  );
}
