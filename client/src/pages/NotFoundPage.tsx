import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../components/Page.tsx';
import { PATHS } from '../routes.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.text')}>
      <p>
        <Link href={PATHS.home}>{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
