import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../../routing/lazy-page.ts';

const DirectoryPage = lazyPage(() => import('./pages/DirectoryPage.tsx'), 'DirectoryPage');
const MeetingFormPage = lazyPage(() => import('./pages/MeetingFormPage.tsx'), 'MeetingFormPage');
const MeetingPage = lazyPage(() => import('./pages/MeetingPage.tsx'), 'MeetingPage');

/**
 * This feature's pages as wouter <Route> elements, placed in App's <Switch>. The Switch takes
 * the first match, so "/meetings/new" comes before "/meetings/:id". The live room
 * (/meetings/:id/live) is its own feature: see features/meetings/live/routes.tsx.
 */
export function directoryRoutes(): ReactElement[] {
  return [
    <Route key="directory" path="/meetings">
      <DirectoryPage />
    </Route>,
    <Route key="directory-new" path="/meetings/new">
      <MeetingFormPage />
    </Route>,
    <Route key="directory-edit" path="/meetings/:id/edit">
      {(params: { id: string }) => <MeetingFormPage key={params.id} id={params.id} />}
    </Route>,
    <Route key="directory-meeting" path="/meetings/:id">
      {(params: { id: string }) => <MeetingPage key={params.id} id={params.id} />}
    </Route>,
  ];
}
