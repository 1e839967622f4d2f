import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_TEXT_MAX, type ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { useChatClient } from '../chat-context.ts';

/** Editing one's own line in place: Save, or Cancel (Escape). */
export function EditForm({ message, onDone }: { message: ChatMessage; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const textId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(message.text ?? '');
  const [busy, setBusy] = useState(false);

  useEffect(() => ref.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (busy || !value) return;
    if (value === message.text) return onDone();
    setBusy(true);
    const saved = await client.edit(message.id, value);
    setBusy(false);
    if (saved) onDone();
  };

  return (
    <form className="chat-edit" onSubmit={(e) => void save(e)}>
      <label htmlFor={textId}>{t('chat.actions.editLabel')}</label>
      <textarea
        id={textId}
        ref={ref}
        rows={2}
        value={text}
        maxLength={CHAT_TEXT_MAX}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      <div className="chat-edit-actions">
        <button type="submit" aria-disabled={busy || undefined}>
          {t('chat.actions.save')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {t('chat.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
