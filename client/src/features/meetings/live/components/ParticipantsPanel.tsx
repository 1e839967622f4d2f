import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { MeetingSwitches, WaitingList } from './MeetingControls.tsx';
import { PeerActions } from './PeerActions.tsx';

/** Everyone in the room, the raised hands in order, and for facilitators the tools. */
export function ParticipantsPanel({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const headingId = useId();
  const handsId = useId();
  const facilitator = isFacilitator(room.peers[room.selfId]);
  const hands = room.handQueue.map((id) => room.peers[id]).filter((peer) => !!peer);

  return (
    <section className="live-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.people.title', { count: room.order.length })}</h2>
      {facilitator && <WaitingList room={room} />}
      <section aria-labelledby={handsId} className="live-panel-section">
        <h3 id={handsId}>{t('live.people.hands')}</h3>
        {hands.length === 0 ? (
          <p className="field-hint">{t('live.people.noHands')}</p>
        ) : (
          <ol className="live-hands">
            {hands.map((peer) => (
              <li key={peer.peerId}>{peer.displayName}</li>
            ))}
          </ol>
        )}
      </section>
      <ul className="live-people-list">
        {room.order.map((peerId) => {
          const peer = room.peers[peerId];
          if (!peer) return null;
          const states = [
            peer.observer
              ? t('live.people.listening')
              : peer.micOn
                ? t('live.tile.micOn')
                : t('live.tile.micOff'),
            peer.cameraOn ? t('live.people.cameraOn') : null,
            peer.handRaised ? t('live.tile.hand') : null,
            peer.role !== 'participant' ? t(`live.roles.${peer.role}`) : null,
            peer.breakoutRoom !== null
              ? t('live.breakouts.inRoom', { room: peer.breakoutRoom })
              : null,
          ].filter(Boolean);
          return (
            <li key={peerId} className="live-person">
              <span className="live-person-name">
                {peerId === room.selfId
                  ? t('live.tile.you', { name: peer.displayName })
                  : peer.displayName}
              </span>
              <span className="live-person-state">{states.join(' · ')}</span>
              {facilitator && peerId !== room.selfId && (
                <PeerActions peer={peer} spotlit={room.settings.spotlightPeerId === peerId} />
              )}
            </li>
          );
        })}
      </ul>
      {facilitator && <MeetingSwitches room={room} />}
    </section>
  );
}
