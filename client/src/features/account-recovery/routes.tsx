import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { RECOVERY_PATHS } from './paths.ts';

const ForgotPasswordPage = lazyPage(() => import('./ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./ResetPasswordPage.tsx'), 'ResetPasswordPage');

/** "Forgot your password?" and the page a reset email links to, each its own chunk. */
export function recoveryRoutes(): ReactElement[] {
  return [
    <Route key="forgot-password" path={RECOVERY_PATHS.forgotPassword}>
      <ForgotPasswordPage />
    </Route>,
    <Route key="reset-password" path={RECOVERY_PATHS.resetPassword}>
      <ResetPasswordPage />
    </Route>,
  ];
}
