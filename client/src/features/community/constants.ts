/**
 * The community API's vocabularies and limits, mirrored from shared/api/community/*.ts so
 * pages do not import zod (the schemas load with the API module, on first use).
 * tests/client/community/logic.test.ts fails if the two drift apart.
 */
export const GROUP_KINDS = ['area', 'topic'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const EVENT_KINDS = ['social', 'conference', 'training-day', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const POST_KINDS = ['idea', 'video', 'article'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** The 4-Point Program: 1 motivation, 2 urges, 3 thoughts/feelings/behaviours, 4 balance. */
export const POINTS = [1, 2, 3, 4] as const;
export type Point = (typeof POINTS)[number];

export const REPORT_REASONS = ['harmful', 'spam', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const FEEDBACK_TOPICS = ['haven', 'programme', 'meetings', 'training', 'other'] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const FEEDBACK_STATUSES = ['new', 'under-review', 'planned', 'done', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Lengths as the server's `text(min, max)` counts them (after trimming). */
export const COMMUNITY_LIMITS = {
  groupName: { min: 3, max: 80 },
  groupDescription: { min: 1, max: 2000 },
  groupTopic: { min: 2, max: 80 },
  areaText: { min: 1, max: 80 },
  eventTitle: { min: 3, max: 120 },
  eventDescription: { min: 1, max: 4000 },
  venue: { min: 1, max: 120 },
  address: { min: 1, max: 200 },
  eventCity: { min: 1, max: 80 },
  capacity: { min: 1, max: 5000 },
  /** An event lasts 14 days at most. */
  eventDays: 14,
  postTitle: { min: 3, max: 140 },
  postBody: { min: 1, max: 5000 },
  url: { max: 2000 },
  comment: { min: 1, max: 2000 },
  reportNote: { min: 1, max: 1000 },
  feedbackMessage: { min: 1, max: 4000 },
  feedbackResponse: { min: 1, max: 4000 },
} as const;

/** One page of a list; the server allows up to 100. */
export const PAGE_SIZE = 20;
