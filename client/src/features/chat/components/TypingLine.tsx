import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../community/hooks.ts';
import { useChatStore } from '../chat-context.ts';
import { typingNames } from '../timeline.ts';

const TICK_MS = 1_000;

/**
 * "Ana is typing…": a status whose text changes only when who is typing changes, so a
 * screen reader hears it once, not with every keystroke signal.
 */
export function TypingLine() {
  const { t } = useTranslation();
  const locale = useLocale();
  const typing = useChatStore((s) => s.typing);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    setNow(Date.now());
    if (typing.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [typing]);

  const names = typingNames(typing, now);
  const text = names.length
    ? t('chat.typing', {
        count: names.length,
        names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names),
      })
    : '';
  return (
    <p className="chat-typing" role="status">
      {text}
    </p>
  );
}
