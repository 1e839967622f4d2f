import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../../../components/Page.tsx';
import { signInPath } from '../../../../routes.ts';
import { formatWhen } from '../../directory/format.ts';
import { DIRECTORY_PATH, type MeetingView, meetingPath } from '../../directory/model.ts';
import { useLiveClient, useLiveStore } from '../live-context.ts';
import { livePathOf } from '../model.ts';
import { FeedbackForm } from './FeedbackForm.tsx';
import { Guidelines } from './Guidelines.tsx';

/** The meeting exists but no host has opened it: when it starts, and a way to look again. */
export function NotLiveScreen({
  meeting,
  title,
  locale,
  zone,
}: {
  meeting: MeetingView | null;
  title: string;
  locale: string;
  zone: string | null;
}) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const next = meeting?.nextOccurrence;
  return (
    <Page title={title} narrow>
      <div className="panel live-screen">
        <p>{t('live.notLive.text')}</p>
        {next && zone && (
          <p>
            <strong>
              {t('live.notLive.next', { when: formatWhen(next.startsAt, locale, zone) })}
            </strong>
          </p>
        )}
        {meeting && !next && <p>{t('live.notLive.noDates')}</p>}
        <p className="field-hint">{t('live.notLive.hint')}</p>
        <p className="link-row">
          <button type="button" onClick={() => void client.checkStatus()}>
            {t('live.notLive.checkAgain')}
          </button>
          <Link href={meetingPath(client.meetingId)}>{t('live.backToMeeting')}</Link>
        </p>
      </div>
    </Page>
  );
}

/** Let in yet? Not yet: the guidelines to read meanwhile, and the way out. */
export function WaitingRoom() {
  const { t } = useTranslation();
  const client = useLiveClient();
  const title = useLiveStore((s) => s.title);
  const reconnecting = useLiveStore((s) => s.reconnecting);
  return (
    <Page title={title ?? t('live.title')} narrow>
      <div className="panel live-screen">
        <p role="status" className="live-waiting">
          {reconnecting ? t('live.room.reconnecting') : t('live.waiting.text')}
        </p>
        <p className="field-hint">{t('live.waiting.hint')}</p>
        <button type="button" className="secondary" onClick={() => void client.leave()}>
          {t('live.waiting.leave')}
        </button>
      </div>
      <Guidelines />
    </Page>
  );
}

/** Why this person is no longer in the meeting, and what they can do next. */
export function OutcomeScreen() {
  const { t } = useTranslation();
  const client = useLiveClient();
  const outcome = useLiveStore((s) => s.outcome) ?? 'left';
  const endReason = useLiveStore((s) => s.endReason);
  const id = client.meetingId;
  const mayRejoin = outcome === 'left' || outcome === 'locked';
  const signedOut = outcome === 'sessionEnded';
  const outdated = outcome === 'outdated';
  const meetingExists = outcome !== 'notFound';
  // Those who were in the room may rate it on the way out (the server checks they were).
  const mayRate = outcome === 'left' || outcome === 'ended';
  const text =
    outcome === 'ended' && endReason
      ? t(`live.outcome.endedReasons.${endReason}`)
      : t(`live.outcome.${outcome}.text`);
  return (
    <Page title={t(`live.outcome.${outcome}.title`)} narrow>
      <div className="panel live-screen">
        <p>{text}</p>
        <p className="link-row">
          {mayRejoin && (
            // A full load: a new client, and camera and microphone asked for again.
            <a href={livePathOf(id)}>{t('live.outcome.rejoin')}</a>
          )}
          {signedOut && <Link href={signInPath(livePathOf(id))}>{t('header.signIn')}</Link>}
          {outdated && (
            <button type="button" onClick={() => window.location.reload()}>
              {t('notice.reload')}
            </button>
          )}
          {meetingExists && <Link href={meetingPath(id)}>{t('live.backToMeeting')}</Link>}
          <Link href={DIRECTORY_PATH}>{t('live.findAnother')}</Link>
        </p>
      </div>
      {mayRate && <FeedbackForm />}
    </Page>
  );
}
