import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { CourseDetail, LearnerItem } from '../../../../../shared/training/learning.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { training } from '../api.ts';
import { AccessNotice } from '../components/AccessNotice.tsx';
import { ExerciseView } from '../components/ExerciseView.tsx';
import { QuizView } from '../components/QuizView.tsx';
import { ReadingView } from '../components/ReadingView.tsx';
import { VideoView } from '../components/VideoView.tsx';
import { startHeartbeat } from '../heartbeat.ts';
import { type LoadState, useLoad } from '../hooks.ts';
import { canMarkDone, itemState, neighbours } from '../logic.ts';
import { coursePath, itemPath, TRAINING_PATHS } from '../paths.ts';

/** `/training/items/:id`: one item to learn from, by its kind, with time counted while visible. */
export function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <MembersOnly title={t('training.item.title')} text={t('training.signedOut')}>
      {() => <Item key={id} id={id} />}
    </MembersOnly>
  );
}

/**
 * Heartbeats while the item is on screen and visible; none once the page is left. When the
 * server's answer changes the item's state (not started → in progress, or done after enough
 * time), `onChange` shows it.
 */
function useHeartbeat(itemId: string | null, status: string | null, onChange: () => void) {
  const latest = useRef({ status, onChange });
  latest.current = { status, onChange };
  useEffect(() => {
    if (!itemId) return;
    const beat = async () => {
      const answer = await training.heartbeat(itemId).catch(() => null);
      if (answer && answer.progress.status !== latest.current.status) latest.current.onChange();
    };
    return startHeartbeat({ beat: () => void beat() });
  }, [itemId]);
}

function Item({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, reload, refresh } = useLoad(id, () => training.item(id));
  const item = state.status === 'ready' ? state.data : null;
  const course = useLoad(item?.courseId ?? '', () =>
    item ? training.course(item.courseId) : Promise.reject(new Error('no item')),
  );
  const onChange = () => {
    void refresh();
    void course.refresh();
  };
  useHeartbeat(item?.id ?? null, item?.progress.status ?? null, onChange);
  if (item) return <ItemView item={item} course={course.state} onChange={onChange} />;
  const failed = state.status === 'failed' ? state : null;
  const forbidden = failed?.code === 'FORBIDDEN';
  const missing = failed?.fields.prerequisites ?? [];
  const reason = missing.length > 0 ? 'prerequisites' : 'track';
  return (
    <Page title={t('training.item.title')}>
      <p>
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
      </p>
      {forbidden && <AccessNotice reason={reason} missing={missing} titles={new Map()} />}
      {failed && !forbidden && (
        <LoadFailed error={failed.code} onRetry={reload} notFound={t('training.item.notFound')} />
      )}
      {!failed && <Loading />}
    </Page>
  );
}

function ItemView({
  item,
  course,
  onChange,
}: {
  item: LearnerItem;
  course: LoadState<CourseDetail>;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [doneError, setDoneError] = useState<string | null>(null);
  const outline = course.status === 'ready' ? course.data : null;
  const language = outline?.language ?? 'en';
  const around = outline ? neighbours(outline, item) : { previous: null, next: null };
  const state = itemState(item.progress);
  const markable = canMarkDone(item);
  const done = state === 'done';

  const markDone = async () => {
    setDoneError(null);
    try {
      await training.complete(item.id);
      onChange();
    } catch (error) {
      setDoneError(t(errorMessageKey(asApiError(error).code)));
    }
  };

  return (
    <Page title={item.title}>
      <nav aria-label={t('training.item.breadcrumb')} className="training-breadcrumb">
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
        {outline && (
          <>
            {' › '}
            <Link href={coursePath(outline.id)}>{outline.title}</Link>
          </>
        )}
      </nav>
      <p className="training-meta">
        {t(`training.kind.${item.kind}`)}
        {' · '}
        {t('training.minutes', { count: item.minutes })}
        {' · '}
        <span role="status">{t(`training.state.${state}`)}</span>
      </p>
      {item.video && <VideoView video={item.video} title={item.title} language={language} />}
      {item.reading && <ReadingView markdown={item.reading.markdown} language={language} />}
      {item.quiz && <QuizView item={item} quiz={item.quiz} onGraded={onChange} />}
      {item.exercise && (
        <ExerciseView
          item={item}
          exercise={item.exercise}
          language={language}
          onSubmitted={onChange}
        />
      )}
      {markable && (
        <p>
          <button type="button" onClick={() => void markDone()}>
            {t('training.item.markDone')}
          </button>
        </p>
      )}
      {done && <p className="training-ok">{t('training.item.done')}</p>}
      {doneError && <p role="alert">{doneError}</p>}
      <nav aria-label={t('training.item.around')} className="training-around">
        {around.previous ? (
          <Link href={itemPath(around.previous.id)} rel="prev">
            {t('training.item.previous', { title: around.previous.title })}
          </Link>
        ) : (
          <span />
        )}
        {around.next ? (
          <Link href={itemPath(around.next.id)} rel="next">
            {t('training.item.next', { title: around.next.title })}
          </Link>
        ) : (
          outline && <Link href={coursePath(outline.id)}>{t('training.item.backToCourse')}</Link>
        )}
      </nav>
    </Page>
  );
}
