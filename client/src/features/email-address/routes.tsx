import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { EMAIL_ADDRESS_PATHS } from './paths.ts';

const VerifyEmailPage = lazyPage(() => import('./VerifyEmailPage.tsx'), 'VerifyEmailPage');
const ConfirmEmailPage = lazyPage(() => import('./ConfirmEmailPage.tsx'), 'ConfirmEmailPage');

/** The pages a sign-up's and an email change's confirmation links open, each its own chunk. */
export function emailAddressRoutes(): ReactElement[] {
  return [
    <Route key="verify-email" path={EMAIL_ADDRESS_PATHS.verifyEmail}>
      <VerifyEmailPage />
    </Route>,
    <Route key="confirm-email" path={EMAIL_ADDRESS_PATHS.confirmEmail}>
      <ConfirmEmailPage />
    </Route>,
  ];
}
