import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, languageName, listOf } from '../format.ts';
import type { MeetingView } from '../model.ts';

/** "Find us": where an in-person or hybrid meeting takes place, with a map search. */
export function FindUs({ meeting, locale }: { meeting: MeetingView; locale: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const place = meeting.location;
  if (!place) return null;
  const lines = [place.address, [place.city, place.region].filter(Boolean).join(', ')];
  const country = countryName(place.country, locale);
  const mapQuery = [place.placeName, place.address, place.city, country].join(', ');
  const inPersonOnly = meeting.format === 'in-person';
  return (
    <section className="panel meeting-section find-us" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('directory.findUs.title')}</h2>
      <p className="field-hint">
        {inPersonOnly ? t('directory.findUs.inPerson') : t('directory.findUs.hybrid')}
      </p>
      <address className="meeting-address">
        <strong>{place.placeName}</strong>
        {lines.map((line) => (
          <span key={line}>{line}</span>
        ))}
        <span>{country}</span>
      </address>
      {place.notes && <p className="meeting-notes">{place.notes}</p>}
      <p>
        <a
          href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(mapQuery)}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('directory.findUs.map')}
        </a>
      </p>
    </section>
  );
}

/** Who runs it, how many can come, the language, and the partner organisation if any. */
export function MeetingAbout({
  meeting,
  partnerName,
  locale,
}: {
  meeting: MeetingView;
  partnerName: string | null;
  locale: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const names = meeting.facilitators.map((f) => f.displayName);
  return (
    <section className="panel meeting-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('directory.meeting.about')}</h2>
      <dl className="meeting-facts-list">
        <div>
          <dt>{t('directory.meeting.facilitators')}</dt>
          <dd>{names.length ? listOf(names, locale) : t('directory.meeting.noFacilitators')}</dd>
        </div>
        <div>
          <dt>{t('directory.meeting.format')}</dt>
          <dd>{t(`directory.formats.${meeting.format}`)}</dd>
        </div>
        <div>
          <dt>{t('directory.meeting.language')}</dt>
          <dd>{languageName(meeting.language, locale)}</dd>
        </div>
        <div>
          <dt>{t('directory.meeting.capacity')}</dt>
          <dd>{t('directory.meeting.capacityValue', { count: meeting.capacity })}</dd>
        </div>
        {meeting.partnerId && (
          <div>
            <dt>{t('directory.meeting.partner')}</dt>
            <dd>{partnerName ?? t('directory.meeting.partnerUnknown')}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
