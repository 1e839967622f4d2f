import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../../routing/lazy-page.ts';

const LiveMeetingPage = lazyPage(() => import('./pages/LiveMeetingPage.tsx'), 'LiveMeetingPage');

/** The live room's route; mediasoup-client and the room's code load only here. */
export function liveRoutes(): ReactElement[] {
  return [
    <Route key="live-meeting" path="/meetings/:id/live">
      {(params: { id: string }) => <LiveMeetingPage key={params.id} id={params.id} />}
    </Route>,
  ];
}
