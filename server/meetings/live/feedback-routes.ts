import { idParams } from '../../../shared/api/common.ts';
import { meetingFeedbackResponse } from '../../../shared/meetings/feedback.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import { AppError } from '../../infra/errors.ts';
import type { DirectoryService } from '../directory/service.ts';
import type { AttendanceCounter } from './attendance.ts';

/**
 * `GET /api/meetings/:id/feedback`: for those who run the meeting, each recent occurrence's
 * anonymous numbers (how many came, how they rated it, what helped). Nothing about anyone.
 */
export function mountMeetingFeedback(
  api: ApiRoutes,
  directory: DirectoryService,
  counter: AttendanceCounter,
): void {
  api.get(
    '/meetings/:id/feedback',
    {
      summary: 'Anonymous attendance numbers and feedback per occurrence (those who run it)',
      tag: 'directory',
      auth: 'user',
      params: idParams,
      response: meetingFeedbackResponse,
    },
    async ({ params, user }) => {
      if (!(await directory.hosts(user, params.id)))
        throw new AppError('FORBIDDEN', 'only those who run this meeting see its feedback');
      return { occurrences: await counter.forMeeting(params.id) };
    },
  );
}
