import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { GroupDetail } from '../../../../../shared/api/community.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { useHavenStore } from '../../../store/index.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { callCommunity } from '../store.ts';

/**
 * Who is in the group, as far as each member chose to be seen: those who opted in to
 * member lists, plus the moderators (a role that means being visible). Outsiders see no
 * list at all. Group moderators appoint and remove moderators from the listed members.
 */
export function GroupMembers({
  detail: { group, members },
  onChanged,
}: {
  detail: GroupDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const me = useHavenStore((s) => s.user?.id);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ code: ErrorCode; adding: boolean } | null>(null);
  const [done, setDone] = useState<{ name: string; adding: boolean } | null>(null);

  const change = async (userId: string, name: string, adding: boolean) => {
    if (busyId) return;
    setBusyId(userId);
    setFailure(null);
    setDone(null);
    try {
      await callCommunity((api) =>
        adding ? api.addModerator(group.id, userId) : api.removeModerator(group.id, userId),
      );
      setDone({ name, adding });
      onChanged();
    } catch (error) {
      setFailure({ code: asApiError(error).code, adding });
    } finally {
      setBusyId(null);
    }
  };

  let failureText: string | null = null;
  // Appointing someone who left, or who stopped showing in lists, is refused like a stranger.
  if (failure?.adding && (failure.code === 'NOT_FOUND' || failure.code === 'INVALID_TRANSITION'))
    failureText = t('community.groups.cannotAppoint');
  else if (failure?.code === 'INVALID_TRANSITION') failureText = t('community.groups.keepOne');
  else if (failure?.code === 'CONFLICT') failureText = t('community.groups.tooManyModerators');
  else if (failure) failureText = t(errorMessageKey(failure.code));

  return (
    <section className="panel cm-members" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('community.groups.members')}</h2>
      {members === null ? (
        <p>{t('community.groups.membersHidden')}</p>
      ) : (
        <>
          <p className="cm-muted">{t('community.groups.membersExplained')}</p>
          {group.canModerate && <p className="cm-muted">{t('community.groups.moderatorHint')}</p>}
          <FormAlert message={failureText} />
          <FormStatus
            message={
              done &&
              t(done.adding ? 'community.groups.appointed' : 'community.groups.removed', {
                name: done.name,
              })
            }
          />
          <ul className="cm-member-list">
            {members.listed.map(({ user, isModerator }) => (
              <li key={user.id}>
                <span className="cm-member-name">
                  {user.displayName}
                  {user.id === me && ` ${t('community.groups.you')}`}
                </span>
                {isModerator && <span className="cm-badge">{t('community.groups.moderator')}</span>}
                {group.canModerate && (
                  <button
                    type="button"
                    className="secondary small"
                    aria-disabled={busyId === user.id || undefined}
                    onClick={() => void change(user.id, user.displayName, !isModerator)}
                  >
                    {isModerator
                      ? t('community.groups.removeModerator', { name: user.displayName })
                      : t('community.groups.makeModerator', { name: user.displayName })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {members.hiddenCount > 0 && (
            <p>{t('community.groups.hiddenCount', { count: members.hiddenCount })}</p>
          )}
        </>
      )}
      <p className="cm-privacy-link">
        {t('community.groups.privacyText')}{' '}
        <Link href={COMMUNITY_PATHS.privacy}>{t('community.groups.privacyLink')}</Link>
      </p>
    </section>
  );
}
