import { idParams, pageOf } from '../../shared/api/common.ts';
import { courseCreateBody, coursePatchBody } from '../../shared/training/content.ts';
import { courseProgressReportSchema } from '../../shared/training/course-progress.ts';
import {
  authoringResponse,
  courseDetailQuery,
  courseListQuery,
  courseResponse,
  courseSummarySchema,
} from '../../shared/training/learning.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { TrainingService } from './service.ts';

const AUTHORS = ['trainer', 'admin'] as const;

/** Courses: what learners browse, and what trainers and admins author. */
export function mountCourseRoutes(api: ApiRoutes, training: TrainingService): void {
  api.get(
    '/courses',
    {
      summary: 'Published courses (filter by track and language) with my progress',
      tag: 'training',
      auth: 'user',
      query: courseListQuery,
      response: pageOf(courseSummarySchema),
    },
    ({ user, query }) => training.listCourses(user, query),
  );

  api.get(
    '/courses/:id',
    {
      summary: "A course's modules and items with my progress (view=draft: trainers and admins)",
      tag: 'training',
      auth: 'user',
      params: idParams,
      query: courseDetailQuery,
      response: courseResponse,
    },
    ({ user, params, query }) => training.courseDetail(user, params.id, query.view),
  );

  api.post(
    '/courses',
    {
      summary: 'Create a draft course (trainers and admins)',
      tag: 'training',
      auth: AUTHORS,
      body: courseCreateBody,
      response: authoringResponse,
    },
    ({ user, body }) => training.createCourse(user, body),
  );

  api.patch(
    '/courses/:id',
    {
      summary: 'Edit, reorder or publish a course (trainers and admins)',
      tag: 'training',
      auth: AUTHORS,
      params: idParams,
      body: coursePatchBody,
      response: authoringResponse,
    },
    ({ user, params, body }) => training.updateCourse(user, params.id, body),
  );

  api.post(
    '/courses/:id/move-forward',
    {
      summary: 'Leave the version I started for the latest one, keeping my completed items',
      tag: 'training',
      auth: 'user',
      params: idParams,
      response: courseResponse,
      status: 200,
    },
    ({ user, params }) => training.moveForward(user, params.id),
  );

  api.get(
    '/courses/:id/progress',
    {
      summary: "How a course's learners are doing, in numbers naming nobody (trainers and admins)",
      tag: 'training',
      auth: AUTHORS,
      params: idParams,
      response: courseProgressReportSchema,
    },
    ({ params }) => training.courseProgress(params.id),
  );
}
