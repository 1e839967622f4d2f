import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { useChatClient } from '../chat-context.ts';

/** The reactions offered: a small fixed set, so they read the same to everyone. */
export const REACTIONS = ['👍', '❤️', '🙏', '💪', '😊'] as const;

/**
 * The reactions a line has (each a toggle with its count, pressed when one's own), and
 * "React", which shows the whole set.
 */
export function Reactions({ message, name }: { message: ChatMessage; name: string }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const given = message.reactions.filter((r) => r.userIds.length > 0);
  const emojis = open
    ? [...new Set([...REACTIONS, ...given.map((r) => r.emoji)])]
    : given.map((r) => r.emoji);

  const toggle = async (emoji: string, on: boolean) => {
    if (busy) return;
    setBusy(true);
    await client.react(message.id, emoji, on);
    setBusy(false);
  };

  return (
    <div className="chat-reactions">
      {emojis.map((emoji) => {
        const userIds = message.reactions.find((r) => r.emoji === emoji)?.userIds ?? [];
        const mine = userIds.includes(client.selfId);
        const count = userIds.length;
        const shown = count > 0;
        const label = shown
          ? t('chat.actions.reaction', { emoji, count })
          : t('chat.actions.reactWith', { emoji });
        return (
          <button
            key={emoji}
            type="button"
            className="chat-reaction"
            aria-pressed={mine}
            aria-label={label}
            onClick={() => void toggle(emoji, !mine)}
          >
            <span aria-hidden="true">{emoji}</span>
            {shown && <span aria-hidden="true">{count}</span>}
          </button>
        );
      })}
      <button
        type="button"
        className="link-button chat-react-toggle"
        aria-expanded={open}
        aria-label={t('chat.actions.reactTo', { name })}
        onClick={() => setOpen((o) => !o)}
      >
        {t('chat.actions.react')}
      </button>
    </div>
  );
}
