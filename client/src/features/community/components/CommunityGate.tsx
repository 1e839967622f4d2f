import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import { MembersOnly } from '../../../components/MembersOnly.tsx';

/** Every community page is for signed-in members, with the same explanation for visitors. */
export function CommunityGate({
  title,
  children,
}: {
  title?: string;
  children: (user: OwnUser) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <MembersOnly
      title={title}
      text={t('community.session.signedOut')}
      note={t('community.session.why')}
    >
      {children}
    </MembersOnly>
  );
}
