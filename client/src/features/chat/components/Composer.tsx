import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_TEXT_MAX, type ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { useChatClient } from '../chat-context.ts';
import { MentionList, useMentionPicker } from './MentionPicker.tsx';

/** Where the member writes: Enter sends, Shift+Enter starts a line; the limit is shown. */
export function Composer({
  replyTo,
  onCancelReply,
  inputRef,
  label,
  hint,
}: {
  replyTo: ChatMessage | null;
  onCancelReply: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  label: string;
  hint: string;
}) {
  const { t } = useTranslation();
  const client = useChatClient();
  const textId = useId();
  const hintId = useId();
  const countId = useId();
  const [text, setText] = useState('');
  const mentions = useMentionPicker(text, setText, inputRef);
  const length = text.length;
  const tooLong = length > CHAT_TEXT_MAX;
  const nearLimit = length > CHAT_TEXT_MAX * 0.9;
  const replyName = replyTo ? (replyTo.senderName ?? t('chat.deletedMember')) : '';

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const value = text.trim();
    if (!value || tooLong) return;
    client.send(value, replyTo, mentions.takeMentions(value));
    setText('');
    onCancelReply();
  };

  return (
    <form className="chat-composer" onSubmit={send}>
      {replyTo && (
        <div className="chat-replying">
          <p>
            <strong>{t('chat.composer.replying', { name: replyName })}</strong>{' '}
            <span>{replyTo.text}</span>
          </p>
          <button type="button" className="link-button" onClick={onCancelReply}>
            {t('chat.composer.cancelReply')}
          </button>
        </div>
      )}
      <label htmlFor={textId}>{label}</label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <div className="chat-compose-row">
        <div className="chat-compose-field">
          <textarea
            id={textId}
            ref={inputRef}
            rows={2}
            value={text}
            aria-describedby={`${hintId} ${countId}`}
            aria-invalid={tooLong || undefined}
            {...mentions.inputProps}
            onChange={(e) => {
              setText(e.target.value);
              mentions.onCaret(e.target);
              if (e.target.value.trim()) client.typing();
            }}
            onSelect={(e) => mentions.onCaret(e.currentTarget)}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing || mentions.onKeyDown(e)) return;
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send();
              }
            }}
          />
          <MentionList picker={mentions} />
        </div>
        <button type="submit">{t('chat.composer.send')}</button>
      </div>
      <p id={countId} className={nearLimit ? 'chat-count chat-count-near' : 'chat-count'}>
        {tooLong
          ? t('chat.composer.tooLong', { max: CHAT_TEXT_MAX })
          : t('chat.composer.count', { count: length, max: CHAT_TEXT_MAX })}
      </p>
    </form>
  );
}
