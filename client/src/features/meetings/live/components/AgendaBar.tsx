import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSegment } from '../../../../../../shared/meetings/agenda.ts';
import { CheckField } from '../../../../forms/fields.tsx';
import { DonationLink } from '../../../support/DonationLink.tsx';
import { agendaView, clockText } from '../agenda-view.ts';
import { useLiveClient } from '../live-context.ts';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { useNow } from '../use-now.ts';

const CHIME_KEY = 'haven.live.agendaChime';

/** A short, soft tone: a cue for the facilitator, not an alarm for the room. */
function chime(): void {
  const Context = window.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 660;
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.08, audio.currentTime + 0.05);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 1.2);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 1.3);
  tone.onended = () => void audio.close();
}

/**
 * The meeting's agenda for everyone: the current segment, its time left (the server's
 * clock), what comes next, and a quiet cue when time is up; facilitators also move it.
 */
export function AgendaBar({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const facilitator = isFacilitator(room.peers[room.selfId]);
  const running = room.agenda.startedAt !== null;
  const now = useNow(running);
  const view = agendaView(room.agenda, room.clockOffsetMs, now);
  const [chimeOn, setChimeOn] = useState(() => localStorage.getItem(CHIME_KEY) === '1');
  const wasOver = useRef(view.over);
  useEffect(() => {
    if (view.over && !wasOver.current && chimeOn) chime();
    wasOver.current = view.over;
  }, [view.over, chimeOn]);
  const passTheHat = view.current.kind === 'hat';
  const name = (segment: AgendaSegment) => segment.title ?? t(`live.agenda.kinds.${segment.kind}`);
  return (
    <section
      aria-labelledby={headingId}
      className={`live-agenda${view.over ? ' live-agenda-over' : ''}`}
    >
      <h2 id={headingId} className="visually-hidden">
        {t('live.agenda.title')}
      </h2>
      <p className="live-agenda-now">
        <span className="live-agenda-segment">
          {t('live.agenda.position', { position: view.position, count: view.count })}{' '}
          <strong>{name(view.current)}</strong>
        </span>{' '}
        <span className="live-agenda-clock">
          {!view.started
            ? t('live.agenda.notStarted', { minutes: view.current.minutes })
            : view.over
              ? t('live.agenda.timeUp')
              : t('live.agenda.left', { time: clockText(view.secondsLeft) })}
        </span>{' '}
        {view.next && (
          <span className="live-agenda-next">
            {t('live.agenda.next', { name: name(view.next), minutes: view.next.minutes })}
          </span>
        )}
      </p>
      {/* Pass the hat: the organisation's donation page for this country; Haven takes no money. */}
      {passTheHat && <DonationLink country={room.country} />}
      {/* Read out when the segment changes or its time is up, not every second. */}
      <p role="status" className="visually-hidden">
        {view.started &&
          (view.over
            ? t('live.agenda.announceTimeUp', { name: name(view.current) })
            : t('live.agenda.announceSegment', { name: name(view.current) }))}
      </p>
      {facilitator && (
        <div className="live-agenda-controls live-row-buttons">
          <button
            type="button"
            className="secondary"
            disabled={!view.hasPrevious}
            onClick={() => void client.act('agenda:back', {})}
          >
            {t('live.agenda.back')}
          </button>
          <button type="button" onClick={() => void client.act('agenda:start', {})}>
            {view.started ? t('live.agenda.restart') : t('live.agenda.start')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!view.next}
            onClick={() => void client.act('agenda:next', {})}
          >
            {t('live.agenda.nextButton')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!view.started}
            onClick={() => void client.act('agenda:extend', { minutes: 5 })}
          >
            {t('live.agenda.extend', { minutes: 5 })}
          </button>
          <CheckField
            label={t('live.agenda.chime')}
            checked={chimeOn}
            onChange={(on) => {
              localStorage.setItem(CHIME_KEY, on ? '1' : '0');
              setChimeOn(on);
            }}
          />
        </div>
      )}
    </section>
  );
}
