import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HELPED } from '../../../../../../shared/meetings/feedback.ts';
import { useDirectoryStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';

/**
 * For those who run the meeting: recent occurrences as numbers only (how many came, how they
 * rated it, what helped). Nothing here says who came or who answered what.
 */
export function MeetingFeedback({ meetingId, locale }: { meetingId: string; locale: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const fetchFeedback = useDirectoryStore((s) => s.feedback);
  const feedback = useRemote(meetingId, () => fetchFeedback(meetingId));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const occurrences = feedback.data?.occurrences ?? [];
  const empty = feedback.status === 'ready' && occurrences.length === 0;
  return (
    <section aria-labelledby={headingId} className="panel meeting-feedback">
      <h2 id={headingId}>{t('directory.feedback.title')}</h2>
      <p className="field-hint">{t('directory.feedback.intro')}</p>
      {empty && <p>{t('directory.feedback.none')}</p>}
      {occurrences.length > 0 && (
        <ul className="meeting-feedback-list">
          {occurrences.map((o) => {
            const answers = o.ratings.reduce((sum, n) => sum + n, 0);
            const average = answers
              ? o.ratings.reduce((sum, n, i) => sum + n * (i + 1), 0) / answers
              : null;
            const helped = HELPED.filter((what) => o.helped[what] > 0)
              .map((what) =>
                t('directory.feedback.helpedItem', {
                  what: t(`live.feedback.what.${what}`),
                  count: o.helped[what],
                }),
              )
              .join(', ');
            return (
              <li key={o.openedAt}>
                <strong>{date.format(new Date(o.openedAt))}</strong>{' '}
                {t('directory.feedback.came', { count: o.totalAdmitted })}{' '}
                {average === null
                  ? t('directory.feedback.noRatings')
                  : t('directory.feedback.rated', {
                      count: answers,
                      average: average.toFixed(1),
                    })}
                {helped && <> {t('directory.feedback.helped', { list: helped })}</>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
