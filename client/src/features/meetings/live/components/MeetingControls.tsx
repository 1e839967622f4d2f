import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../../forms/fields.tsx';
import { useLiveClient } from '../live-context.ts';
import type { RoomState } from '../room-state.ts';

/** For facilitators: who is waiting, and the meeting-wide switches. */
export function WaitingList({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="live-panel-section">
      <h3 id={headingId}>{t('live.people.waiting', { count: room.waiting.length })}</h3>
      {room.waiting.length === 0 ? (
        <p className="field-hint">{t('live.people.nobodyWaiting')}</p>
      ) : (
        <>
          <ul className="live-people-list">
            {room.waiting.map((peer) => (
              <li key={peer.peerId}>
                <span className="live-person-name">{peer.displayName}</span>
                <span className="live-row-buttons">
                  <button
                    type="button"
                    aria-label={t('live.people.admitName', { name: peer.displayName })}
                    onClick={() => void client.act('meeting:admit', { peerId: peer.peerId })}
                  >
                    {t('live.people.admit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('live.people.denyName', { name: peer.displayName })}
                    onClick={() => void client.act('meeting:deny', { peerId: peer.peerId })}
                  >
                    {t('live.people.deny')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void client.act('meeting:admitAll', {})}>
            {t('live.people.admitAll')}
          </button>
        </>
      )}
    </section>
  );
}

export function MeetingSwitches({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const { settings } = room;
  return (
    <section aria-labelledby={headingId} className="live-panel-section">
      <h3 id={headingId}>{t('live.settings.title')}</h3>
      <div className="live-row-buttons">
        <button
          type="button"
          className="secondary"
          aria-pressed={settings.locked}
          onClick={() => void client.act(settings.locked ? 'meeting:unlock' : 'meeting:lock', {})}
        >
          {t('live.settings.lock')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void client.act('meeting:muteAll', {})}
        >
          {t('live.settings.muteAll')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void client.act('meeting:lowerAllHands', {})}
        >
          {t('live.settings.lowerAllHands')}
        </button>
      </div>
      <p className="field-hint">
        {settings.locked ? t('live.settings.locked') : t('live.settings.unlocked')}
      </p>
      <CheckField
        label={t('live.settings.autoAdmit')}
        hint={t('live.settings.autoAdmitHint')}
        checked={settings.autoAdmit}
        onChange={(autoAdmit) => void client.act('meeting:updateSettings', { autoAdmit })}
      />
      <CheckField
        label={t('live.settings.mayUnmute')}
        hint={t('live.settings.mayUnmuteHint')}
        checked={settings.participantsMayUnmute}
        onChange={(participantsMayUnmute) =>
          void client.act('meeting:updateSettings', { participantsMayUnmute })
        }
      />
      <CheckField
        label={t('live.settings.mayShare')}
        checked={settings.participantsMayShareScreen}
        onChange={(participantsMayShareScreen) =>
          void client.act('meeting:updateSettings', { participantsMayShareScreen })
        }
      />
    </section>
  );
}
