import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../dates.ts';
import {
  formatCalendarDate,
  formatDate,
  formatDuration,
  formatTime,
  formatWallTime,
  formatWhen,
  listOf,
  viewerSchedule,
  weekdayName,
  zoneLabel,
} from '../format.ts';
import { calendarUrl, type MeetingView, type OccurrenceView } from '../model.ts';
import { InProgressBadge } from './MeetingCard.tsx';

/**
 * When a meeting is: the next time, the schedule in the viewer's zone (from real
 * occurrences, so a day that shifts across midnight reads right) and in the meeting's own
 * zone, how long, and a calendar file to keep it.
 */
export function MeetingWhen({
  meeting,
  occurrences,
  locale,
  zone,
}: {
  meeting: MeetingView;
  occurrences: readonly OccurrenceView[] | null;
  locale: string;
  zone: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const rec = meeting.recurrence;
  const next = meeting.nextOccurrence;

  let yours: string[] = [];
  let theirs = '';
  if (rec.kind === 'weekly') {
    const lines = viewerSchedule(occurrences ?? [], locale, zone);
    yours = lines.map(({ weekdays, days, time }) =>
      weekdays.length === 7
        ? t('directory.schedule.daily', { time })
        : t('directory.schedule.weekly', { days, time }),
    );
    const time = formatWallTime(rec.localTime, locale);
    theirs =
      rec.weekdays.length === 7
        ? t('directory.schedule.daily', { time })
        : t('directory.schedule.weekly', {
            days: listOf(
              rec.weekdays.map((day) => weekdayName(day, locale)),
              locale,
            ),
            time,
          });
  } else {
    if (next)
      yours = [
        t('directory.schedule.once', {
          date: formatDate(next.startsAt, locale, zone),
          time: formatTime(next.startsAt, locale, zone),
        }),
      ];
    theirs = t('directory.schedule.once', {
      date: formatCalendarDate(rec.localDateTime.slice(0, 10), locale),
      time: formatWallTime(rec.localDateTime.slice(11), locale),
    });
  }
  const startsLater = rec.kind === 'weekly' && rec.startsOn > todayIn(rec.timeZone);
  const sameZone = rec.timeZone === zone;
  const dateLines: string[] = [];
  if (rec.kind === 'weekly' && startsLater)
    dateLines.push(
      t('directory.schedule.from', { date: formatCalendarDate(rec.startsOn, locale) }),
    );
  if (rec.kind === 'weekly' && rec.until)
    dateLines.push(t('directory.schedule.until', { date: formatCalendarDate(rec.until, locale) }));

  return (
    <section className="panel meeting-section meeting-when" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('directory.meeting.when')}</h2>
      {next ? (
        <p className="meeting-next-big">
          {meeting.inProgress ? (
            <>
              <InProgressBadge />{' '}
              {t('directory.meeting.endsAt', { time: formatTime(next.endsAt, locale, zone) })}
            </>
          ) : (
            t('directory.meeting.next', { when: formatWhen(next.startsAt, locale, zone) })
          )}
        </p>
      ) : (
        <p>{t('directory.meeting.noUpcoming')}</p>
      )}
      <dl className="meeting-facts-list">
        {yours.length > 0 && (
          <div>
            <dt>{t('directory.meeting.yourTime')}</dt>
            {yours.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
            <dd className="field-hint">{zoneLabel(zone, locale)}</dd>
          </div>
        )}
        {!sameZone && (
          <div>
            <dt>{t('directory.meeting.meetingTime')}</dt>
            <dd>{theirs}</dd>
            <dd className="field-hint">{zoneLabel(rec.timeZone, locale)}</dd>
          </div>
        )}
        {dateLines.length > 0 && (
          <div>
            <dt>{t('directory.meeting.dates')}</dt>
            {dateLines.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </div>
        )}
        <div>
          <dt>{t('directory.meeting.duration')}</dt>
          <dd>{formatDuration(meeting.durationMinutes, locale)}</dd>
        </div>
      </dl>
      <p className="meeting-calendar">
        <a className="button-link secondary-link" href={calendarUrl(meeting.id)} download>
          {t('directory.meeting.addToCalendar')}
        </a>
        <span className="field-hint">{t('directory.meeting.calendarHint')}</span>
      </p>
    </section>
  );
}
