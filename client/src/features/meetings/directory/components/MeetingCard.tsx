import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatWhen, languageName } from '../format.ts';
import { hasPlace, type MeetingView, meetingPath } from '../model.ts';

/** What kind of meeting: "Open meeting", or whom a specialised one is for. */
export function TypeBadge({ meeting }: { meeting: Pick<MeetingView, 'type' | 'audience'> }) {
  const { t } = useTranslation();
  const label = meeting.audience
    ? t(`directory.audiences.${meeting.audience}`)
    : t(`directory.types.${meeting.type}`);
  const specialised = meeting.type === 'specialised';
  return <span className={`dir-badge${specialised ? ' dir-badge-specialised' : ''}`}>{label}</span>;
}

export function InProgressBadge() {
  const { t } = useTranslation();
  return <span className="dir-badge dir-badge-live">{t('directory.list.inProgress')}</span>;
}

/** One meeting in the list: enough to choose, the rest is on its page. */
export function MeetingCard({
  meeting,
  locale,
  zone,
  query,
}: {
  meeting: MeetingView;
  locale: string;
  zone: string;
  /** "?tz=…" when a zone was chosen, so the meeting's page keeps it. */
  query: string;
}) {
  const { t } = useTranslation();
  const next = meeting.nextOccurrence;
  const city = hasPlace(meeting.format) ? meeting.location?.city : undefined;
  return (
    <article className="meeting-card">
      <h2 className="meeting-card-title">
        <Link href={`${meetingPath(meeting.id)}${query}`}>{meeting.title}</Link>
      </h2>
      <p className="dir-badges">
        <TypeBadge meeting={meeting} />
        {meeting.inProgress && <InProgressBadge />}
      </p>
      <ul className="meeting-facts">
        <li>{t(`directory.formats.${meeting.format}`)}</li>
        <li>{languageName(meeting.language, locale)}</li>
        {city && <li>{t('directory.list.city', { city })}</li>}
      </ul>
      {next && (
        <p className="meeting-next">
          {t('directory.list.next', { when: formatWhen(next.startsAt, locale, zone) })}
        </p>
      )}
    </article>
  );
}
