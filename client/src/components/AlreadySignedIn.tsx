import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PATHS } from '../routes.ts';

/** Shown on the sign-in and join pages to someone who is signed in already. */
export function AlreadySignedIn({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <div className="panel">
      <p>{t('auth.alreadySignedIn', { name })}</p>
      <p>
        <Link href={PATHS.account}>{t('auth.goToAccount')}</Link>
      </p>
    </div>
  );
}
