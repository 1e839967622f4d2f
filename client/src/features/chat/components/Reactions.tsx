import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { useChatClient } from '../chat-context.ts';

/** The reactions offered: a small fixed set, so they read the same to everyone. */
export const REACTIONS = ['👍', '❤️', '🙏', '💪', '😊'] as const;

/**
 * The reactions a line has, each a toggle with its count (pressed when one's own); with
 * `open` ("React" pressed), the whole set to choose from: the focus goes to its first, and
 * choosing one or Escape closes it (`onClose` puts the focus back on "React").
 */
export function Reactions({
  message,
  open,
  onClose,
  readOnly = false,
}: {
  message: ChatMessage;
  open: boolean;
  onClose: () => void;
  /** Shown, not pressed (a conversation only read). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const client = useChatClient();
  const [busy, setBusy] = useState(false);
  const rowRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) rowRef.current?.querySelector('button')?.focus();
  }, [open]);
  const given = message.reactions.filter((r) => r.userIds.length > 0);
  const emojis = open
    ? [...new Set([...REACTIONS, ...given.map((r) => r.emoji)])]
    : given.map((r) => r.emoji);
  if (emojis.length === 0) return null;

  const toggle = async (emoji: string, on: boolean) => {
    if (busy) return;
    setBusy(true);
    await client.react(message.id, emoji, on);
    setBusy(false);
    if (open) onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from the buttons within.
    <div className="chat-reactions" ref={rowRef} onKeyDown={onKeyDown}>
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
            disabled={readOnly}
            onClick={() => void toggle(emoji, !mine)}
          >
            <span aria-hidden="true">{emoji}</span>
            {shown && <span aria-hidden="true">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
