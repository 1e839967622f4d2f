import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockText } from '../agenda-view.ts';
import { breakoutSecondsLeft } from '../breakout-view.ts';
import { useLiveClient } from '../live-context.ts';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';
import { useNow } from '../use-now.ts';

/**
 * Breakout rooms as everyone sees them: which room one is in, the time until everyone
 * returns, and the facilitators' latest message to every room. Moving in and coming back
 * are read out (the person's view changes under them); facilitators can close the rooms.
 */
export function BreakoutBar({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const { open } = room.breakouts;
  const now = useNow(open);
  // Once rooms have been open, their closing is announced too.
  const [wereOpen, setWereOpen] = useState(false);
  useEffect(() => {
    if (open) setWereOpen(true);
  }, [open]);
  const self = room.peers[room.selfId];
  const place = self?.breakoutRoom ?? null;
  const inBreakout = place !== null;
  const where = inBreakout
    ? t('live.breakouts.youAreIn', { room: place })
    : t('live.breakouts.youAreInMain');
  const status = open ? where : wereOpen ? t('live.breakouts.allBack') : '';
  const left = breakoutSecondsLeft(room, now);
  const message = room.breakoutMessage;
  return (
    <>
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {open && (
        <section aria-labelledby={headingId} className="live-agenda live-breakout">
          <h2 id={headingId} className="visually-hidden">
            {t('live.breakouts.title')}
          </h2>
          <p className="live-agenda-now">
            <strong>{where}</strong>{' '}
            {left !== null && (
              <span className="live-agenda-clock">
                {t('live.breakouts.returnIn', { time: clockText(left) })}
              </span>
            )}
          </p>
          <div role="status">
            {message && (
              <p className="live-banner">{t('live.breakouts.message', { text: message.text })}</p>
            )}
          </div>
          {isFacilitator(self) && (
            <div className="live-agenda-controls live-row-buttons">
              <button
                type="button"
                className="secondary"
                onClick={() => void client.act('breakout:close', {})}
              >
                {t('live.breakouts.closeAll')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
