import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ChatGroupSummary } from '../../../../../shared/chat/schemas.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { useLocale, useViewerZone } from '../../community/hooks.ts';
import { COMMUNITY_PATHS } from '../../community/paths.ts';
import { PrivateConversations } from '../../contacts/components/PrivateConversations.tsx';
import { useChatStore, useTabChat } from '../chat-context.ts';
import { sortedSummaries } from '../chat-state.ts';
import { CHAT_PATHS } from '../paths.ts';
import '../chat.css';

/** `/chats`: the member's groups, with new lines and mentions since they last read. */
export function ChatsPage() {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('chat.list.title')} text={t('chat.signedOut')}>
      {() => <ChatList />}
    </MembersOnly>
  );
}

function ChatList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useTabChat();
  const groups = useChatStore((s) => s.groups);
  const loadError = useChatStore((s) => s.groupsError);
  const all = useMemo(() => (groups ? sortedSummaries(groups, locale) : []), [groups, locale]);
  const sorted = all.filter((g) => g.kind === 'group');
  const conversations = all.filter((g) => g.kind === 'private');

  useEffect(() => {
    if (!client) return;
    client.watchOnline(true);
    return () => client.watchOnline(false);
  }, [client]);

  let body: React.ReactNode;
  if (loadError) body = <LoadFailed error={loadError} onRetry={() => void client?.loadGroups()} />;
  else if (!groups) body = <Loading />;
  else if (sorted.length === 0)
    body = (
      <div className="panel">
        <p>{t('chat.list.empty')}</p>
        <p>
          <Link href={COMMUNITY_PATHS.groups}>{t('chat.list.findGroups')}</Link>
        </p>
      </div>
    );
  else
    body = (
      <ul className="chat-list">
        {sorted.map((group) => (
          <ChatListItem key={group.groupId} group={group} />
        ))}
      </ul>
    );
  return (
    <Page title={t('chat.list.title')} intro={t('chat.list.intro')}>
      {body}
      <PrivateConversations conversations={conversations} />
    </Page>
  );
}

function ChatListItem({ group }: { group: ChatGroupSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  const when = group.lastMessageAt
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: zone,
      }).format(new Date(group.lastMessageAt))
    : null;
  const unread = group.unread > 0;
  const mentioned = group.mentions > 0;
  return (
    <li className="panel chat-list-item">
      <h2>
        <Link href={CHAT_PATHS.groupChat(group.groupId)}>{group.name}</Link>
      </h2>
      <p className="chat-list-badges">
        {unread && (
          <span className="cm-badge cm-badge-strong">
            {t('chat.list.unread', { count: group.unread })}
          </span>
        )}
        {mentioned && (
          <span className="cm-badge cm-badge-warn">
            {t('chat.list.mentions', { count: group.mentions })}
          </span>
        )}
        {group.online !== null && (
          <span className="cm-badge">{t('chat.list.online', { count: group.online })}</span>
        )}
      </p>
      <p className="chat-list-when">
        {when ? t('chat.list.last', { when }) : t('chat.list.noMessages')}
      </p>
    </li>
  );
}
