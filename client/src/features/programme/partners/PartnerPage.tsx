import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { useViewerTime } from '../../../i18n/dates.ts';
import { useHavenStore } from '../../../store/index.ts';
import { useProgrammeData } from '../data.ts';
import { formatMeetingTime, languageName, placeName } from '../format.ts';
import { paragraphsOf } from '../library/blocks.ts';
import { meetingPath, PROGRAMME_PATHS } from '../paths.ts';
import { safeLink } from '../proposals/logic.ts';
import type { MeetingView, Partner } from '../types.ts';
import { bySoonest, peerLed } from './meetings.ts';

/** A partner: who they are, where, their services and staff, and the meetings to go to. */
export function PartnerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const { state, reload } = useProgrammeData(`partner:${id}`, (api) => api.partner(id));
  const partner = state.status === 'ready' ? state.data : null;
  const notFound = state.status === 'failed' && state.error === 'NOT_FOUND';
  const failed = state.status === 'failed' && !notFound;
  const loading = state.status === 'loading';
  const title =
    partner?.name ??
    (notFound ? t('programme.partner.notFoundTitle') : t('sections.partners.title'));

  return (
    <Page title={title}>
      <p className="back-link">
        <Link href={PROGRAMME_PATHS.partners}>{t('programme.partner.back')}</Link>
      </p>
      {loading && <Loading />}
      {failed && <LoadFailed error={state.error} onRetry={reload} />}
      {notFound && <p>{t('programme.partner.notFound')}</p>}
      {partner && <PartnerDetails partner={partner} />}
    </Page>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="proposal-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PartnerDetails({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const language = useHavenStore((s) => s.language);
  const website = safeLink(partner.website ?? undefined);
  const meetings = useProgrammeData(`partner-meetings:${partner.id}`, async (api) => {
    const [own, city] = await Promise.all([
      api.meetings({ partnerId: partner.id }),
      api.meetings({ city: partner.area.city }),
    ]);
    return { own: bySoonest(own.items), nearby: bySoonest(peerLed(city.items)) };
  });
  const found = meetings.state.status === 'ready' ? meetings.state.data : null;
  const meetingsLoading = meetings.state.status === 'loading';
  const meetingsError = meetings.state.status === 'failed' ? meetings.state.error : null;

  return (
    <>
      <div className="prose-block">
        {paragraphsOf(partner.description).map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('programme.partner.area')}</dt>
          <dd>{placeName(partner.area, language)}</dd>
        </div>
        {website && (
          <div>
            <dt>{t('programme.partner.website')}</dt>
            <dd>
              <a href={website} rel="noopener noreferrer external">
                {website}
              </a>
            </dd>
          </div>
        )}
      </dl>

      <Section title={t('programme.partner.services')}>
        {partner.services.length ? (
          <ul className="tag-list">
            {partner.services.map((service) => (
              <li key={service}>{service}</li>
            ))}
          </ul>
        ) : (
          <p>{t('programme.partner.noServices')}</p>
        )}
      </Section>

      <Section title={t('programme.partner.staff')}>
        <p className="field-hint">{t('programme.partner.staffHint')}</p>
        {partner.staff.length ? (
          <ul className="programme-list">
            {partner.staff.map((member) => (
              <li key={member.id}>{member.displayName}</li>
            ))}
          </ul>
        ) : (
          <p>{t('programme.partner.noStaff')}</p>
        )}
      </Section>

      <Section title={t('programme.partner.ownMeetings', { name: partner.name })}>
        {meetingsLoading && <Loading />}
        {meetingsError && <LoadFailed error={meetingsError} onRetry={meetings.reload} />}
        {found && <MeetingList meetings={found.own} empty={t('programme.partner.noOwn')} />}
      </Section>

      <Section title={t('programme.partner.nearby', { city: partner.area.city })}>
        <p className="field-hint">{t('programme.partner.nearbyHint')}</p>
        {found && <MeetingList meetings={found.nearby} empty={t('programme.partner.noNearby')} />}
      </Section>
    </>
  );
}

function MeetingList({ meetings, empty }: { meetings: MeetingView[]; empty: string }) {
  const { zone } = useViewerTime();
  const { t } = useTranslation();
  const language = useHavenStore((s) => s.language);
  if (meetings.length === 0) return <p>{empty}</p>;
  return (
    <ul className="meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="card meeting-card">
          <h3 className="card-title" lang={meeting.language}>
            <Link href={meetingPath(meeting.id)}>{meeting.title}</Link>
          </h3>
          <p className="list-meta">
            {t('programme.partner.meetingMeta', {
              format: t(`programme.partner.formats.${meeting.format}`),
              language: languageName(meeting.language, language),
            })}
          </p>
          <p className="list-meta">
            {meeting.inProgress
              ? t('programme.partner.inProgress')
              : meeting.nextOccurrence
                ? t('programme.partner.next', {
                    time: formatMeetingTime(meeting.nextOccurrence.startsAt, language, zone),
                  })
                : t('programme.partner.noDate')}
          </p>
        </li>
      ))}
    </ul>
  );
}
