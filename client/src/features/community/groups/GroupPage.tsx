import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { GroupDetail } from '../../../../../shared/api/community.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { CHAT_PATHS } from '../../chat/paths.ts';
import { languageName, listOf, personName, placeText } from '../components/bits.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { Notice } from '../components/Notice.tsx';
import { toSearch } from '../filters.ts';
import { useLoad, useLocale } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { callCommunity } from '../store.ts';
import { zoneLabel } from '../time.ts';
import { GroupMembers } from './GroupMembers.tsx';

/** `/groups/:id`: what the group is about, joining and leaving, and who is in it. */
export function GroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.groups.detailTitle')}>
      {() => <GroupView id={id} />}
    </CommunityGate>
  );
}

function GroupView({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useLoad(`group:${id}`, (api) => api.getGroup(id));

  if (detail.state.status !== 'ready') {
    return (
      <Page title={t('community.groups.detailTitle')}>
        {detail.loading && <Loading />}
        {detail.error && (
          <LoadFailed
            error={detail.error}
            onRetry={detail.reload}
            notFound={t('community.groups.notFound')}
          />
        )}
        <p className="cm-back">
          <Link href={COMMUNITY_PATHS.groups}>{t('community.groups.back')}</Link>
        </p>
      </Page>
    );
  }
  const { group } = detail.state.data;
  return (
    <Page title={group.name}>
      <Notice />
      <p className="cm-back">
        <Link href={COMMUNITY_PATHS.groups}>{t('community.groups.back')}</Link>
      </p>
      <div className="cm-columns">
        <div className="cm-stack">
          <About detail={detail.state.data} />
          <Membership detail={detail.state.data} onChanged={() => void detail.refresh()} />
        </div>
        <GroupMembers detail={detail.state.data} onChanged={() => void detail.refresh()} />
      </div>
      <GroupChatLink group={group} />
    </Page>
  );
}

/** The group's chat: a page of its own (roomier on a phone), linked for members. */
function GroupChatLink({ group }: { group: GroupDetail['group'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel cm-chat" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('community.groups.chatTitle')}</h2>
      <p>{t('community.groups.chatText')}</p>
      {group.amMember ? (
        <p>
          <Link href={CHAT_PATHS.groupChat(group.id)} className="button-link">
            {t('chat.open')}
          </Link>
        </p>
      ) : (
        <p>{t('chat.membersOnly')}</p>
      )}
    </section>
  );
}

function About({ detail: { group } }: { detail: GroupDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const where = group.area ? placeText(group.area, locale) : '';
  return (
    <section className="panel" aria-labelledby="cm-about-title">
      <h2 id="cm-about-title">{t('community.groups.about')}</h2>
      <p className="cm-text">{group.description}</p>
      <dl className="cm-facts">
        <dt>{t('community.groups.kind')}</dt>
        <dd>{t(`community.groups.kinds.${group.kind}`)}</dd>
        {group.topic && (
          <>
            <dt>{t('community.groups.topic')}</dt>
            <dd>{group.topic}</dd>
          </>
        )}
        {where && (
          <>
            <dt>{t('community.groups.area')}</dt>
            <dd>{where}</dd>
          </>
        )}
        <dt>{t('community.groups.language')}</dt>
        <dd>{languageName(group.language, locale)}</dd>
        {group.timeZone && (
          <>
            <dt>{t('community.groups.timeZone')}</dt>
            <dd>{zoneLabel(group.timeZone)}</dd>
          </>
        )}
        <dt>{t('community.groups.moderators')}</dt>
        <dd>
          {group.moderators.length
            ? listOf(
                group.moderators.map((m) => personName(t, m)),
                locale,
              )
            : t('community.groups.noModerators')}
        </dd>
      </dl>
      <p className="link-row">
        <Link href={`${COMMUNITY_PATHS.events}${toSearch({ group: group.id })}`}>
          {t('community.groups.events')}
        </Link>
        {group.amMember && (
          <Link href={`${COMMUNITY_PATHS.newEvent}${toSearch({ group: group.id })}`}>
            {t('community.groups.newEvent')}
          </Link>
        )}
      </p>
    </section>
  );
}

/** The member count, and joining or leaving (the last moderator is asked to appoint someone). */
function Membership({
  detail: { group },
  onChanged,
}: {
  detail: GroupDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<'joined' | 'left' | null>(null);

  const toggle = async () => {
    if (busy) return;
    const joining = !group.amMember;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      await callCommunity((api) => (joining ? api.joinGroup(group.id) : api.leaveGroup(group.id)));
      setDone(joining ? 'joined' : 'left');
      onChanged();
    } catch (error) {
      setFailure(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  const failureText =
    failure === 'INVALID_TRANSITION'
      ? t('community.groups.lastModerator')
      : failure && t(errorMessageKey(failure));
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('community.groups.membership')}</h2>
      <p className="cm-big-count">
        {t('community.groups.memberCount', { count: group.memberCount })}
      </p>
      <p>{group.amMember ? t('community.groups.youAreIn') : t('community.groups.joinHint')}</p>
      <FormAlert message={failureText || null} />
      <div className="form-actions">
        <button
          type="button"
          className={group.amMember ? 'secondary' : undefined}
          aria-disabled={busy || undefined}
          onClick={() => void toggle()}
        >
          {busy
            ? t('forms.busy')
            : group.amMember
              ? t('community.groups.leave')
              : t('community.groups.join')}
        </button>
        <FormStatus
          message={
            done && t(done === 'joined' ? 'community.groups.joined' : 'community.groups.left')
          }
        />
      </div>
    </section>
  );
}
