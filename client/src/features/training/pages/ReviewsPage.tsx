import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { ReviewEntry } from '../../../../../shared/training/reviews.ts';
import { EmptyPanel, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { training } from '../api.ts';
import { ReviewFilters } from '../components/ReviewFilters.tsx';
import { useLoad } from '../hooks.ts';
import { TRAINING_PATHS } from '../paths.ts';
import { isFiltered, readReviewFilters, reviewFiltersKey, reviewsPath } from '../review-filters.ts';
import { trainers } from '../trainers-api.ts';

/**
 * `/training/reviews`: written exercises waiting for a trainer, oldest first. Each answer is
 * approved, or sent back with what to change (the server requires it then); earlier versions
 * and what was said about them come with it. The server decides who may see the queue.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('training.reviews.title')} text={t('training.signedOut')}>
      {() => <Reviews />}
    </MembersOnly>
  );
}

/** The courses and cohorts the filters offer; either list may fail without the other. */
async function filterChoices() {
  const [courses, cohorts] = await Promise.allSettled([training.courses(), trainers.cohorts()]);
  return {
    courses: courses.status === 'fulfilled' ? courses.value : [],
    cohorts: cohorts.status === 'fulfilled' ? cohorts.value : [],
    failed: courses.status === 'rejected' || cohorts.status === 'rejected',
  };
}

function Reviews() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const filters = readReviewFilters(useSearch());
  const key = reviewFiltersKey(filters);
  const { state, reload } = useLoad(key, () => trainers.reviewQueue(filters));
  const choices = useLoad('review-filter-choices', filterChoices);
  const lists = choices.state.status === 'ready' ? choices.state.data : null;
  const failed = state.status === 'failed' ? state : null;
  const page = state.status === 'ready' ? state.data : null;
  const list = page?.items ?? null;
  const none = list !== null && list.length === 0;
  const filtered = isFiltered(filters);
  return (
    <Page title={t('training.reviews.title')} intro={t('training.reviews.intro')}>
      <p>
        <Link href={TRAINING_PATHS.courses}>{t('training.backToCourses')}</Link>
        {' · '}
        <Link href={TRAINING_PATHS.cohorts}>{t('training.cohorts.link')}</Link>
      </p>
      <ReviewFilters
        key={key}
        filters={filters}
        courses={lists?.courses ?? []}
        cohorts={lists?.cohorts ?? []}
        onApply={(next) => navigate(reviewsPath(next))}
      />
      {lists?.failed && <p className="training-warn">{t('training.reviewFilters.listsFailed')}</p>}
      <p role="status" className="list-status">
        {list && list.length > 0 ? t('training.reviewFilters.count', { count: list.length }) : ''}
      </p>
      {!list && !failed && <Loading />}
      {failed && <LoadFailed error={failed.code} onRetry={reload} />}
      {none && (
        <EmptyPanel
          text={filtered ? t('training.reviewFilters.noneFiltered') : t('training.reviews.none')}
        />
      )}
      <ul className="training-reviews">
        {(list ?? []).map((entry) => (
          <Review key={entry.id} entry={entry} />
        ))}
      </ul>
      {(page?.nextCursor || filters.cursor) && (
        <p className="link-row training-pager">
          {filters.cursor && (
            <Link href={reviewsPath({ ...filters, cursor: '' })}>
              {t('training.reviewFilters.firstPage')}
            </Link>
          )}
          {page?.nextCursor && (
            <Link href={reviewsPath({ ...filters, cursor: page.nextCursor })}>
              {t('training.reviewFilters.nextPage')}
            </Link>
          )}
        </p>
      )}
    </Page>
  );
}

function Review({ entry }: { entry: ReviewEntry }) {
  const { t } = useTranslation();
  const headingId = useId();
  const feedbackId = useId();
  const [feedback, setFeedback] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [decided, setDecided] = useState(false);
  const waiting = entry.status === 'submitted';
  const decide = (decision: 'approved' | 'changes-requested') => (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaid('');
    training
      .decide(entry.id, { decision, ...(feedback.trim() ? { feedback: feedback.trim() } : {}) })
      .then(() => {
        setDecided(true);
        setSaid(
          decision === 'approved'
            ? t('training.reviews.approved', { name: entry.learner.displayName })
            : t('training.reviews.sentBack', { name: entry.learner.displayName }),
        );
      })
      .catch((error: unknown) => {
        const { code, fields } = asApiError(error);
        setSaid(fields.feedback ? t('training.reviews.feedbackNeeded') : t(errorMessageKey(code)));
      })
      .finally(() => setBusy(false));
  };
  return (
    <li className="panel training-review" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('training.reviews.heading', {
          name: entry.learner.displayName,
          item: entry.item.title,
        })}
      </h2>
      <p className="training-meta">
        {t('training.reviews.meta', { course: entry.course.title, version: entry.version })}
      </p>
      <p className="training-prompt">{entry.item.prompt}</p>
      <blockquote className="training-answer">{entry.text}</blockquote>
      {entry.earlierVersions.length > 0 && (
        <details>
          <summary>
            {t('training.reviews.earlier', { count: entry.earlierVersions.length })}
          </summary>
          <ol>
            {entry.earlierVersions.map((v) => (
              <li key={v.id}>
                <p>{v.text}</p>
                {v.feedback && <p>{t('training.reviews.saidThen', { feedback: v.feedback })}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {!waiting && (
        <p className="training-decided">
          <strong>{t(`training.reviewFilters.statuses.${entry.status}`)}</strong>
          {entry.feedback && ` · ${t('training.reviews.saidThen', { feedback: entry.feedback })}`}
        </p>
      )}
      {!decided && waiting && (
        <form className="form" onSubmit={decide('approved')}>
          <label htmlFor={feedbackId}>{t('training.reviews.feedback')}</label>
          <textarea
            id={feedbackId}
            rows={4}
            value={feedback}
            onChange={(e) => setFeedback(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" aria-disabled={busy || undefined}>
              {t('training.reviews.approve')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-disabled={busy || undefined}
              onClick={() => decide('changes-requested')()}
            >
              {t('training.reviews.askChanges')}
            </button>
          </div>
        </form>
      )}
      <p role="status">{said}</p>
    </li>
  );
}
