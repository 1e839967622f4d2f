/** Where the training pages live. The verify page is public: printed certificates point at it. */
export const TRAINING_PATHS = {
  courses: '/training',
  course: '/training/courses/:id',
  item: '/training/items/:id',
  certificates: '/training/certificates',
  reviews: '/training/reviews',
  authoring: '/training/authoring',
  authoringCourse: '/training/authoring/:id',
  authoringProgress: '/training/authoring/:id/progress',
  cohorts: '/training/cohorts',
  cohort: '/training/cohorts/:id',
  verify: '/certificates/verify/:code',
} as const;

const encode = encodeURIComponent;

export const coursePath = (id: string) => `/training/courses/${encode(id)}`;
export const cohortPath = (id: string) => `/training/cohorts/${encode(id)}`;
export const itemPath = (id: string) => `/training/items/${encode(id)}`;
export const authoringPath = (id: string) => `/training/authoring/${encode(id)}`;
export const courseProgressPath = (id: string) => `/training/authoring/${encode(id)}/progress`;
export const verifyPath = (code: string) => `/certificates/verify/${encode(code)}`;
export const certificatePdfUrl = (code: string) => `/api/certificates/${encode(code)}/pdf`;
