import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../format.ts';
import type { OccurrenceView } from '../model.ts';

/** How many dates show before "Show all": a daily meeting has 28 in four weeks. */
export const FIRST_DATES = 8;

/** The next four weeks of dates, in the viewer's zone. */
export function UpcomingDates({
  occurrences,
  failed,
  locale,
  zone,
}: {
  occurrences: readonly OccurrenceView[] | null;
  failed: boolean;
  locale: string;
  zone: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [all, setAll] = useState(false);
  const shown = occurrences && !all ? occurrences.slice(0, FIRST_DATES) : occurrences;
  const hidden = occurrences ? occurrences.length - (shown?.length ?? 0) : 0;

  const showAll = () => {
    setAll(true);
    // Keyboard users carry on from the first date that was hidden.
    requestAnimationFrame(() =>
      listRef.current?.querySelectorAll<HTMLElement>('li')[FIRST_DATES]?.focus(),
    );
  };

  return (
    <section className="panel meeting-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('directory.meeting.upcoming')}</h2>
      <p className="field-hint">{t('directory.meeting.upcomingIntro')}</p>
      {failed && <p role="alert">{t('directory.meeting.upcomingFailed')}</p>}
      {!failed && occurrences === null && (
        <p role="status">{t('directory.meeting.loadingDates')}</p>
      )}
      {occurrences && occurrences.length === 0 && <p>{t('directory.meeting.noDates')}</p>}
      {shown && shown.length > 0 && (
        <ul className="upcoming-dates" ref={listRef}>
          {shown.map((occurrence) => (
            <li key={occurrence.startsAt} tabIndex={-1}>
              <span className="upcoming-day">{formatDate(occurrence.startsAt, locale, zone)}</span>{' '}
              <span className="upcoming-time">
                {formatTime(occurrence.startsAt, locale, zone)}–
                {formatTime(occurrence.endsAt, locale, zone)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="upcoming-more">
          <button type="button" className="secondary small" onClick={showAll}>
            {t('directory.meeting.allDates', { count: occurrences?.length ?? 0 })}
          </button>
        </p>
      )}
    </section>
  );
}
