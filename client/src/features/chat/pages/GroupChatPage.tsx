import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { useLoad } from '../../community/hooks.ts';
import { COMMUNITY_PATHS } from '../../community/paths.ts';
import { canModerateContent } from '../../community/permissions.ts';
import { useTabChat } from '../chat-context.ts';
import { ChatPanel } from '../components/ChatPanel.tsx';
import '../chat.css';

/** `/groups/:id/chat`: the group's chat, for its members. */
export function GroupChatPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <MembersOnly title={t('chat.title')} text={t('chat.signedOut')}>
      {(user) => <GroupChat id={id} user={user} />}
    </MembersOnly>
  );
}

function GroupChat({ id, user }: { id: string; user: OwnUser }) {
  const { t } = useTranslation();
  const detail = useLoad(`group:${id}`, (api) => api.getGroup(id));
  const back = (
    <p className="cm-back">
      <Link href={COMMUNITY_PATHS.group(id)}>{t('chat.back')}</Link>
    </p>
  );
  if (detail.state.status !== 'ready')
    return (
      <Page title={t('chat.title')}>
        {detail.loading && <Loading />}
        {detail.error && (
          <LoadFailed
            error={detail.error}
            onRetry={detail.reload}
            notFound={t('community.groups.notFound')}
          />
        )}
        {back}
      </Page>
    );
  const { group } = detail.state.data;
  const title = t('chat.titleFor', { group: group.name });
  const moderates = group.amModerator || canModerateContent(user.roles);
  return (
    <Page title={title}>
      {back}
      {group.amMember ? (
        <ChatRoom groupId={group.id} selfId={user.id} moderates={moderates} />
      ) : (
        <p className="panel">{t('chat.membersOnly')}</p>
      )}
    </Page>
  );
}

function ChatRoom({
  groupId,
  selfId,
  moderates,
}: {
  groupId: string;
  selfId: string;
  moderates: boolean;
}) {
  const client = useTabChat();
  useEffect(() => {
    if (!client) return;
    void client.open(groupId);
    return () => client.leave(groupId);
  }, [client, groupId]);
  // The tab's client is the signed-in member's: until it is theirs, wait.
  if (!client || client.selfId !== selfId) return <Loading />;
  return <ChatPanel groupId={groupId} moderates={moderates} />;
}
