import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_TEXT_MAX } from '../../../../../../shared/meetings/live/schemas.ts';
import { TextAreaField } from '../../../../forms/fields.tsx';
import { useLiveClient } from '../live-context.ts';
import type { RoomState } from '../room-state.ts';

/**
 * "I need help", for a participant: a discreet message to the facilitators only, and whether
 * one has seen it. Nothing here is shown to anyone else in the room.
 */
export function AskForHelp({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const mine = room.helpAlerts;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const trimmed = text.trim();
    if (await client.act('help:send', trimmed ? { text: trimmed } : {})) setText('');
    setBusy(false);
  };
  return (
    <section aria-labelledby={headingId} className="live-panel-section">
      <h3 id={headingId}>{t('live.help.title')}</h3>
      <p className="field-hint">{t('live.help.intro')}</p>
      <form onSubmit={send}>
        <TextAreaField
          label={t('live.help.textLabel')}
          hint={t('live.help.textHint', { max: HELP_TEXT_MAX })}
          rows={2}
          maxLength={HELP_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t('live.help.send')}
        </button>
      </form>
      <div role="status">
        {mine.length > 0 && (
          <ul className="live-help-sent">
            {mine.map((alert) => (
              <li key={alert.id}>{alert.seen ? t('live.help.seen') : t('live.help.sent')}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** For facilitators: alerts not yet acknowledged, above everything else in the room. */
export function HelpAlertsBanner({ room }: { room: RoomState }) {
  const { t } = useTranslation();
  const client = useLiveClient();
  const unseen = room.helpAlerts.filter((alert) => !alert.seen);
  return (
    <div role="alert">
      {unseen.length > 0 && (
        <ul className="live-help-alerts">
          {unseen.map((alert) => (
            <li key={alert.id} className="live-banner live-banner-warn">
              <strong>{t('live.help.needsHelp', { name: alert.fromName })}</strong>
              {alert.text && <q className="live-help-text">{alert.text}</q>}{' '}
              <button
                type="button"
                aria-label={t('live.help.acknowledgeName', { name: alert.fromName })}
                onClick={() => void client.act('help:acknowledge', { alertId: alert.id })}
              >
                {t('live.help.acknowledge')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
