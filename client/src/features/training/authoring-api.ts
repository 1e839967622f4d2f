import { pageOf } from '../../../../shared/api/common.ts';
import type { CourseCreate, CoursePatch } from '../../../../shared/training/content.ts';
import { courseProgressReportSchema } from '../../../../shared/training/course-progress.ts';
import { authoringResponse, courseSummarySchema } from '../../../../shared/training/learning.ts';
import { type ApiClient, api } from '../../api/client.ts';

const encode = encodeURIComponent;

/**
 * The authors' calls (trainers and admins; the server refuses anyone else), each answer
 * checked with the shared schemas. Every write answers the outline and the draft as the
 * server now holds them, keys it made up included, so the editor shows what is stored.
 */
export function authoringApi(client: ApiClient = api) {
  return {
    /** Every course, drafts included (`?status=all`), following the pages. */
    courses: async () => {
      const all = [];
      let cursor: string | null | undefined;
      do {
        const after = cursor ? `&cursor=${encode(cursor)}` : '';
        const page = await client.get(
          `/api/courses?status=all&limit=100${after}`,
          pageOf(courseSummarySchema),
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    /** The outline of the draft and the draft itself, answers included. */
    draft: (id: string) => client.get(`/api/courses/${encode(id)}?view=draft`, authoringResponse),
    create: (body: CourseCreate) => client.post('/api/courses', body, authoringResponse),
    patch: (id: string, body: CoursePatch) =>
      client.patch(`/api/courses/${encode(id)}`, body, authoringResponse),
    /** How the course's learners are doing, in numbers naming nobody. */
    progress: (id: string) =>
      client.get(`/api/courses/${encode(id)}/progress`, courseProgressReportSchema),
  };
}

export const authoring = authoringApi();
