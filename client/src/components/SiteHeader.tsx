import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ADMIN_PATHS } from '../features/admin/paths.ts';
import { ChatsNavLink } from '../features/chat/components/ChatsNavLink.tsx';
import { MenuUnread } from '../features/chat/components/MenuUnread.tsx';
import { useModeratesGroupChat } from '../features/chat/moderation-scope.ts';
import { PROGRAMME_PATHS } from '../features/programme/paths.ts';
import { SUPPORT_PATHS } from '../features/support/paths.ts';
import { HEADER_SECTIONS, PATHS, sectionPath } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NavLink } from './NavLink.tsx';
import { useHeaderMenu } from './useHeaderMenu.ts';

/** Staff pages shown in the header only to those who use them; the server decides regardless. */
const MODERATION_PATH = '/moderation';

export function SiteHeader() {
  const { t } = useTranslation();
  const roles = useHavenStore((s) => s.user?.roles);
  const userId = useHavenStore((s) => s.user?.id ?? null);
  const signedIn = Boolean(roles);
  const staff = Boolean(roles?.includes('moderator') || roles?.includes('admin'));
  // A group's moderators have their groups' chat reports there too.
  const moderates = useModeratesGroupChat(userId, staff) || staff;
  const administers = Boolean(roles?.includes('admin'));
  const menu = useHeaderMenu();
  const toolsId = useId();
  const navId = useId();
  // Signed in, the header holds much more; on a phone it folds behind "Menu" (CSS decides when).
  const headerClass = [
    'site-header',
    signedIn ? 'has-menu' : '',
    menu.open ? 'menu-open' : '',
  ].join(' ');
  return (
    <header className={headerClass.trim()}>
      <div className="container header-top">
        <Link className="brand" href={PATHS.home} aria-label={t('app.homeLink')}>
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <path d="M8 17.5 16 10l8 7.5V25h-5.5v-5h-5v5H8z" />
          </svg>
          <span>{t('app.name')}</span>
        </Link>
        {signedIn && (
          <button
            ref={menu.buttonRef}
            type="button"
            className="menu-toggle secondary small"
            aria-expanded={menu.open}
            aria-controls={`${toolsId} ${navId}`}
            onClick={menu.toggle}
          >
            {t('header.menu')}
            <MenuUnread />
          </button>
        )}
        <div id={toolsId} className="header-tools">
          <AccountMenu />
          <LanguageSwitcher />
        </div>
      </div>
      <nav id={navId} className="container main-nav" aria-label={t('nav.label')}>
        <ul className="nav-list">
          {HEADER_SECTIONS.map((section) => (
            <li key={section}>
              <NavLink href={sectionPath(section)}>{t(`sections.${section}.nav`)}</NavLink>
            </li>
          ))}
          {signedIn && (
            <li>
              <ChatsNavLink />
            </li>
          )}
          {moderates && (
            <li>
              <NavLink href={MODERATION_PATH}>{t('community.moderation.link')}</NavLink>
            </li>
          )}
          {administers && (
            <li>
              <NavLink href={ADMIN_PATHS.members}>{t('admin.link')}</NavLink>
            </li>
          )}
          {administers && (
            <li>
              <NavLink href={PROGRAMME_PATHS.enquiries}>{t('admin.enquiriesLink')}</NavLink>
            </li>
          )}
          {administers && (
            <li>
              <NavLink href={SUPPORT_PATHS.admin}>{t('support.admin.link')}</NavLink>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
