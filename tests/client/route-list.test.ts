import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { recoveryRoutes } from '../../client/src/features/account-recovery/routes.tsx';
import { adminRoutes } from '../../client/src/features/admin/routes.tsx';
import { attendanceRoutes } from '../../client/src/features/attendance/routes.tsx';
import { chatRoutes } from '../../client/src/features/chat/routes.tsx';
import { communityRoutes } from '../../client/src/features/community/routes.tsx';
import { contactRoutes } from '../../client/src/features/contacts/routes.tsx';
import { emailAddressRoutes } from '../../client/src/features/email-address/routes.tsx';
import { directoryRoutes } from '../../client/src/features/meetings/directory/routes.tsx';
import { liveRoutes } from '../../client/src/features/meetings/live/routes.tsx';
import { programmeRoutes } from '../../client/src/features/programme/routes.tsx';
import { supportRoutes } from '../../client/src/features/support/routes.tsx';
import { trainingRoutes } from '../../client/src/features/training/routes.tsx';
import { sectionRoutes, shellRoutes } from '../../client/src/shell-routes.tsx';
import { CLIENT_ROUTES, isClientRoute } from '../../shared/routes.ts';

// Every function App.tsx places in its <Switch>; the test below checks App uses exactly these.
const ROUTE_SETS: Record<string, () => ReactElement[]> = {
  shellRoutes,
  liveRoutes,
  directoryRoutes,
  chatRoutes,
  contactRoutes,
  communityRoutes,
  programmeRoutes,
  adminRoutes,
  attendanceRoutes,
  supportRoutes,
  trainingRoutes,
  recoveryRoutes,
  emailAddressRoutes,
  sectionRoutes,
};

function clientPaths(): string[] {
  return Object.values(ROUTE_SETS).flatMap((routes) =>
    routes().map((route) => (route.props as { path: string }).path),
  );
}

describe('the shared list of client routes (shared/routes.ts)', () => {
  it('covers the route sets App.tsx places in its router, and only those', () => {
    const app = readFileSync(join(import.meta.dirname, '../../client/src/App.tsx'), 'utf8');
    const used = [...app.matchAll(/\{(\w+Routes)\(\)\}/g)].map((match) => match[1]);
    expect(used.sort()).toEqual(Object.keys(ROUTE_SETS).sort());
  });

  it('lists every path the client routes, and no path it does not', () => {
    const paths = clientPaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(new Set(paths)).toEqual(new Set(CLIENT_ROUTES));
  });

  it('matches paths the way the client router does', () => {
    expect(isClientRoute('/')).toBe(true);
    expect(isClientRoute('/groups/abc/chat')).toBe(true);
    expect(isClientRoute('/Meetings/')).toBe(true);
    expect(isClientRoute('/certificates/verify/X-1')).toBe(true);
    expect(isClientRoute('/groups/abc/chat/more')).toBe(false);
    expect(isClientRoute('/certificates/verify/')).toBe(false);
    expect(isClientRoute('/nowhere')).toBe(false);
  });
});
