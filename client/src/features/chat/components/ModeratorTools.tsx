import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../community/hooks.ts';
import { useChatClient, useChatStore } from '../chat-context.ts';
import { sortedMembers } from '../presence.ts';
import { useNamedMembers } from './WhoIsHere.tsx';

/** Slow mode choices, seconds between one member's lines (0: off). */
const SLOW_MODES = [0, 10, 30, 60, 300, 900] as const;
/** What a moderator can do to a member here: mute for a while (minutes), ban, lift. */
const ACTIONS = ['mute-10', 'mute-60', 'mute-1440', 'mute-10080', 'ban', 'lift'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * A group moderator's tools in its chat, folded by default: slow mode, and muting, banning
 * or lifting a member (reported lines have their own queue in /moderation). The server
 * checks every step; each form says what happened in a status line.
 */
export function ModeratorTools() {
  const { t } = useTranslation();
  return (
    <details className="chat-who chat-mod">
      <summary>{t('chat.mod.title')}</summary>
      <SlowModeForm />
      <RestrictForm />
    </details>
  );
}

function SlowModeForm() {
  const { t } = useTranslation();
  const client = useChatClient();
  const current = useChatStore((s) => s.slowMode);
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const value = choice ?? current ?? 0;
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaid('');
    void client.moderation.setSlowMode(value).then((ok) => {
      if (ok) setSaid(value > 0 ? t('chat.slowModeOn', { count: value }) : t('chat.mod.slowOff'));
    });
  };
  return (
    <form className="chat-mod-form" onSubmit={save}>
      <label htmlFor={id}>{t('chat.mod.slowMode')}</label>
      <select id={id} value={value} onChange={(e) => setChoice(Number(e.target.value))}>
        {SLOW_MODES.map((seconds) => (
          <option key={seconds} value={seconds}>
            {seconds === 0 ? t('chat.mod.off') : t('chat.mod.every', { count: seconds })}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        {t('chat.mod.saveSlowMode')}
      </button>
      <span role="status">{said}</span>
    </form>
  );
}

function RestrictForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useChatClient();
  const memberId = useId();
  const actionId = useId();
  const { members } = useNamedMembers();
  const others = useMemo(
    () => sortedMembers(members, locale).filter((m) => m.userId !== client.selfId),
    [members, locale, client.selfId],
  );
  const [userId, setUserId] = useState('');
  const [action, setAction] = useState<Action>('mute-60');
  const [said, setSaid] = useState('');
  if (others.length === 0) return null;
  const chosen = others.find((m) => m.userId === userId) ?? others[0];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setSaid('');
    const [kind, minutes] = action.split('-') as ['mute' | 'ban' | 'lift', string | undefined];
    const name = chosen.name ?? '';
    void client.moderation
      .restrict(chosen.userId, kind, minutes ? Number(minutes) : undefined)
      .then((ok) => {
        if (ok) setSaid(t(`chat.mod.done.${kind}`, { name }));
      });
  };
  return (
    <form className="chat-mod-form" onSubmit={apply}>
      <label htmlFor={memberId}>{t('chat.mod.member')}</label>
      <select id={memberId} value={chosen?.userId} onChange={(e) => setUserId(e.target.value)}>
        {others.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      <label htmlFor={actionId}>{t('chat.mod.action')}</label>
      <select id={actionId} value={action} onChange={(e) => setAction(e.target.value as Action)}>
        {ACTIONS.map((a) => (
          <option key={a} value={a}>
            {t(`chat.mod.actions.${a}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        {t('chat.mod.apply')}
      </button>
      <span role="status">{said}</span>
    </form>
  );
}
