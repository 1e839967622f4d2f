import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cohort } from '../../../../../shared/training/reviews.ts';
import { SelectField } from '../../../forms/fields.tsx';
import {
  type ReviewFilters as Filters,
  isFiltered,
  NO_REVIEW_FILTERS,
  REVIEW_STATUSES,
  type ReviewStatus,
  withFilters,
} from '../review-filters.ts';

interface CourseChoice {
  id: string;
  title: string;
  language: string;
}

/**
 * The review queue's filters: status, course and cohort as labelled selects. They apply on
 * "Show answers" (changing a select moves nothing by itself), and the page puts them in its
 * address. Courses and cohorts the lists could not load are simply not offered; a filter
 * already in the address stays chosen even then.
 */
export function ReviewFilters({
  filters,
  courses,
  cohorts,
  onApply,
}: {
  filters: Filters;
  courses: readonly CourseChoice[];
  cohorts: readonly Pick<Cohort, 'id' | 'name'>[];
  onApply: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReviewStatus>(filters.status);
  const [courseId, setCourseId] = useState(filters.courseId);
  const [cohortId, setCohortId] = useState(filters.cohortId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(withFilters(filters, { status, courseId, cohortId }));
  };
  const unknownCourse = courseId !== '' && !courses.some((course) => course.id === courseId);
  const unknownCohort = cohortId !== '' && !cohorts.some((cohort) => cohort.id === cohortId);
  return (
    <search className="panel training-filters" aria-label={t('training.reviewFilters.label')}>
      <form noValidate onSubmit={onSubmit}>
        <div className="training-filters-grid">
          <SelectField
            label={t('training.reviewFilters.status')}
            name="status"
            value={status}
            onChange={(event) => {
              const chosen = REVIEW_STATUSES.find((it) => it === event.target.value);
              setStatus(chosen ?? 'submitted');
            }}
          >
            {REVIEW_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`training.reviewFilters.statuses.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('training.reviewFilters.course')}
            name="course"
            value={courseId}
            onChange={(event) => setCourseId(event.target.value)}
          >
            <option value="">{t('training.reviewFilters.anyCourse')}</option>
            {unknownCourse && (
              <option value={courseId}>{t('training.reviewFilters.chosen')}</option>
            )}
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {t('training.reviewFilters.courseOption', {
                  title: course.title,
                  language: t(`training.language.${course.language === 'es' ? 'es' : 'en'}`),
                })}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('training.reviewFilters.cohort')}
            name="cohort"
            value={cohortId}
            onChange={(event) => setCohortId(event.target.value)}
          >
            <option value="">{t('training.reviewFilters.anyCohort')}</option>
            {unknownCohort && (
              <option value={cohortId}>{t('training.reviewFilters.chosen')}</option>
            )}
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit">{t('training.reviewFilters.show')}</button>
          {isFiltered(filters) && (
            <button type="button" className="secondary" onClick={() => onApply(NO_REVIEW_FILTERS)}>
              {t('training.reviewFilters.clear')}
            </button>
          )}
        </div>
      </form>
    </search>
  );
}
