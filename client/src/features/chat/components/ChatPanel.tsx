import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { errorMessageKey } from '../../../i18n/index.ts';
import { useChatClient, useChatStore } from '../chat-context.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { ModeratorTools } from './ModeratorTools.tsx';
import { TypingLine } from './TypingLine.tsx';
import { WhoIsHere } from './WhoIsHere.tsx';

/**
 * The open chat: connection state, notices, the lines, who is typing, the composer. A
 * group's, or a private conversation's (`privateWith`, the other member's name: its own
 * note and composer label, and no "who is here"; `readOnly` once they are no longer contacts).
 */
export function ChatPanel({
  groupId,
  moderates,
  privateWith,
  readOnly = false,
}: {
  groupId: string;
  moderates: boolean;
  privateWith?: string;
  /** Read, not written (a conversation with a former contact): no composer. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const client = useChatClient();
  const lines = useChatStore((s) => s.lines);
  const loadError = useChatStore((s) => s.loadError);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const loaded = lines !== null;
  // "Who is here" comes a moment after the lines, above them: the view is set again then.
  const present = useChatStore((s) => s.members !== null);

  // Once the lines are in, the newest and the composer are brought into view together
  // (the log is sized to fit with it in one screen, on a phone too).
  useEffect(() => {
    const panel = panelRef.current;
    if ((loaded || present) && panel && panel.getBoundingClientRect().bottom > window.innerHeight)
      panel.scrollIntoView({ block: 'end' });
  }, [loaded, present]);

  const reply = useCallback((message: ChatMessage) => {
    setReplyTo(message);
    inputRef.current?.focus();
  }, []);

  if (loadError) return <LoadFailed error={loadError} onRetry={() => void client.open(groupId)} />;
  return (
    <div className="chat" ref={panelRef}>
      <p className="chat-note">
        {privateWith === undefined ? t('chat.private') : t('contacts.chatNote')}
      </p>
      {privateWith === undefined && <WhoIsHere />}
      {privateWith === undefined && moderates && <ModeratorTools />}
      <SlowModeNote />
      <ConnectionLine />
      <ChatNotice />
      {lines && !readOnly && (
        // Every line has its buttons: past them all to write, in one step.
        <button type="button" className="chat-skip" onClick={() => inputRef.current?.focus()}>
          {t('chat.skipToComposer')}
        </button>
      )}
      {lines ? (
        <MessageList lines={lines} onReply={reply} moderates={moderates} readOnly={readOnly} />
      ) : (
        <Loading text={t('chat.loading')} />
      )}
      <TypingLine />
      {lines && !readOnly && (
        <Composer
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          inputRef={inputRef}
          label={
            privateWith === undefined
              ? t('chat.composer.label')
              : t('contacts.composerLabel', { name: privateWith })
          }
          hint={privateWith === undefined ? t('chat.composer.hint') : t('contacts.composerHint')}
        />
      )}
    </div>
  );
}

/** "Reconnecting…" while the socket is down (the live region is there before it speaks). */
function ConnectionLine() {
  const { t } = useTranslation();
  const connection = useChatStore((s) => s.connection);
  const down = connection === 'reconnecting';
  return (
    <div
      role="status"
      className={down ? 'chat-connection chat-connection-down' : 'chat-connection'}
    >
      {down && <p>{t('chat.reconnecting')}</p>}
    </div>
  );
}

/** A refused action, in words; RATE_LIMITED says how long to wait, MUTED for how long. */
function ChatNotice() {
  const { t } = useTranslation();
  const client = useChatClient();
  const notice = useChatStore((s) => s.notice);
  const text = !notice
    ? ''
    : notice.code === 'RATE_LIMITED' && notice.wait !== null
      ? t('chat.rateLimited', { count: notice.wait })
      : notice.code === 'MUTED' && notice.wait !== null
        ? t('chat.muted', { count: Math.ceil(notice.wait / 60) })
        : t(errorMessageKey(notice.code));
  return (
    <div role="alert" className={notice ? 'chat-notice' : 'chat-notice-empty'}>
      {notice && (
        <>
          <p>{text}</p>
          <button type="button" className="link-button" onClick={() => client.dismissNotice()}>
            {t('chat.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}

/** Slow mode, said to everyone while it is on (their lines are spaced by the server). */
function SlowModeNote() {
  const { t } = useTranslation();
  const seconds = useChatStore((s) => s.slowMode);
  if (!seconds) return null;
  return <p className="chat-note">{t('chat.slowModeOn', { count: seconds })}</p>;
}
