/** The training platform's protocol: content as authors write it, and what learners see and send. */
export * from './content.ts';
export * from './course-progress.ts';
export * from './learning.ts';
export * from './reviews.ts';
export * from './videos.ts';
