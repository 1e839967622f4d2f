/**
 * The community API (local groups, events, posts with reports, feedback), split by
 * sub-feature under ./community/; import from here.
 */
export * from './community/common.ts';
export * from './community/events.ts';
export * from './community/feedback.ts';
export * from './community/groups.ts';
export * from './community/posts.ts';
