import type { ReactElement } from 'react';

/** This feature's pages as wouter <Route> elements, placed in App's <Switch>. */
export function directoryRoutes(): ReactElement[] {
  return [];
}
