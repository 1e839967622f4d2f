import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { AccountPage } from './pages/AccountPage.tsx';
import { ComingSoonPage } from './pages/ComingSoonPage.tsx';
import { HomeRoute } from './pages/HomeRoute.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { PATHS, SECTIONS, sectionPath } from './routes.ts';

/** The shell's own pages: home, sign-up, sign-in and the account page. */
export function shellRoutes(): ReactElement[] {
  return [
    <Route key="home" path={PATHS.home}>
      <HomeRoute />
    </Route>,
    <Route key="sign-up" path={PATHS.signUp}>
      <SignUpPage />
    </Route>,
    <Route key="sign-in" path={PATHS.signIn}>
      <SignInPage />
    </Route>,
    <Route key="account" path={PATHS.account}>
      <AccountPage />
    </Route>,
  ];
}

/** Sections whose feature has no pages yet; placed last, so a feature's own route wins. */
export function sectionRoutes(): ReactElement[] {
  return SECTIONS.map((section) => (
    <Route key={section} path={sectionPath(section)}>
      <ComingSoonPage section={section} />
    </Route>
  ));
}
