import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../components/Page.tsx';
import { PATHS, type Section } from '../routes.ts';

/** The page a section has until its feature opens. */
export function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`sections.${section}.title`)} intro={t(`sections.${section}.text`)}>
      <div className="coming-soon">
        <p className="badge">{t('comingSoon.badge')}</p>
        <p>{t('comingSoon.text')}</p>
        <p>
          <Link href={PATHS.home}>{t('comingSoon.home')}</Link>
        </p>
      </div>
    </Page>
  );
}
