import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMember } from '../../../../../shared/chat/schemas.ts';
import { useLocale, useViewerZone } from '../../community/hooks.ts';
import { AskContact } from '../../contacts/components/AskContact.tsx';
import { useChatClient, useChatStore } from '../chat-context.ts';
import { namedFromLines, presenceCounts, sortedMembers } from '../presence.ts';

/**
 * The open group's members, named where the member list (or their own lines) names them.
 * Without presence (no Redis) it is made from the lines' senders, for the mention picker.
 */
export function useNamedMembers(): { members: ChatMember[]; live: boolean } {
  const members = useChatStore((s) => s.members);
  const messages = useChatStore((s) => s.lines?.messages);
  return useMemo(() => {
    const lines = messages ?? [];
    if (members) return { members: namedFromLines(members, lines), live: true };
    const senders = new Map<string, ChatMember>();
    for (const m of lines)
      if (m.senderId && m.senderName)
        senders.set(m.senderId, {
          userId: m.senderId,
          name: m.senderName,
          state: 'offline',
          lastSeen: null,
        });
    return { members: [...senders.values()], live: false };
  }, [members, messages]);
}

/**
 * "Who is here (3 online)": folded by default so it costs one line on a phone. Each state
 * is written out; the dot beside it only repeats it. Not a live region: presence changes
 * often and would interrupt.
 */
export function WhoIsHere() {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  const client = useChatClient();
  const { members, live } = useNamedMembers();
  const rows = useMemo(() => sortedMembers(members, locale), [members, locale]);
  if (!live) return null;
  const counts = presenceCounts(members);
  const unnamed = members.length - rows.length;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  const stateText = (m: ChatMember) =>
    m.state === 'offline' && m.lastSeen !== null
      ? t('chat.who.lastSeen', { when: when.format(new Date(m.lastSeen)) })
      : t(`chat.who.${m.state}`);
  return (
    <details className="chat-who">
      <summary>{t('chat.who.summary', { count: counts.online })}</summary>
      <ul className="chat-who-list">
        {rows.map((m) => (
          <li key={m.userId} className={`chat-who-${m.state}`}>
            <span className="chat-who-dot" aria-hidden="true" />
            <span className="chat-who-name">
              {m.name}
              {m.userId === client.selfId && <> {t('chat.who.you')}</>}
            </span>{' '}
            <span className="chat-who-state">{stateText(m)}</span>
            {m.name && m.userId !== client.selfId && <AskContact userId={m.userId} name={m.name} />}
          </li>
        ))}
      </ul>
      {unnamed > 0 && <p className="chat-who-more">{t('chat.who.unnamed', { count: unnamed })}</p>}
    </details>
  );
}
