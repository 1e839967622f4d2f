import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../../../components/Page.tsx';
import { isMeetingId, meetingPath } from '../model.ts';
import { useDirectoryStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { useViewer } from '../viewer.ts';
import '../directory.css';
import '../meeting.css';

/**
 * /meetings/:id/live: where the live meeting room will open. Until then it says so, and
 * repeats what every meeting promises.
 */
export function LivePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const viewer = useViewer();
  const fetchMeeting = useDirectoryStore((s) => s.meeting);
  const valid = isMeetingId(id);
  const meeting = useRemote(valid && viewer.zone ? `${id}|${viewer.zone}` : null, () =>
    fetchMeeting(id, viewer.zone ?? 'UTC'),
  );

  return (
    <Page title={t('directory.live.title')} intro={t('directory.live.comingSoon')}>
      {meeting.data && (
        <p className="live-meeting">{t('directory.live.meeting', { title: meeting.data.title })}</p>
      )}
      <section className="panel live-promise" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('directory.live.promiseTitle')}</h2>
        <ul className="live-promise-list">
          <li>
            <strong>{t('directory.live.noRecordingTitle')}</strong>{' '}
            {t('directory.live.noRecording')}
          </li>
          <li>
            <strong>{t('directory.live.chatTitle')}</strong> {t('directory.live.chat')}
          </li>
          <li>
            <strong>{t('directory.live.nameTitle')}</strong> {t('directory.live.name')}
          </li>
        </ul>
      </section>
      {valid && (
        <p className="meeting-back">
          <Link href={meetingPath(id)}>{t('directory.live.back')}</Link>
        </p>
      )}
    </Page>
  );
}
