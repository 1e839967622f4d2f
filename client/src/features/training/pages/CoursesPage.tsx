import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CourseSummary } from '../../../../../shared/training/learning.ts';
import { EmptyPanel, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { training } from '../api.ts';
import { isTrainerOrAdmin, maySeeCohorts } from '../cohort-logic.ts';
import { ProgressLine } from '../components/ProgressLine.tsx';
import { useLoad } from '../hooks.ts';
import { coursesByTrack, FACILITATOR_TARGET_MINUTES, facilitatorMinutes } from '../logic.ts';
import { coursePath, TRAINING_PATHS } from '../paths.ts';

/** `/training`: the courses by track, the member's language first, each with its progress. */
export function CoursesPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('training.courses.title')} text={t('training.signedOut')}>
      {(user) => <Courses reviews={isTrainerOrAdmin(user)} cohorts={maySeeCohorts(user)} />}
    </MembersOnly>
  );
}

/**
 * `reviews`: trainers and admins also find their review queue and the authoring pages here;
 * `cohorts`: they and partners' staff leads find the cohorts they follow.
 */
function Courses({ reviews, cohorts }: { reviews: boolean; cohorts: boolean }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useLoad('courses', () => training.courses());
  const failed = state.status === 'failed' ? state : null;
  const courses = state.status === 'ready' ? state.data : null;
  const groups = courses ? coursesByTrack(courses, i18n.language) : [];
  const none = courses !== null && groups.length === 0;
  const loading = state.status === 'loading';
  return (
    <Page title={t('training.courses.title')} intro={t('training.courses.intro')}>
      <p>
        <Link href={TRAINING_PATHS.certificates}>{t('training.certificates.link')}</Link>
        {reviews && (
          <>
            {' · '}
            <Link href={TRAINING_PATHS.reviews}>{t('training.reviews.link')}</Link>
            {' · '}
            <Link href={TRAINING_PATHS.authoring}>{t('training.authoring.link')}</Link>
          </>
        )}
        {cohorts && (
          <>
            {' · '}
            <Link href={TRAINING_PATHS.cohorts}>{t('training.cohorts.link')}</Link>
          </>
        )}
      </p>
      {loading && <Loading />}
      {failed && <LoadFailed error={failed.code} onRetry={reload} />}
      {none && <EmptyPanel text={t('training.courses.none')} />}
      {groups.map((group) => {
        const facilitator = group.track === 'facilitator';
        return (
          <section
            key={group.track}
            className="training-track"
            aria-labelledby={`track-${group.track}`}
          >
            <h2 id={`track-${group.track}`}>{t(`training.track.${group.track}.title`)}</h2>
            <p>{t(`training.track.${group.track}.text`)}</p>
            {facilitator && courses && (
              <div className="panel training-target">
                <ProgressLine
                  minutesDone={facilitatorMinutes(courses)}
                  plannedMinutes={FACILITATOR_TARGET_MINUTES}
                  variant="facilitator"
                />
              </div>
            )}
            <ul className="training-course-list">
              {group.courses.map((course) => (
                <CourseCard key={course.id} course={course} />
              ))}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}

function CourseCard({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  const { progress } = course;
  const done = progress.completed;
  return (
    <li className="panel training-course">
      <h3>
        <Link href={coursePath(course.id)}>{course.title}</Link>
      </h3>
      <p className="training-meta">
        {t(`training.language.${course.language}`)}
        {' · '}
        {t('training.progress.items', {
          count: progress.totalItems,
          done: progress.completedItems,
          total: progress.totalItems,
        })}
        {done && (
          <>
            {' · '}
            <strong>{t('training.progress.completed')}</strong>
          </>
        )}
      </p>
      <p lang={course.language}>{course.description}</p>
      <ProgressLine minutesDone={progress.minutesDone} plannedMinutes={progress.plannedMinutes} />
    </li>
  );
}
