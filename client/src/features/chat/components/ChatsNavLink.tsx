import { useTranslation } from 'react-i18next';
import { NavLink } from '../../../components/NavLink.tsx';
import { useChatStore } from '../chat-context.ts';
import { unreadTotals } from '../chat-state.ts';
import { CHAT_PATHS } from '../paths.ts';

/** Past this the badge reads "99+": the server counts at most 100 a group anyway. */
const BADGE_MAX = 99;

/**
 * The header's "Chats", with the new lines of all the member's groups as a badge. What is
 * shown is hidden from assistive technology and said instead in words ("Chats, 3 unread",
 * and the mentions), starting with the text shown, so voice control finds it by it.
 */
export function ChatsNavLink() {
  const { t } = useTranslation();
  const groups = useChatStore((s) => s.groups);
  const { unread, mentions } = unreadTotals(groups);
  if (unread === 0) return <NavLink href={CHAT_PATHS.chats}>{t('chat.nav')}</NavLink>;
  const count = unread > BADGE_MAX ? `${BADGE_MAX}+` : String(unread);
  return (
    <NavLink href={CHAT_PATHS.chats}>
      <span aria-hidden="true">
        {t('chat.nav')}
        <span className={mentions > 0 ? 'nav-badge nav-badge-mention' : 'nav-badge'}>
          {mentions > 0 ? `@${count}` : count}
        </span>
      </span>
      <span className="visually-hidden">
        {t('chat.navUnread', { count: unread })}
        {mentions > 0 && t('chat.navMentions', { count: mentions })}
      </span>
    </NavLink>
  );
}
