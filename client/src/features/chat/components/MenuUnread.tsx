import { useTranslation } from 'react-i18next';
import { useChatStore } from '../chat-context.ts';
import { unreadTotals } from '../chat-state.ts';

/**
 * The chats' unread badge for the phone header's "Menu" button, so new lines show while
 * the navigation (and its "Chats" link) is folded away. Said in words as in ChatsNavLink.
 */
export function MenuUnread() {
  const { t } = useTranslation();
  const groups = useChatStore((s) => s.groups);
  const { unread, mentions } = unreadTotals(groups);
  if (unread === 0) return null;
  const badge = mentions > 0 ? 'nav-badge nav-badge-mention' : 'nav-badge';
  return (
    <>
      <span aria-hidden="true" className={badge}>
        {unread > 99 ? '99+' : unread}
      </span>
      <span className="visually-hidden">
        {t('chat.navUnread', { count: unread })}
        {mentions > 0 && t('chat.navMentions', { count: mentions })}
      </span>
    </>
  );
}
