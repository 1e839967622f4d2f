import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TURN_SECONDS } from '../../../../../../shared/meetings/checkin-round.ts';
import { CheckField, SelectField } from '../../../../forms/fields.tsx';
import { clockText } from '../agenda-view.ts';
import { useLiveClient } from '../live-context.ts';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { useNow } from '../use-now.ts';
import { RoundOrder } from './RoundOrder.tsx';

/** Turn lengths a facilitator may choose, in minutes (the server takes 30 s to 10 min). */
const TURN_MINUTES = [1, 2, 3, 4, 5, 7, 10];

/** Seconds left in the current turn on the server's clock, ticking once a second. */
function useTurnLeft(room: RoomState): number | null {
  const { turnStartedAt, turnSeconds, active } = room.round;
  const now = useNow(active);
  if (!active || turnStartedAt === null) return null;
  const left = turnStartedAt + turnSeconds * 1000 - (now + room.clockOffsetMs);
  return Math.max(0, Math.ceil(left / 1000));
}

/**
 * The check-in round: who is speaking, their time left and who comes next, for everyone;
 * starting it during check-in, moving on and ending it for facilitators; "Pass" for the
 * person whose turn it is.
 */
export function RoundBar({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const [muteOthers, setMuteOthers] = useState(true);
  const [turnSeconds, setTurnSeconds] = useState(DEFAULT_TURN_SECONDS);
  const facilitator = isFacilitator(room.peers[room.selfId]);
  const left = useTurnLeft(room);
  const { round } = room;
  const inCheckin = room.agenda.segments[room.agenda.index]?.kind === 'checkin';
  if (!round.active && !(facilitator && inCheckin)) return null;
  const name = (peerId: string | undefined) =>
    (peerId && room.peers[peerId]?.displayName) || t('live.round.someone');
  const speaker = round.speakers[round.index];
  const after = round.speakers.slice(round.index + 1).find((id) => id in room.peers);
  const myTurn = speaker === room.selfId;
  const start = (order: 'admitted' | 'shuffled' | 'manual', peerIds?: string[]) =>
    void client.act('round:start', {
      order,
      muteOthers,
      turnSeconds,
      ...(peerIds ? { peerIds } : {}),
    });
  return (
    <section aria-labelledby={headingId} className="live-agenda live-round">
      <h2 id={headingId} className="visually-hidden">
        {t('live.round.title')}
      </h2>
      {round.active ? (
        <p className="live-agenda-now">
          <span>
            {myTurn ? (
              <strong>{t('live.round.yourTurn')}</strong>
            ) : (
              t('live.round.speaking', { name: name(speaker) })
            )}
          </span>{' '}
          {left !== null && (
            <span className="live-agenda-clock">
              {left > 0
                ? t('live.agenda.left', { time: clockText(left) })
                : t('live.agenda.timeUp')}
            </span>
          )}{' '}
          {after && (
            <span className="live-agenda-next">{t('live.round.next', { name: name(after) })}</span>
          )}
        </p>
      ) : (
        <p className="live-agenda-now">{t('live.round.offer')}</p>
      )}
      <p role="status" className="visually-hidden">
        {round.active &&
          (myTurn ? t('live.round.yourTurn') : t('live.round.speaking', { name: name(speaker) }))}
      </p>
      <div className="live-agenda-controls live-row-buttons">
        {myTurn && (
          <button
            type="button"
            className="secondary"
            onClick={() => void client.act('round:pass', {})}
          >
            {t('live.round.pass')}
          </button>
        )}
        {facilitator && !round.active && (
          <>
            <button type="button" onClick={() => start('admitted')}>
              {t('live.round.startInOrder')}
            </button>
            <button type="button" className="secondary" onClick={() => start('shuffled')}>
              {t('live.round.startShuffled')}
            </button>
            <SelectField
              label={t('live.round.turnLength')}
              value={turnSeconds / 60}
              onChange={(event) => setTurnSeconds(Number(event.target.value) * 60)}
            >
              {TURN_MINUTES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes}
                </option>
              ))}
            </SelectField>
            <CheckField
              label={t('live.round.muteOthers')}
              checked={muteOthers}
              onChange={setMuteOthers}
            />
            <RoundOrder room={room} onStart={(peerIds) => start('manual', peerIds)} />
          </>
        )}
        {facilitator && round.active && (
          <>
            <button type="button" onClick={() => void client.act('round:next', {})}>
              {t('live.round.nextSpeaker')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void client.act('round:skip', {})}
            >
              {t('live.round.skip')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void client.act('round:end', {})}
            >
              {t('live.round.end')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
