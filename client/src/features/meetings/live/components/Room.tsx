import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../../i18n/index.ts';
import { useDocumentTitle } from '../../../../routing/navigation.ts';
import { useLiveClient, useLiveStore } from '../live-context.ts';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { AgendaBar } from './AgendaBar.tsx';
import { BreakoutBar } from './BreakoutBar.tsx';
import { BreakoutPanel } from './BreakoutPanel.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { ControlBar, type Panel } from './ControlBar.tsx';
import { HelpAlertsBanner } from './HelpAlerts.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { RoundBar } from './RoundBar.tsx';
import { SupportPanel } from './SupportPanel.tsx';
import { TileGrid } from './TileGrid.tsx';

/** The notice line: what just happened to this person, read out politely. */
function RoomNotice() {
  const { t } = useTranslation();
  const client = useLiveClient();
  const notice = useLiveStore((s) => s.notice);
  const problems = useLiveStore((s) => s.local.problems);
  const reconnecting = useLiveStore((s) => s.reconnecting);
  const device = problems.mic ?? problems.camera ?? problems.screen;
  const listening = useLiveStore((s) => (s.room ? s.room.peers[s.room.selfId]?.observer : false));
  return (
    <div className="live-notices">
      <div role="status">
        {reconnecting && (
          <p className="live-banner live-banner-warn">{t('live.room.reconnecting')}</p>
        )}
      </div>
      <div role="status">
        {notice && (
          <p className="live-banner">
            {t(`live.notices.${notice.key}`)}
            {notice.code && ` ${t(errorMessageKey(notice.code))}`}{' '}
            <button type="button" className="link-button" onClick={() => client.dismissNotice()}>
              {t('live.notices.dismiss')}
            </button>
          </p>
        )}
      </div>
      {listening && <p className="live-banner">{t('live.controls.listeningOnly')}</p>}
      {device && (
        <p className="live-banner live-banner-warn">
          {t(problems.mic ? 'live.devices.micPrefix' : 'live.devices.cameraPrefix')}{' '}
          {t(`live.devices.${device}`)}
        </p>
      )}
    </div>
  );
}

export function Room({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>(null);
  useDocumentTitle(room.title);
  const chatOpen = panel === 'chat';
  const peopleOpen = panel === 'people';
  const supportOpen = panel === 'support';
  const roomsOpen = panel === 'rooms' && isFacilitator(room.peers[room.selfId]);
  return (
    <div className={`live-room${panel ? ' live-room-with-panel' : ''}`}>
      <header className="live-room-header">
        <h1>{room.title}</h1>
        <p className="live-room-badges">
          <span className="dir-badge">{t('live.room.notRecorded')}</span>
          {room.settings.locked && <span className="dir-badge">{t('live.room.locked')}</span>}
        </p>
      </header>
      <div role="status">
        {room.settings.paused && (
          <p className="live-banner live-banner-warn">{t('live.room.paused')}</p>
        )}
      </div>
      {isFacilitator(room.peers[room.selfId]) && <HelpAlertsBanner room={room} />}
      <AgendaBar room={room} />
      <RoundBar room={room} />
      <BreakoutBar room={room} />
      <RoomNotice />
      <div className="live-room-body">
        <div className="live-stage">
          <TileGrid room={room} />
        </div>
        {chatOpen && <ChatPanel room={room} />}
        {peopleOpen && <ParticipantsPanel room={room} />}
        {supportOpen && <SupportPanel room={room} />}
        {roomsOpen && <BreakoutPanel room={room} />}
      </div>
      <ControlBar room={room} panel={panel} onPanel={setPanel} />
    </div>
  );
}
