import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { useHavenStore } from '../../store/index.ts';
import { AdminOnly, LoadFailed, Loading, NotAllowed } from './components.tsx';
import { useMember, usePartners } from './data.ts';
import { MemberCard } from './MemberCard.tsx';
import { byName } from './model.ts';
import { ADMIN_PATHS } from './paths.ts';

/**
 * /admin/members/:id: one member's roles and partner link, on a page of their own (issue
 * 18), reached from a row of the members table. The server's refusals show above the form.
 */
export function MemberPage() {
  const { t } = useTranslation();
  const id = useParams<{ id: string }>().id ?? '';
  return (
    <Page title={t('admin.member.title')}>
      <p className="link-row">
        <Link href={ADMIN_PATHS.members}>{t('admin.member.back')}</Link>
      </p>
      <AdminOnly>
        {(user) => <OneMember key={`${user.id}:${id}`} id={id} viewerId={user.id} />}
      </AdminOnly>
    </Page>
  );
}

function OneMember({ id, viewerId }: { id: string; viewerId: string }) {
  const { t } = useTranslation();
  const language = useHavenStore((s) => s.language);
  const member = useMember(id);
  const partners = usePartners();
  const partnerList =
    partners.state.status === 'ready' ? byName(partners.state.data, language) : null;
  const { state } = member;
  const partnersError = partners.state.status === 'failed' ? partners.state.error : null;
  if (state.status === 'failed' && state.error === 'FORBIDDEN') return <NotAllowed />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    return (
      <LoadFailed
        error={state.error}
        message={state.error === 'NOT_FOUND' ? t('admin.members.problems.memberGone') : undefined}
        onRetry={state.error === 'NOT_FOUND' ? undefined : member.reload}
      />
    );
  }
  return (
    <>
      {partnersError && (
        <LoadFailed
          error={partnersError}
          message={t('admin.members.partnersFailed')}
          onRetry={partners.reload}
        />
      )}
      <MemberCard
        member={state.data}
        viewerId={viewerId}
        partners={partnerList}
        onSaved={member.update}
      />
    </>
  );
}
