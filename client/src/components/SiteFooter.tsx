import { useTranslation } from 'react-i18next';
import { SUPPORT_PATHS } from '../features/support/paths.ts';
import { FOOTER_SECTIONS, sectionPath } from '../routes.ts';
import { NavLink } from './NavLink.tsx';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="crisis-note">{t('footer.crisis')}</p>
        <nav aria-label={t('footer.navLabel')}>
          <ul className="footer-links">
            <li>
              <NavLink href={SUPPORT_PATHS.page}>{t('support.footerLink')}</NavLink>
            </li>
            {FOOTER_SECTIONS.map((section) => (
              <li key={section}>
                <NavLink href={sectionPath(section)}>{t(`sections.${section}.nav`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <p className="footer-tagline">{t('footer.tagline')}</p>
      </div>
    </footer>
  );
}
