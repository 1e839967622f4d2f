/**
 * The review queue's filters as they live in the page's address
 * (`/training/reviews?status=approved&course=…&cohort=…&cursor=…`), so a filtered view can be
 * shared, reloaded and reached with Back. Unknown or malformed values are dropped rather than
 * sent on: the server would refuse them with a 400. No React, no zod: tested in node.
 */

/** The queue's statuses, in the order the select offers them (the server's default first). */
export const REVIEW_STATUSES = ['submitted', 'changes-requested', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Answers per page (the server allows up to 100). */
export const REVIEW_PAGE_SIZE = 20;

export interface ReviewFilters {
  status: ReviewStatus;
  /** '' for every course. */
  courseId: string;
  /** '' for every learner. */
  cohortId: string;
  /** The server's opaque cursor for a later page; '' for the first. */
  cursor: string;
}

export const NO_REVIEW_FILTERS: ReviewFilters = {
  status: 'submitted',
  courseId: '',
  cohortId: '',
  cursor: '',
};

const ID = /^[a-f0-9]{24}$/;
/** The server's cursor shape (`pageQuery`): base64url, at most 2048 characters. */
const CURSOR = /^[A-Za-z0-9_-]{1,2048}$/;

export const isId = (value: unknown): value is string =>
  typeof value === 'string' && ID.test(value);

function isStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value);
}

/** The filters in an address's query (with or without its `?`). */
export function readReviewFilters(search: string): ReviewFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const status = params.get('status');
  const course = params.get('course');
  const cohort = params.get('cohort');
  const cursor = params.get('cursor') ?? '';
  return {
    status: isStatus(status) ? status : 'submitted',
    courseId: isId(course) ? course : '',
    cohortId: isId(cohort) ? cohort : '',
    cursor: CURSOR.test(cursor) ? cursor : '',
  };
}

/** `?a=1&b=2` of the values that are set, in the order given, or '' when none is. */
function query(values: Array<[string, string | number]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of values) if (value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The page's own address for these filters (the default status is left out). */
export function reviewsPath(filters: ReviewFilters, base = '/training/reviews'): string {
  return `${base}${query([
    ['status', filters.status === 'submitted' ? '' : filters.status],
    ['course', filters.courseId],
    ['cohort', filters.cohortId],
    ['cursor', filters.cursor],
  ])}`;
}

/** `GET /api/reviews` for these filters and page. */
export function reviewsApiPath(filters: ReviewFilters, limit = REVIEW_PAGE_SIZE): string {
  return `/api/reviews${query([
    ['status', filters.status],
    ['courseId', filters.courseId],
    ['cohortId', filters.cohortId],
    ['cursor', filters.cursor],
    ['limit', limit],
  ])}`;
}

/** New filters start again at the first page. */
export function withFilters(
  filters: ReviewFilters,
  change: Partial<Omit<ReviewFilters, 'cursor'>>,
): ReviewFilters {
  return { ...filters, ...change, cursor: '' };
}

/** Whether anything narrows the queue beyond its default (answers waiting, everyone's). */
export function isFiltered(filters: ReviewFilters): boolean {
  return filters.status !== 'submitted' || filters.courseId !== '' || filters.cohortId !== '';
}

/** One key per query, so a slow answer for an older one is recognised and dropped. */
export function reviewFiltersKey(filters: ReviewFilters): string {
  return JSON.stringify([filters.status, filters.courseId, filters.cohortId, filters.cursor]);
}
