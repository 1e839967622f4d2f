import { type KeyboardEvent, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ListStatus, LoadFailed } from '../../../../components/LoadStatus.tsx';
import { addDays } from '../dates.ts';
import { WEEK_MEETING_LIMIT } from '../filters.ts';
import {
  formatDayHeading,
  formatDayLong,
  formatTime,
  formatWeekRange,
  zoneLabel,
} from '../format.ts';
import { meetingPath } from '../model.ts';
import type { WeekState } from '../store.ts';
import { buildWeek, type Direction, moveInWeek } from '../week.ts';

const KEYS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'first',
  End: 'last',
};

/**
 * Seven days, Monday to Sunday, in the viewer's zone. Every entry is a link (Tab reaches
 * each); arrow keys move between them as on a calendar, Home and End to the week's ends.
 */
export function WeekView({
  week,
  monday,
  today,
  thisMonday,
  locale,
  zone,
  query,
  onWeek,
  onRetry,
}: {
  week: WeekState;
  monday: string;
  today: string;
  thisMonday: string;
  locale: string;
  zone: string;
  query: string;
  onWeek: (monday: string) => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const days = useMemo(() => buildWeek(monday, week.entries, today), [monday, week.entries, today]);
  const counts = days.map((day) => day.entries.length);
  const total = counts.reduce((a, b) => a + b, 0);
  const atStart = monday <= thisMonday;
  const ready = week.status === 'ready';
  const failed = week.status === 'failed';
  const now = Date.now();

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const direction = KEYS[event.key];
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
    if (!direction || !from) return;
    const to = moveInWeek(
      counts,
      { day: Number(from.dataset.day), index: Number(from.dataset.index) },
      direction,
    );
    event.preventDefault();
    if (!to) return;
    event.currentTarget
      .querySelector<HTMLElement>(`[data-day="${to.day}"][data-index="${to.index}"]`)
      ?.focus();
  };

  return (
    <section className="week-view" aria-labelledby={headingId}>
      <div className="week-nav">
        <button
          type="button"
          className="secondary small"
          aria-disabled={atStart || undefined}
          onClick={() => {
            if (!atStart) onWeek(addDays(monday, -7));
          }}
        >
          {t('directory.week.previous')}
        </button>
        <h2 id={headingId}>{formatWeekRange(monday, addDays(monday, 6), locale)}</h2>
        <button
          type="button"
          className="secondary small"
          onClick={() => onWeek(addDays(monday, 7))}
        >
          {t('directory.week.next')}
        </button>
        {!atStart && (
          <button type="button" className="link-button" onClick={() => onWeek(thisMonday)}>
            {t('directory.week.thisWeek')}
          </button>
        )}
      </div>
      <p className="field-hint" id={hintId}>
        {t('directory.week.zone', { zone: zoneLabel(zone, locale) })}{' '}
        {t('directory.week.keyboardHint')}
      </p>
      <ListStatus
        className="directory-status"
        loading={!ready && !failed}
        loadingText={t('directory.week.loading')}
        count={ready ? total : null}
        shown={(count) => t('directory.week.count', { count })}
      />
      {failed && (
        <LoadFailed
          className="directory-problem"
          error={week.error ?? 'UNAVAILABLE'}
          onRetry={onRetry}
        />
      )}
      {ready && week.truncated && (
        <p className="directory-note">
          {t('directory.week.truncated', { count: WEEK_MEETING_LIMIT })}
        </p>
      )}
      {ready && (
        <ol className="week-grid" onKeyDown={onKeyDown} aria-describedby={hintId}>
          {days.map((day, d) => {
            const heading = formatDayHeading(day.date, locale);
            return (
              <li
                key={day.date}
                className={`week-day${day.isToday ? ' week-today' : ''}`}
                aria-current={day.isToday ? 'date' : undefined}
              >
                <h3 className="week-day-heading">
                  <span aria-hidden="true">
                    <span className="week-weekday">{heading.weekday}</span>{' '}
                    <span className="week-date">{heading.date}</span>
                  </span>
                  <span className="visually-hidden">{formatDayLong(day.date, locale)}</span>
                  {day.isToday && <span className="dir-badge">{t('directory.week.today')}</span>}
                </h3>
                {day.entries.length > 0 ? (
                  <ul className="week-entries">
                    {day.entries.map((entry, index) => {
                      const { occurrence, meeting } = entry;
                      const live =
                        Date.parse(occurrence.startsAt) <= now &&
                        now < Date.parse(occurrence.endsAt);
                      return (
                        <li key={`${meeting.id}-${occurrence.startsAt}`}>
                          <Link
                            className={`week-entry${live ? ' week-entry-live' : ''}`}
                            href={`${meetingPath(meeting.id)}${query}`}
                            data-day={d}
                            data-index={index}
                          >
                            <span className="week-time">
                              {formatTime(occurrence.startsAt, locale, zone)}
                            </span>
                            <span className="week-title">{meeting.title}</span>
                            <span className="week-format">
                              {t(`directory.formats.${meeting.format}`)}
                              {live && (
                                <>
                                  {' · '}
                                  {t('directory.list.inProgress')}
                                </>
                              )}
                            </span>
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="week-none">{t('directory.week.none')}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {ready && total === 0 && <p className="directory-note">{t('directory.week.empty')}</p>}
    </section>
  );
}
