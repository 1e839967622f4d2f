import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnUser } from '../../../../../../shared/api/accounts.ts';
import { NAMESPACES } from '../../../../../../shared/protocol.ts';
import { Loading } from '../../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../../components/MembersOnly.tsx';
import { Page } from '../../../../components/Page.tsx';
import { connectNamespace } from '../../../../net/socket.ts';
import { isMeetingId, mayManageMeeting } from '../../directory/model.ts';
import { useDirectoryStore } from '../../directory/store.ts';
import { useRemote } from '../../directory/useRemote.ts';
import { useViewer } from '../../directory/viewer.ts';
import { JoinScreen } from '../components/JoinScreen.tsx';
import { Room } from '../components/Room.tsx';
import { NotLiveScreen, OutcomeScreen, WaitingRoom } from '../components/Screens.tsx';
import { LiveClientContext, useLiveStore } from '../live-context.ts';
import { MeetingClient, type MeetingSocket } from '../meeting-client.ts';
import '../../directory/directory.css';
import '../live.css';

/** /meetings/:id/live: the live meeting, for members. */
export function LiveMeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  if (!isMeetingId(id))
    return (
      <Page title={t('live.outcome.notFound.title')}>
        <p>{t('live.outcome.notFound.text')}</p>
      </Page>
    );
  return (
    <MembersOnly title={t('live.title')} text={t('live.signedOut')}>
      {(user) => <LiveMeeting id={id} user={user} />}
    </MembersOnly>
  );
}

function LiveMeeting({ id, user }: { id: string; user: OwnUser }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const fetchMeeting = useDirectoryStore((s) => s.meeting);
  const meeting = useRemote(viewer.zone ? `${id}|${viewer.zone}` : null, () =>
    fetchMeeting(id, viewer.zone ?? 'UTC'),
  );
  const [client, setClient] = useState<MeetingClient | null>(null);
  const phase = useLiveStore((s) => s.phase);
  const room = useLiveStore((s) => s.room);

  // One client per visit: it opens the socket, and closing it stops every camera and mic.
  useEffect(() => {
    const created = new MeetingClient(
      id,
      useLiveStore,
      (onRefused) => connectNamespace(NAMESPACES.meeting, { onRefused }) as MeetingSocket,
    );
    setClient(created);
    return () => created.close();
  }, [id]);

  // Closing the tab or reloading leaves the meeting too (the server also notices the socket go).
  useEffect(() => {
    if (!client) return;
    const onUnload = () => client.close();
    window.addEventListener('pagehide', onUnload);
    return () => window.removeEventListener('pagehide', onUnload);
  }, [client]);

  if (!client)
    return (
      <Page title={t('live.title')}>
        <Loading />
      </Page>
    );
  const title = meeting.data?.title ?? t('live.title');
  // A host's meeting is not live until they join: joining opens it (the server's mayHost
  // is the directory's mayManage, mirrored here).
  const mayHost = meeting.data ? mayManageMeeting(user, meeting.data) : null;
  const hostOpens = phase === 'notLive' && mayHost === true;
  let screen: React.ReactNode;
  if (
    phase === 'checking' ||
    (phase === 'notLive' && mayHost === null && meeting.status === 'loading')
  )
    screen = (
      <Page title={title}>
        <Loading text={t('live.checking')} />
      </Page>
    );
  else if (phase === 'notLive' && !hostOpens)
    screen = (
      <NotLiveScreen
        meeting={meeting.data}
        title={title}
        locale={viewer.locale}
        zone={viewer.zone}
      />
    );
  else if (phase === 'ready' || phase === 'joining' || hostOpens)
    screen = (
      <Page title={title} intro={hostOpens ? t('live.join.hostIntro') : t('live.join.intro')}>
        <JoinScreen user={user} meeting={meeting.data} />
      </Page>
    );
  else if (phase === 'waiting') screen = <WaitingRoom />;
  else if (phase === 'room' && room) screen = <Room room={room} />;
  else screen = <OutcomeScreen />;

  return <LiveClientContext.Provider value={client}>{screen}</LiveClientContext.Provider>;
}
