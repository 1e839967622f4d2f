import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { SUPPORT_PATHS } from './paths.ts';

const SupportPage = lazyPage(() => import('./SupportPage.tsx'), 'SupportPage');
const AdminSupportPage = lazyPage(() => import('./AdminSupportPage.tsx'), 'AdminSupportPage');

/**
 * The crisis help page (public) and its admin editor as wouter <Route> elements, placed in
 * App's <Switch>. Each page is its own chunk; their data and zod come in the api chunk.
 */
export function supportRoutes(): ReactElement[] {
  return [
    <Route key="support" path={SUPPORT_PATHS.page}>
      <SupportPage />
    </Route>,
    <Route key="admin-support" path={SUPPORT_PATHS.admin}>
      <AdminSupportPage />
    </Route>,
  ];
}
