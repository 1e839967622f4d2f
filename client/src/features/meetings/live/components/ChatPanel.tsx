import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MAX_LENGTH } from '../../../../../../shared/meetings/live/schemas.ts';
import { useLiveClient } from '../live-context.ts';
import { isFacilitator } from '../model.ts';
import type { RoomState } from '../room-state.ts';

const isPrivate = (message: { to: string }) => message.to === 'facilitators';

/**
 * The meeting's chat: to everyone, or privately to the facilitators. It is never saved and
 * disappears when the meeting ends, and the panel says so where people type.
 */
export function ChatPanel({ room }: { room: RoomState }) {
  const { t, i18n } = useTranslation();
  const client = useLiveClient();
  const headingId = useId();
  const textId = useId();
  const toId = useId();
  const logRef = useRef<HTMLOListElement>(null);
  const [text, setText] = useState('');
  const [to, setTo] = useState<'everyone' | 'facilitators'>('everyone');
  const [sending, setSending] = useState(false);
  const facilitator = isFacilitator(room.peers[room.selfId]);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });

  // Keeps the newest message in view as messages arrive.
  useEffect(() => {
    const log = logRef.current;
    if (log && room.chat.length) log.scrollTop = log.scrollHeight;
  }, [room.chat.length]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || sending) return;
    setSending(true);
    if (await client.act('chat:send', { text: message, to })) setText('');
    setSending(false);
  };

  return (
    <section className="live-panel live-chat" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.chat.title')}</h2>
      <p className="live-chat-note">{t('live.chat.notSaved')}</p>
      <ol ref={logRef} className="live-chat-log" aria-live="polite" aria-relevant="additions">
        {room.chat.length === 0 && <li className="field-hint">{t('live.chat.empty')}</li>}
        {room.chat.map((message) => {
          // A rename reaches old lines too: the sender's name as the room knows it now.
          const from = room.peers[message.fromPeerId]?.displayName ?? message.fromName;
          return (
            <li key={message.id} className={isPrivate(message) ? 'live-chat-private' : undefined}>
              <p className="live-chat-meta">
                <strong>{from}</strong> <span>{time.format(new Date(message.sentAt))}</span>
                {isPrivate(message) && <span> · {t('live.chat.toFacilitators')}</span>}
              </p>
              <p className="live-chat-text">{message.text}</p>
              {facilitator && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('live.chat.deleteFrom', { name: from })}
                  onClick={() => void client.act('chat:delete', { messageId: message.id })}
                >
                  {t('live.chat.delete')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <form className="live-chat-form" onSubmit={(e) => void send(e)}>
        <label htmlFor={textId}>{t('live.chat.message')}</label>
        <textarea
          id={textId}
          rows={2}
          value={text}
          maxLength={CHAT_MAX_LENGTH}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter sends, Shift+Enter starts a new line, as in most chats.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="live-chat-send">
          <label htmlFor={toId}>{t('live.chat.to')}</label>
          <select id={toId} value={to} onChange={(e) => setTo(e.target.value as typeof to)}>
            <option value="everyone">{t('live.chat.everyone')}</option>
            <option value="facilitators">{t('live.chat.facilitators')}</option>
          </select>
          <button type="submit" aria-disabled={sending || undefined}>
            {t('live.chat.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
