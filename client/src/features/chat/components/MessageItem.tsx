import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { useChatClient } from '../chat-context.ts';
import { EditForm } from './EditForm.tsx';
import { MessageText } from './MessageText.tsx';
import { Reactions } from './Reactions.tsx';
import { ReportLine } from './ReportLine.tsx';

export interface LineFormat {
  time: Intl.DateTimeFormat;
}

/** The quoted line a reply answers. */
export function ReplyQuote({ reply }: { reply: ChatMessage['replyTo'] }) {
  const { t } = useTranslation();
  if (!reply) return null;
  const name = reply.senderName ?? t('chat.deletedMember');
  const excerpt = reply.excerpt ?? t('chat.deleted');
  return (
    <blockquote className="chat-quote">
      <strong>{name}</strong> <span>{excerpt}</span>
    </blockquote>
  );
}

/** One stored line: who and when, what it answers, its text (or tombstone), and actions. */
export function MessageItem({
  message,
  format,
  domId,
  onReply,
  moderates,
  readOnly,
}: {
  message: ChatMessage;
  format: LineFormat;
  domId: string;
  onReply: (message: ChatMessage) => void;
  /** A moderator of the group may delete anyone's line (the server checks again). */
  moderates: boolean;
  /** Only read (a former contact's conversation): no reply, reaction, edit or deletion. */
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const client = useChatClient();
  const confirmId = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [picking, setPicking] = useState(false);
  const mine = message.senderId !== null && message.senderId === client.selfId;
  const deleted = message.deletedAt !== null || message.text === null;
  const edited = !deleted && message.editedAt !== null;
  const mentionsMe = !deleted && message.mentions.includes(client.selfId);
  const editing = mode === 'edit' && !deleted;
  const confirming = mode === 'confirm' && !deleted;
  const name = message.senderName ?? t('chat.deletedMember');
  const badge = message.senderStaff ? t(`chat.staff.${message.senderStaff}`) : null;
  const at = new Date(message.createdAt);
  const className = [
    'chat-line',
    mine ? 'chat-mine' : '',
    deleted ? 'chat-gone' : '',
    mentionsMe ? 'chat-mentioned' : '',
  ]
    .filter(Boolean)
    .join(' ');
  // Read only, a line offers Report alone (none on one's own).
  const actions = !deleted && !editing && (!readOnly || !mine);
  const mayDelete = mine || moderates;
  const deleteLabel = mine ? undefined : t('chat.actions.deleteFrom', { name });
  const yesRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLLIElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const reactRef = useRef<HTMLButtonElement>(null);
  const closePicker = () => {
    setPicking(false);
    reactRef.current?.focus();
  };
  const returning = useRef<'edit' | 'confirm' | null>(null);
  const back = (from: 'edit' | 'confirm') => {
    returning.current = from;
    setMode('view');
  };

  // Asked "Delete this message?": the answer has the focus.
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);

  // Done editing or deleting: the focus goes back where it was, or to the tombstone.
  useEffect(() => {
    const from = returning.current;
    if (mode !== 'view' || !from) return;
    returning.current = null;
    const target = deleted
      ? itemRef.current
      : from === 'edit'
        ? editRef.current
        : deleteRef.current;
    target?.focus();
  }, [mode, deleted]);

  return (
    <li className={className} id={domId} ref={itemRef} tabIndex={-1}>
      <p className="chat-meta">
        <strong>{name}</strong>
        {badge && <span className="staff-badge">{badge}</span>}{' '}
        <time dateTime={at.toISOString()}>{format.time.format(at)}</time>
        {edited && <span className="chat-edited"> · {t('chat.edited')}</span>}
        {mentionsMe && <span className="chat-edited"> · {t('chat.mentionsYou')}</span>}
      </p>
      <ReplyQuote reply={message.replyTo} />
      {deleted && <p className="chat-deleted">{t('chat.deleted')}</p>}
      {editing && <EditForm message={message} onDone={() => back('edit')} />}
      {!deleted && !editing && (
        <p className="chat-text">
          <MessageText text={message.text ?? ''} mentions={message.mentions} />
        </p>
      )}
      {!deleted && (
        <Reactions message={message} open={picking} onClose={closePicker} readOnly={readOnly} />
      )}
      {actions && (
        <div className="chat-actions">
          {!readOnly && (
            <>
              <button
                type="button"
                className="link-button"
                aria-label={t('chat.actions.replyTo', { name })}
                onClick={() => onReply(message)}
              >
                {t('chat.actions.reply')}
              </button>
              <button
                type="button"
                className="link-button"
                aria-expanded={picking}
                aria-label={t('chat.actions.reactTo', { name })}
                ref={reactRef}
                onClick={() => setPicking((open) => !open)}
              >
                {t('chat.actions.react')}
              </button>
              {mine && (
                <button
                  type="button"
                  className="link-button"
                  ref={editRef}
                  onClick={() => setMode('edit')}
                >
                  {t('chat.actions.edit')}
                </button>
              )}
              {mayDelete && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={deleteLabel}
                  ref={deleteRef}
                  onClick={() => setMode('confirm')}
                >
                  {t('chat.actions.delete')}
                </button>
              )}
            </>
          )}
          {!mine && <ReportLine messageId={message.id} name={name} />}
        </div>
      )}
      {confirming && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape from the buttons within.
        <div
          className="chat-confirm"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            back('confirm');
          }}
        >
          <p id={confirmId}>{t('chat.actions.confirmDelete')}</p>
          <button
            type="button"
            className="secondary"
            ref={yesRef}
            aria-describedby={confirmId}
            onClick={() => void client.remove(message.id).then(() => back('confirm'))}
          >
            {t('chat.actions.confirmYes')}
          </button>
          <button type="button" className="link-button" onClick={() => back('confirm')}>
            {t('chat.actions.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
