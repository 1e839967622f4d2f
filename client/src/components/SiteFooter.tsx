import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="crisis-note">{t('footer.crisis')}</p>
        <p className="footer-tagline">{t('footer.tagline')}</p>
      </div>
    </footer>
  );
}
