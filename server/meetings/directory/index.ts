import type { FeatureContext } from '../../infra/api/feature.ts';
import { AttendanceCounter } from '../live/attendance.ts';
import { mountMeetingFeedback } from '../live/feedback-routes.ts';
import { mountDirectoryRoutes } from './routes.ts';
import type { DirectoryService } from './service.ts';

/** The meeting directory: meetings, recurrence and occurrences, calendar files, eligibility. */
export function mountDirectory(ctx: FeatureContext, service: DirectoryService): void {
  mountDirectoryRoutes(ctx.api, service, ctx.publicUrl);
  mountMeetingFeedback(ctx.api, service, new AttendanceCounter(ctx.connection));
  ctx.accountData.register('directory', {
    export: (userId) => service.exportFor(userId),
    erase: (userId) => service.eraseFor(userId),
  });
}
