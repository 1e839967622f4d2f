import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortProgress } from '../../../../../shared/training/reviews.ts';
import { approvedFor } from '../cohort-logic.ts';
import { hoursOf } from '../logic.ts';

/**
 * Each member's progress per course they started: hours done of planned, items done,
 * exercises approved (when the caller may read the review queue) and whether it is complete.
 * One `<tbody>` per member, the name as its row-group header, so a screen reader says whose
 * row it is. On a narrow screen the table scrolls sideways inside its own labelled region,
 * reachable by keyboard; the page itself never does.
 */
export function CohortProgressTable({
  progress,
  approved,
}: {
  progress: CohortProgress;
  /** Approved answers per member and course; null when the caller cannot know them. */
  approved: Map<string, number> | null;
}) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const columns = approved ? 6 : 5;
  return (
    <section
      className="training-table-scroll"
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="training-table">
        <caption id={captionId}>
          {t('training.cohort.caption', { name: progress.cohort.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('training.cohort.columns.member')}</th>
            <th scope="col">{t('training.cohort.columns.course')}</th>
            <th scope="col">{t('training.cohort.columns.hours')}</th>
            <th scope="col">{t('training.cohort.columns.items')}</th>
            {approved && <th scope="col">{t('training.cohort.columns.exercises')}</th>}
            <th scope="col">{t('training.cohort.columns.state')}</th>
          </tr>
        </thead>
        {progress.members.map((member) => (
          <tbody key={member.id}>
            {member.courses.length === 0 ? (
              <tr>
                <th scope="row">{member.displayName}</th>
                <td colSpan={columns - 1}>{t('training.cohort.noCourse')}</td>
              </tr>
            ) : (
              member.courses.map((course, index) => (
                <tr key={course.courseId}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={member.courses.length}>
                      {member.displayName}
                    </th>
                  )}
                  <td>{course.courseTitle}</td>
                  <td>
                    {t('training.cohort.hours', {
                      done: number.format(hoursOf(course.minutesDone)),
                      planned: number.format(hoursOf(course.plannedMinutes)),
                    })}
                  </td>
                  <td>
                    {t('training.cohort.items', {
                      done: course.completedItems,
                      total: course.totalItems,
                    })}
                  </td>
                  {approved && <td>{approvedFor(approved, member.id, course.courseId)}</td>}
                  <td>
                    {course.completed ? (
                      <span className="training-state-done">
                        {course.completedAt
                          ? t('training.cohort.completedOn', {
                              date: date.format(new Date(course.completedAt)),
                            })
                          : t('training.progress.completed')}
                      </span>
                    ) : (
                      t('training.state.inProgress')
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        ))}
      </table>
    </section>
  );
}
