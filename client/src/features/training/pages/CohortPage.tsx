import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { PartnerSummary } from '../../../../../shared/api/programme/partners.ts';
import type { Cohort, CohortProgress } from '../../../../../shared/training/reviews.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { training } from '../api.ts';
import { grantCandidates, isAdmin, isStaffLead, isTrainerOrAdmin } from '../cohort-logic.ts';
import { CohortForm } from '../components/CohortForm.tsx';
import { CohortProgressTable } from '../components/CohortProgressTable.tsx';
import { GrantFacilitator } from '../components/GrantFacilitator.tsx';
import { useLoad } from '../hooks.ts';
import { TRAINING_PATHS } from '../paths.ts';
import { NO_REVIEW_FILTERS, reviewsPath } from '../review-filters.ts';
import { partnersById, trainers } from '../trainers-api.ts';

/**
 * `/training/cohorts/:id`: each member's progress per course, as the server shows it to the
 * caller (a staff lead gets their own staff only; the page shows whoever the server lists),
 * exercises approved included. Trainers and admins also grant the facilitator role to members
 * who completed the facilitator track, and change the cohort.
 */
export function CohortPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <MembersOnly title={t('training.cohort.title')} text={t('training.signedOut')}>
      {(user) => <CohortView id={id} user={user} />}
    </MembersOnly>
  );
}

interface Loaded {
  progress: CohortProgress;
  /** What trainers and admins see beyond the progress; null for a staff lead. */
  manage: {
    cohort: Cohort | null;
    facilitatorCourses: Set<string>;
    partners: Map<string, PartnerSummary>;
  } | null;
}

async function loadCohort(id: string, manager: boolean): Promise<Loaded> {
  if (!manager) return { progress: await trainers.cohortProgress(id), manage: null };
  const [progress, cohorts, courses, partners] = await Promise.all([
    trainers.cohortProgress(id),
    trainers.cohorts().catch(() => []),
    training.courses().catch(() => []),
    partnersById(),
  ]);
  return {
    progress,
    manage: {
      cohort: cohorts.find((cohort) => cohort.id === id) ?? null,
      facilitatorCourses: new Set(
        courses.filter((course) => course.track === 'facilitator').map((course) => course.id),
      ),
      partners,
    },
  };
}

function CohortView({ id, user }: { id: string; user: OwnUser }) {
  const { t, i18n } = useTranslation();
  const manager = isTrainerOrAdmin(user);
  const { state, reload, refresh } = useLoad(`${id}:${manager}`, () => loadCohort(id, manager));
  const links = (
    <p className="link-row">
      <Link href={TRAINING_PATHS.cohorts}>{t('training.cohort.back')}</Link>
      {manager && (
        <Link href={reviewsPath({ ...NO_REVIEW_FILTERS, cohortId: id })}>
          {t('training.cohort.answers')}
        </Link>
      )}
    </p>
  );
  if (state.status !== 'ready') {
    const failed = state.status === 'failed' ? state : null;
    return (
      <Page title={t('training.cohort.title')}>
        {links}
        {failed ? (
          <LoadFailed
            error={failed.code}
            onRetry={reload}
            notFound={t('training.cohort.notFound')}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  const { progress, manage } = state.data;
  const lead = isStaffLead(user) && !manager;
  return (
    <Page title={progress.cohort.name}>
      {links}
      {lead && <p className="panel training-note">{t('training.cohorts.leadNote')}</p>}
      <section aria-labelledby="cohort-progress">
        <h2 id="cohort-progress">{t('training.cohort.progress')}</h2>
        {progress.members.length === 0 ? (
          <p className="panel">{t('training.cohort.noMembers')}</p>
        ) : (
          <CohortProgressTable progress={progress} />
        )}
      </section>
      {manage && (
        <GrantFacilitator
          candidates={grantCandidates(progress.members, manage.facilitatorCourses)}
        />
      )}
      {manage?.cohort && (
        <section className="panel training-edit-cohort" aria-labelledby="edit-cohort">
          <h2 id="edit-cohort">{t('training.cohorts.form.editTitle')}</h2>
          <CohortForm
            partners={[...manage.partners.values()]}
            canSearch={isAdmin(user)}
            language={i18n.language}
            editing={{
              cohort: manage.cohort,
              members: progress.members.map((member) => ({
                id: member.id,
                displayName: member.displayName,
                source: 'member' as const,
              })),
            }}
            onDone={() => void refresh()}
          />
        </section>
      )}
    </Page>
  );
}
