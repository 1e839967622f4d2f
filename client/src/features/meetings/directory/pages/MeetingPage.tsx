import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { LoadFailed, Loading } from '../../../../components/LoadStatus.tsx';
import { Page } from '../../../../components/Page.tsx';
import { useHavenStore } from '../../../../store/index.ts';
import { JoinPanel } from '../components/JoinPanel.tsx';
import { FindUs, MeetingAbout } from '../components/MeetingAbout.tsx';
import { InProgressBadge, TypeBadge } from '../components/MeetingCard.tsx';
import { MeetingWhen } from '../components/MeetingWhen.tsx';
import { UpcomingDates } from '../components/UpcomingDates.tsx';
import {
  DIRECTORY_PATH,
  editPath,
  hasPlace,
  isJoinable,
  isMeetingId,
  type MeetingNote,
  mayManageMeeting,
} from '../model.ts';
import { useDirectoryStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { useViewer } from '../viewer.ts';
import '../directory.css';
import '../meeting.css';
import { MeetingFeedback } from '../components/MeetingFeedback.tsx';

/** /meetings/:id: everything about one meeting, its coming dates, and the way in. */
export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const zone = viewer.zone;
  const user = useHavenStore((s) => s.user);
  const fetchMeeting = useDirectoryStore((s) => s.meeting);
  const fetchOccurrences = useDirectoryStore((s) => s.occurrences);
  const fetchPartnerName = useDirectoryStore((s) => s.partnerName);
  const note = (useHistoryState() as { meetingNote?: MeetingNote } | null)?.meetingNote;

  const valid = isMeetingId(id);
  const key = valid && zone ? `${id}|${zone}` : null;
  const meeting = useRemote(key, () => fetchMeeting(id, zone ?? 'UTC'));
  // The server's default window: from now, four weeks.
  const upcoming = useRemote(key, () => fetchOccurrences(id, { tz: zone ?? 'UTC' }));
  const partnerId = meeting.data?.partnerId ?? null;
  const partner = useRemote(partnerId, () => fetchPartnerName(partnerId ?? ''));

  const data = meeting.data;
  const manages = data !== null && mayManageMeeting(user, data);
  const created = note === 'created';
  const noteText = created ? t('directory.form.created') : t('directory.form.saved');
  const notFound = !valid || meeting.error === 'NOT_FOUND';
  const failed = meeting.status === 'failed' && !notFound;
  let title = t('directory.meeting.loadingTitle');
  if (data) title = data.title;
  else if (notFound) title = t('directory.meeting.notFound');
  else if (failed) title = t('directory.meeting.failedTitle');

  return (
    <Page title={title}>
      <p className="meeting-back">
        <Link href={DIRECTORY_PATH}>{t('directory.meeting.back')}</Link>
      </p>
      <div role="status" className="directory-note-region">
        {data && note && <p className="flash">{noteText}</p>}
      </div>
      {!data && !notFound && !failed && <Loading text={t('directory.meeting.loading')} />}
      {notFound && <p>{t('directory.meeting.notFoundText')}</p>}
      {failed && (
        <LoadFailed
          className="directory-problem"
          error={meeting.error ?? 'UNAVAILABLE'}
          onRetry={meeting.reload}
        />
      )}
      {data && zone && (
        <>
          <p className="dir-badges">
            <TypeBadge meeting={data} />
            <span className="dir-badge">{t(`directory.formats.${data.format}`)}</span>
            {data.inProgress && <InProgressBadge />}
          </p>
          <p className="meeting-description">{data.description}</p>
          {manages && (
            <p>
              <Link className="button-link secondary-link" href={editPath(data.id)}>
                {t('directory.meeting.edit')}
              </Link>
            </p>
          )}
          <div className="meeting-columns">
            <div className="meeting-main">
              <MeetingWhen
                meeting={data}
                occurrences={upcoming.data?.items ?? null}
                locale={viewer.locale}
                zone={zone}
              />
              <UpcomingDates
                occurrences={upcoming.data?.items ?? null}
                failed={upcoming.status === 'failed'}
                locale={viewer.locale}
                zone={zone}
              />
            </div>
            <div className="meeting-side">
              {isJoinable(data.format) && <JoinPanel key={data.id} meeting={data} />}
              {hasPlace(data.format) && <FindUs meeting={data} locale={viewer.locale} />}
              <MeetingAbout meeting={data} partnerName={partner.data} locale={viewer.locale} />
              {manages && <MeetingFeedback meetingId={data.id} locale={viewer.locale} />}
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
