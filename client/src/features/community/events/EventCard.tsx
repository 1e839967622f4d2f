import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CommunityEvent } from '../../../../../shared/api/community.ts';
import { EventWhen, placeText } from '../components/bits.tsx';
import { useLocale } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';

/** Where an event happens, in a line: "Online" or "Casa Verde, Sevilla, Spain". */
export function EventPlace({ event }: { event: CommunityEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { location } = event;
  if (location.type === 'online') return <>{t('community.events.online')}</>;
  return <>{[location.venue, placeText(location, locale)].join(', ')}</>;
}

/** "3 places left", "Full", or "No limit on places", and how many are going. */
export function Places({ event }: { event: CommunityEvent }) {
  const { t } = useTranslation();
  const full = event.placesLeft === 0;
  let places: string;
  if (event.placesLeft === null) places = t('community.events.noLimit');
  else if (full) places = t('community.events.full');
  else places = t('community.events.placesLeft', { count: event.placesLeft });
  return (
    <p className="cm-line">
      <span className={full ? 'cm-badge cm-badge-warn' : 'cm-strong'}>{places}</span>{' '}
      <span className="cm-muted">{t('community.events.going', { count: event.goingCount })}</span>
    </p>
  );
}

export function EventCard({
  event,
  viewerZone,
  groupName,
}: {
  event: CommunityEvent;
  viewerZone: string;
  groupName?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cancelled = event.status === 'cancelled';
  return (
    <li className={`cm-card${cancelled ? ' cm-card-muted' : ''}`}>
      <h3>
        <Link href={COMMUNITY_PATHS.event(event.id)}>{event.title}</Link>
      </h3>
      <p className="cm-meta">
        <span className="cm-badge">{t(`community.events.kinds.${event.kind}`)}</span>
        {cancelled && (
          <span className="cm-badge cm-badge-warn">{t('community.events.cancelled')}</span>
        )}
        {event.amGoing && !cancelled && (
          <span className="cm-badge cm-badge-strong">{t('community.events.youAreGoing')}</span>
        )}
      </p>
      <EventWhen
        startsAt={event.startsAt}
        endsAt={event.endsAt}
        eventZone={event.timeZone}
        viewerZone={viewerZone}
        locale={locale}
      />
      <p className="cm-line">
        <EventPlace event={event} />
      </p>
      {groupName && (
        <p className="cm-line cm-muted">{t('community.events.groupIs', { name: groupName })}</p>
      )}
      {!cancelled && <Places event={event} />}
    </li>
  );
}
