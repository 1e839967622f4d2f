import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../../components/ConfirmButton.tsx';
import { useLiveClient, useLiveStore } from '../live-context.ts';
import { isFacilitator, mayShareScreen } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { asConfirmed } from '../signalling.ts';
import { Icon, type IconName } from './Icon.tsx';

export type Panel = 'chat' | 'people' | 'support' | 'rooms' | null;

function Toggle({
  icon,
  label,
  pressed,
  busy,
  disabled,
  badge,
  onClick,
  className,
}: {
  icon: IconName;
  label: string;
  pressed: boolean;
  busy?: boolean | undefined;
  disabled?: boolean;
  badge?: { count: number; label: string } | undefined;
  onClick: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`live-control${pressed ? ' live-control-on' : ''}${className ? ` ${className}` : ''}`}
      aria-pressed={pressed}
      aria-disabled={busy || disabled || undefined}
      onClick={() => {
        if (!busy && !disabled) onClick();
      }}
    >
      <Icon name={icon} />
      <span className="live-control-label">{label}</span>
      {badge?.count ? (
        <>
          <span className="live-control-badge" aria-hidden="true">
            {badge.count}
          </span>
          <span className="visually-hidden">{badge.label}</span>
        </>
      ) : null}
    </button>
  );
}

/** The room's controls: own media and hand, the side panels, leaving (and ending, for hosts). */
export function ControlBar({
  room,
  panel,
  onPanel,
}: {
  room: RoomState;
  panel: Panel;
  onPanel: (panel: Panel) => void;
}) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const local = useLiveStore((s) => s.local);
  const self = room.peers[room.selfId];
  const facilitator = isFacilitator(self);
  // Joined to listen: nothing to send until a facilitator lets them take part.
  const listening = self?.observer === true;
  const micBlocked = !!local.problems.mic;
  const waiting = facilitator ? room.waiting.length : 0;

  return (
    <nav className="live-controls" aria-label={t('live.controls.label')}>
      <Toggle
        icon={local.micOn ? 'mic' : 'micOff'}
        label={t('live.controls.mic')}
        pressed={local.micOn}
        busy={local.busy.mic}
        className={micBlocked ? 'live-control-problem' : undefined}
        disabled={listening}
        onClick={() => void client.sources.toggleMic()}
      />
      <Toggle
        icon={local.cameraOn ? 'camera' : 'cameraOff'}
        label={t('live.controls.camera')}
        pressed={local.cameraOn}
        busy={local.busy.camera}
        disabled={local.audioOnly || listening}
        onClick={() => void client.sources.toggleCamera()}
      />
      {!listening && (mayShareScreen(self, room.settings) || local.screenOn) && (
        <Toggle
          icon="screen"
          label={t('live.controls.screen')}
          pressed={local.screenOn}
          busy={local.busy.screen}
          onClick={() => void client.sources.toggleScreen()}
        />
      )}
      <Toggle
        icon="hand"
        label={t('live.controls.hand')}
        pressed={!!self?.handRaised}
        busy={local.busy.hand}
        onClick={() => void client.toggleHand()}
      />
      <Toggle
        icon="audio"
        label={t('live.controls.audioOnly')}
        pressed={local.audioOnly}
        busy={local.busy.audioOnly}
        onClick={() => void client.toggleAudioOnly()}
      />
      <Toggle
        icon="chat"
        label={t('live.controls.chat')}
        pressed={panel === 'chat'}
        onClick={() => onPanel(panel === 'chat' ? null : 'chat')}
      />
      <Toggle
        icon="people"
        label={t('live.controls.people')}
        pressed={panel === 'people'}
        badge={{ count: waiting, label: t('live.controls.waiting', { count: waiting }) }}
        onClick={() => onPanel(panel === 'people' ? null : 'people')}
      />
      {facilitator && (
        <Toggle
          icon="rooms"
          label={t('live.controls.rooms')}
          pressed={panel === 'rooms'}
          onClick={() => onPanel(panel === 'rooms' ? null : 'rooms')}
        />
      )}
      <Toggle
        icon="support"
        label={t('live.controls.support')}
        pressed={panel === 'support'}
        onClick={() => onPanel(panel === 'support' ? null : 'support')}
      />
      <button type="button" className="live-control live-leave" onClick={() => void client.leave()}>
        <Icon name="leave" />
        <span className="live-control-label">{t('live.controls.leave')}</span>
      </button>
      {facilitator && (
        // No confirmation: in an emergency a second step costs seconds, and a pause by mistake
        // is undone with one press that unmutes nobody.
        <button
          type="button"
          className={`live-control${room.settings.paused ? ' live-control-on' : ' live-pause'}`}
          aria-pressed={room.settings.paused}
          onClick={() =>
            void client.act(room.settings.paused ? 'meeting:resume' : 'meeting:pause', {})
          }
        >
          <Icon name="pause" />
          <span className="live-control-label">
            {room.settings.paused ? t('live.controls.resume') : t('live.controls.pause')}
          </span>
        </button>
      )}
      {facilitator && (
        <ConfirmButton
          className="danger live-end"
          label={t('live.controls.end')}
          title={t('live.controls.endTitle')}
          text={t('live.controls.endText')}
          confirmLabel={t('live.controls.endConfirm')}
          cancelLabel={t('live.controls.endCancel')}
          onConfirm={() => asConfirmed(client.request('meeting:end', {}))}
        />
      )}
    </nav>
  );
}
