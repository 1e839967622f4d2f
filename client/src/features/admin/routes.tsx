import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { ADMIN_PATHS } from './paths.ts';
import './admin.css';

const MembersPage = lazyPage(() => import('./MembersPage.tsx'), 'MembersPage');
const MemberPage = lazyPage(() => import('./MemberPage.tsx'), 'MemberPage');

/**
 * The admin pages (acting for the board) as wouter <Route> elements, placed in App's
 * <Switch>. Each page is its own chunk, loaded on first visit; its data and zod come in
 * the api chunk (see data.ts).
 */
export function adminRoutes(): ReactElement[] {
  return [
    <Route key="admin-members" path={ADMIN_PATHS.members}>
      <MembersPage />
    </Route>,
    <Route key="admin-member" path={ADMIN_PATHS.member}>
      <MemberPage />
    </Route>,
  ];
}
