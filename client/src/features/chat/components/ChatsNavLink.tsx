import { useTranslation } from 'react-i18next';
import { NavLink } from '../../../components/NavLink.tsx';
import { useChatStore } from '../chat-context.ts';
import { unreadTotals } from '../chat-state.ts';
import { CHAT_PATHS } from '../paths.ts';

/** Past this the badge reads "99+": the server counts at most 100 a group anyway. */
const BADGE_MAX = 99;

/**
 * The header's "Chats", with the new lines of all the member's groups as a badge. The
 * number is said in words inside the link ("Chats, 3 unread"); the badge itself is hidden
 * from assistive technology so it is not read twice.
 */
export function ChatsNavLink() {
  const { t } = useTranslation();
  const groups = useChatStore((s) => s.groups);
  const { unread, mentions } = unreadTotals(groups);
  const count = unread > BADGE_MAX ? `${BADGE_MAX}+` : String(unread);
  const shown = mentions > 0 ? `@${count}` : count;
  return (
    <NavLink href={CHAT_PATHS.chats} className="nav-chats">
      {t('chat.nav')}
      {unread > 0 && (
        <>
          <span
            className={mentions > 0 ? 'nav-badge nav-badge-mention' : 'nav-badge'}
            aria-hidden="true"
          >
            {shown}
          </span>
          <span className="visually-hidden">
            {t('chat.navUnread', { count: unread })}
            {mentions > 0 && t('chat.navMentions', { count: mentions })}
          </span>
        </>
      )}
    </NavLink>
  );
}
