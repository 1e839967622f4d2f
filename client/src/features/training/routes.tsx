import type { ComponentType, ReactElement } from 'react';
import { Route } from 'wouter';
import { lazyPage } from '../../routing/lazy-page.ts';
import { TRAINING_PATHS as P } from './paths.ts';
import './training.css';
import './cohorts.css';

const CoursesPage = lazyPage(() => import('./pages/CoursesPage.tsx'), 'CoursesPage');
const CoursePage = lazyPage(() => import('./pages/CoursePage.tsx'), 'CoursePage');
const ItemPage = lazyPage(() => import('./pages/ItemPage.tsx'), 'ItemPage');
const CertificatesPage = lazyPage(() => import('./pages/CertificatesPage.tsx'), 'CertificatesPage');
const ReviewsPage = lazyPage(() => import('./pages/ReviewsPage.tsx'), 'ReviewsPage');
const AuthoringPage = lazyPage(() => import('./pages/AuthoringPage.tsx'), 'AuthoringPage');
const CourseEditorPage = lazyPage(() => import('./pages/CourseEditorPage.tsx'), 'CourseEditorPage');
const CourseProgressPage = lazyPage(
  () => import('./pages/CourseProgressPage.tsx'),
  'CourseProgressPage',
);
const CohortsPage = lazyPage(() => import('./pages/CohortsPage.tsx'), 'CohortsPage');
const CohortPage = lazyPage(() => import('./pages/CohortPage.tsx'), 'CohortPage');
const VerifyCertificatePage = lazyPage(
  () => import('./pages/VerifyCertificatePage.tsx'),
  'VerifyCertificatePage',
);

/** The learner's training pages, and the public certificate check. */
export function trainingRoutes(): ReactElement[] {
  const pages: Array<[string, ComponentType]> = [
    [P.courses, CoursesPage],
    [P.certificates, CertificatesPage],
    [P.reviews, ReviewsPage],
    [P.authoring, AuthoringPage],
    [P.authoringProgress, CourseProgressPage],
    [P.authoringCourse, CourseEditorPage],
    [P.cohorts, CohortsPage],
    [P.cohort, CohortPage],
    [P.course, CoursePage],
    [P.item, ItemPage],
    [P.verify, VerifyCertificatePage],
  ];
  return pages.map(([path, Component]) => (
    <Route key={path} path={path}>
      <Component />
    </Route>
  ));
}
