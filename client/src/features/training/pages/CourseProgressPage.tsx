import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type {
  LearnerCounts,
  VersionProgress,
} from '../../../../../shared/training/course-progress.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { canAuthor } from '../authoring.ts';
import { authoring } from '../authoring-api.ts';
import { CourseProgressTable } from '../components/CourseProgressTable.tsx';
import '../course-progress.css';
import { useLoad } from '../hooks.ts';
import { hoursOf } from '../logic.ts';
import { authoringPath, TRAINING_PATHS } from '../paths.ts';
import { AuthorsOnly } from './AuthoringPage.tsx';

/**
 * `/training/authoring/:id/progress` (trainers and admins): how a course's learners are doing,
 * in numbers only, in all and per version. Nobody is named: a learner's progress is visible to
 * nobody else by default; cohorts are where trainers follow named learners.
 */
export function CourseProgressPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <MembersOnly title={t('training.courseProgress.title')} text={t('training.signedOut')}>
      {(user) => (canAuthor(user.roles) ? <CourseProgressView id={id} /> : <AuthorsOnly />)}
    </MembersOnly>
  );
}

function Counts({
  learners,
  minutes,
}: {
  learners: LearnerCounts;
  minutes: VersionProgress['minutes'];
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const facts: Array<[string, string]> = [
    [t('training.courseProgress.started'), number.format(learners.started)],
    [t('training.courseProgress.inProgress'), number.format(learners.inProgress)],
    [t('training.courseProgress.completed'), number.format(learners.completed)],
    [t('training.courseProgress.hoursTotal'), number.format(hoursOf(minutes.total))],
    [t('training.courseProgress.hoursMedian'), number.format(hoursOf(minutes.medianPerLearner))],
  ];
  return (
    <dl className="training-progress-counts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CourseProgressView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, reload } = useLoad(`course-progress:${id}`, () => authoring.progress(id));
  const links = (
    <nav aria-label={t('training.item.breadcrumb')} className="training-breadcrumb">
      <Link href={TRAINING_PATHS.authoring}>{t('training.authoring.backToList')}</Link>
      {' · '}
      <Link href={authoringPath(id)}>{t('training.courseProgress.backToEditor')}</Link>
    </nav>
  );
  if (state.status !== 'ready') {
    const failed = state.status === 'failed' ? state : null;
    return (
      <Page title={t('training.courseProgress.title')}>
        {links}
        {failed ? (
          <LoadFailed
            error={failed.code}
            onRetry={reload}
            notFound={t('training.courseProgress.notFound')}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  const report = state.data;
  const nobody = report.learners.started === 0;
  const title = t('training.courseProgress.titleOf', { title: report.course.title });
  return (
    <Page title={title} intro={t('training.courseProgress.privacy')}>
      {links}
      <section aria-labelledby="course-progress-all" className="panel">
        <h2 id="course-progress-all">{t('training.courseProgress.all')}</h2>
        {nobody ? (
          <p>{t('training.courseProgress.nobody')}</p>
        ) : (
          <Counts learners={report.learners} minutes={report.minutes} />
        )}
      </section>
      {report.versions.map((version) => {
        const headingId = `course-progress-v${version.version}`;
        const latest = version.version === report.course.latestVersion;
        const heading = latest
          ? t('training.courseProgress.versionLatest', { version: version.version })
          : t('training.courseProgress.version', { version: version.version });
        return (
          <section key={version.version} aria-labelledby={headingId}>
            <h2 id={headingId}>{heading}</h2>
            <Counts learners={version.learners} minutes={version.minutes} />
            <CourseProgressTable version={version} />
          </section>
        );
      })}
    </Page>
  );
}
