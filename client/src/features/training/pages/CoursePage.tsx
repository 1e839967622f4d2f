import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { CourseDetail } from '../../../../../shared/training/learning.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { training } from '../api.ts';
import { AccessNotice } from '../components/AccessNotice.tsx';
import { ProgressLine } from '../components/ProgressLine.tsx';
import { useLoad } from '../hooks.ts';
import { itemState, resumeItem } from '../logic.ts';
import { itemPath, TRAINING_PATHS } from '../paths.ts';

/** `/training/courses/:id`: modules and items with their state, and where to resume. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <MembersOnly title={t('training.course.title')} text={t('training.signedOut')}>
      {() => <Course id={id} />}
    </MembersOnly>
  );
}

interface Loaded {
  course: CourseDetail;
  titles: Map<string, string>;
}

async function loadCourse(id: string): Promise<Loaded> {
  const [course, courses] = await Promise.all([
    training.course(id),
    training.courses().catch(() => []),
  ]);
  return { course, titles: new Map(courses.map((c) => [c.id, c.title])) };
}

function Course({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, reload } = useLoad(id, () => loadCourse(id));
  if (state.status === 'ready') return <CourseView {...state.data} onChange={reload} />;
  const failed = state.status === 'failed' ? state : null;
  return (
    <Page title={t('training.course.title')}>
      <p>
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
      </p>
      {failed ? (
        <LoadFailed error={failed.code} onRetry={reload} notFound={t('training.course.notFound')} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function CourseView({ course, titles, onChange }: Loaded & { onChange: () => void }) {
  const { t } = useTranslation();
  const [moveError, setMoveError] = useState<string | null>(null);
  const resume = resumeItem(course);
  const started = course.progress.version !== null;
  const allowed = course.access.allowed;
  const moveForward = async () => {
    try {
      await training.moveForward(course.id);
      onChange();
    } catch (error) {
      setMoveError(t(errorMessageKey(asApiError(error).code)));
    }
  };
  return (
    <Page title={course.title}>
      <p>
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
      </p>
      <p lang={course.language}>{course.description}</p>
      <ProgressLine
        minutesDone={course.progress.minutesDone}
        plannedMinutes={course.progress.plannedMinutes}
      />
      <p>
        {t('training.progress.items', {
          count: course.progress.totalItems,
          done: course.progress.completedItems,
          total: course.progress.totalItems,
        })}
      </p>
      {!allowed && (
        <AccessNotice
          reason={course.access.reason}
          missing={course.access.missingPrerequisites}
          titles={titles}
        />
      )}
      {course.newerVersion !== null && (
        <div className="panel training-newer">
          <p>{t('training.course.newerVersion')}</p>
          <button type="button" onClick={() => void moveForward()}>
            {t('training.course.moveForward')}
          </button>
          {moveError && <p role="alert">{moveError}</p>}
        </div>
      )}
      {allowed && resume && (
        <p>
          <Link className="button-link" href={itemPath(resume.id)}>
            {started
              ? t('training.course.resume', { title: resume.title })
              : t('training.course.start', { title: resume.title })}
          </Link>
        </p>
      )}
      {course.progress.completed && (
        <p className="training-done">
          <strong>{t('training.course.completed')}</strong>{' '}
          <Link href={TRAINING_PATHS.certificates}>{t('training.certificates.link')}</Link>
        </p>
      )}
      {course.modules.map((module, index) => (
        <section
          key={module.key}
          className="training-module"
          aria-labelledby={`module-${module.key}`}
        >
          <h2 id={`module-${module.key}`}>
            {t('training.course.module', { number: index + 1, title: module.title })}
          </h2>
          <ol className="training-items">
            {module.items.map((item) => {
              const state = itemState(item.progress);
              return (
                <li key={item.id} className={`training-item training-item-${state}`}>
                  {allowed ? (
                    <Link href={itemPath(item.id)}>{item.title}</Link>
                  ) : (
                    <span>{item.title}</span>
                  )}
                  <span className="training-meta">
                    {t(`training.kind.${item.kind}`)}
                    {' · '}
                    {t('training.minutes', { count: item.minutes })}
                    {' · '}
                    <span className={`training-state training-state-${state}`}>
                      {t(`training.state.${state}`)}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </Page>
  );
}
