import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { CourseSummary } from '../../../../../shared/training/learning.ts';
import { EmptyPanel, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { type CourseFields, canAuthor } from '../authoring.ts';
import { authoring } from '../authoring-api.ts';
import { CourseFieldsForm } from '../components/authoring/CourseFieldsForm.tsx';
import { useLoad } from '../hooks.ts';
import { authoringPath, courseProgressPath, TRAINING_PATHS } from '../paths.ts';

/**
 * `/training/authoring`: trainers and admins see every course, drafts included, and start
 * a new draft. Anyone else is told the page is theirs only (the server refuses them too).
 */
export function AuthoringPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('training.authoring.title')} text={t('training.signedOut')}>
      {(user) => (canAuthor(user.roles) ? <Authoring /> : <AuthorsOnly />)}
    </MembersOnly>
  );
}

export function AuthorsOnly() {
  const { t } = useTranslation();
  return (
    <Page title={t('training.authoring.title')}>
      <div className="panel training-access">
        <p>{t('training.authoring.authorsOnly')}</p>
        <p>
          <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
        </p>
      </div>
    </Page>
  );
}

const NEW_COURSE: CourseFields = {
  title: '',
  description: '',
  track: 'foundations',
  language: 'en',
  plannedMinutes: 60,
  prerequisites: [],
};

function Authoring() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { state, reload } = useLoad('authoring-courses', () => authoring.courses());
  const failed = state.status === 'failed' ? state : null;
  const courses = state.status === 'ready' ? state.data : null;
  const none = courses !== null && courses.length === 0;
  const loading = state.status === 'loading';
  const create = async (fields: CourseFields) => {
    const { course } = await authoring.create({ ...fields, modules: [] });
    navigate(authoringPath(course.id));
  };
  return (
    <Page title={t('training.authoring.title')} intro={t('training.authoring.intro')}>
      <p>
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
      </p>
      <section aria-labelledby="authoring-courses">
        <h2 id="authoring-courses">{t('training.authoring.courses')}</h2>
        {loading && <Loading />}
        {failed && <LoadFailed error={failed.code} onRetry={reload} />}
        {none && <EmptyPanel text={t('training.authoring.none')} />}
        <ul className="training-course-list">
          {(courses ?? []).map((course) => (
            <AuthoredCourse key={course.id} course={course} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="authoring-new" className="training-authoring-new">
        <h2 id="authoring-new">{t('training.authoring.new')}</h2>
        <p>{t('training.authoring.newText')}</p>
        <CourseFieldsForm
          initial={NEW_COURSE}
          submitLabel={t('training.authoring.create')}
          onSubmit={create}
        />
      </section>
    </Page>
  );
}

function AuthoredCourse({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  const published = course.version > 0;
  const status = published
    ? t('training.authoring.status.published', { version: course.version })
    : t('training.authoring.status.draft');
  return (
    <li className="panel training-course">
      <h3>
        <Link href={authoringPath(course.id)}>{course.title}</Link>
      </h3>
      <p className="training-meta">
        {t(`training.track.${course.track}.title`)}
        {' · '}
        {t(`training.language.${course.language}`)}
        {' · '}
        <strong>{status}</strong>
      </p>
      {published && (
        <p>
          <Link href={courseProgressPath(course.id)}>
            {t('training.courseProgress.linkOf', { title: course.title })}
          </Link>
        </p>
      )}
    </li>
  );
}
