import type { ReactElement } from 'react';
import { Route } from 'wouter';
import { ATTENDANCE_PATHS } from '../../../../shared/api/attendance.ts';
import { lazyPage } from '../../routing/lazy-page.ts';
import './attendance.css';

const VerifyPage = lazyPage(() => import('./VerifyPage.tsx'), 'VerifyPage');
const SlipPage = lazyPage(() => import('./SlipPage.tsx'), 'SlipPage');

/** Public pages: anyone may check a slip, and a participant opens their own from the room. */
export function attendanceRoutes(): ReactElement[] {
  return [
    <Route key="verify" path={ATTENDANCE_PATHS.verify}>
      <VerifyPage />
    </Route>,
    <Route key="slip" path={ATTENDANCE_PATHS.slip}>
      <SlipPage />
    </Route>,
  ];
}
