import { describe, expect, it } from 'vitest';
import {
  isFiltered,
  NO_REVIEW_FILTERS,
  readReviewFilters,
  reviewFiltersKey,
  reviewsApiPath,
  reviewsPath,
  withFilters,
} from '../../../client/src/features/training/review-filters.ts';

const course = 'a'.repeat(24);
const cohort = 'b'.repeat(24);

describe('the review queue filters in the address', () => {
  it('reads nothing as the default: answers waiting, every course and learner, first page', () => {
    expect(readReviewFilters('')).toEqual(NO_REVIEW_FILTERS);
    expect(readReviewFilters('?')).toEqual(NO_REVIEW_FILTERS);
    expect(isFiltered(readReviewFilters(''))).toBe(false);
  });

  it('reads status, course, cohort and cursor, with or without the question mark', () => {
    const search = `status=approved&course=${course}&cohort=${cohort}&cursor=abc_-1`;
    const expected = { status: 'approved', courseId: course, cohortId: cohort, cursor: 'abc_-1' };
    expect(readReviewFilters(search)).toEqual(expected);
    expect(readReviewFilters(`?${search}`)).toEqual(expected);
    expect(readReviewFilters('?status=changes-requested').status).toBe('changes-requested');
  });

  it('drops what the server would refuse instead of sending it on', () => {
    const filters = readReviewFilters(
      '?status=rejected&course=nope&cohort={"$ne":null}&cursor=has%20space',
    );
    expect(filters).toEqual(NO_REVIEW_FILTERS);
    expect(readReviewFilters(`?course=${course.toUpperCase()}`).courseId).toBe('');
    expect(readReviewFilters(`?cursor=${'x'.repeat(2049)}`).cursor).toBe('');
  });

  it('writes the page address without defaults, and reads back what it wrote', () => {
    expect(reviewsPath(NO_REVIEW_FILTERS)).toBe('/training/reviews');
    const filters = { status: 'approved', courseId: course, cohortId: cohort, cursor: '' } as const;
    const path = reviewsPath(filters);
    expect(path).toBe(`/training/reviews?status=approved&course=${course}&cohort=${cohort}`);
    expect(readReviewFilters(path.split('?')[1] ?? '')).toEqual(filters);
    const onlyCohort = reviewsPath({ ...NO_REVIEW_FILTERS, cohortId: cohort });
    expect(onlyCohort).toBe(`/training/reviews?cohort=${cohort}`);
    expect(isFiltered(readReviewFilters(onlyCohort.split('?')[1] ?? ''))).toBe(true);
  });

  it('asks the API with its own parameter names, always naming the status and page size', () => {
    expect(reviewsApiPath(NO_REVIEW_FILTERS)).toBe('/api/reviews?status=submitted&limit=20');
    expect(
      reviewsApiPath({ status: 'approved', courseId: course, cohortId: cohort, cursor: 'c1' }, 100),
    ).toBe(
      `/api/reviews?status=approved&courseId=${course}&cohortId=${cohort}&cursor=c1&limit=100`,
    );
  });

  it('starts again at the first page when a filter changes', () => {
    const onPage2 = { ...NO_REVIEW_FILTERS, cursor: 'next' };
    expect(withFilters(onPage2, { status: 'approved' })).toEqual({
      ...NO_REVIEW_FILTERS,
      status: 'approved',
    });
  });

  it('gives each query its own key, the page included', () => {
    const keys = new Set(
      [
        NO_REVIEW_FILTERS,
        { ...NO_REVIEW_FILTERS, status: 'approved' as const },
        { ...NO_REVIEW_FILTERS, courseId: course },
        { ...NO_REVIEW_FILTERS, cohortId: cohort },
        { ...NO_REVIEW_FILTERS, cursor: 'next' },
      ].map(reviewFiltersKey),
    );
    expect(keys.size).toBe(5);
  });
});
