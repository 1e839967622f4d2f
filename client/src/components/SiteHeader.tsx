import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

const SECTIONS = ['about', 'program', 'coming'] as const;

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container header-inner">
        <a className="brand" href="/" aria-label={t('app.homeLink')}>
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <path d="M8 17.5 16 10l8 7.5V25h-5.5v-5h-5v5H8z" />
          </svg>
          <span>{t('app.name')}</span>
        </a>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {SECTIONS.map((section) => (
              <li key={section}>
                <a href={`#${section}`}>{t(`nav.${section}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
