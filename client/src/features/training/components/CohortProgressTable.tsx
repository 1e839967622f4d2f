import { useTranslation } from 'react-i18next';
import type { CohortProgress, ExerciseCounts } from '../../../../../shared/training/reviews.ts';
import { useViewerTime } from '../../../i18n/dates.ts';
import { hoursOf } from '../logic.ts';
import { TrainingTable } from './TrainingTable.tsx';

/**
 * Each member's progress per course they started: hours done of planned, items done,
 * written exercises approved of those in the version they take (the server counts them, so
 * staff leads see them too) and whether it is complete.
 * One `<tbody>` per member, the name as its row-group header, so a screen reader says whose
 * row it is.
 */
export function CohortProgressTable({ progress }: { progress: CohortProgress }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const viewer = useViewerTime();
  const exercisesText = (counts: ExerciseCounts) =>
    counts.total
      ? t('training.cohort.exercises', { approved: counts.approved, total: counts.total })
      : t('training.cohort.noExercises');
  return (
    <TrainingTable
      caption={t('training.cohort.caption', { name: progress.cohort.name })}
      columns={(['member', 'course', 'hours', 'items', 'exercises', 'state'] as const).map(
        (column) => t(`training.cohort.columns.${column}`),
      )}
    >
      {progress.members.map((member) => (
        <tbody key={member.id}>
          {member.courses.length === 0 ? (
            <tr>
              <th scope="row">{member.displayName}</th>
              <td colSpan={5}>{t('training.cohort.noCourse')}</td>
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
                <td>{exercisesText(course.exercises)}</td>
                <td>
                  {course.completed ? (
                    <span className="training-state-done">
                      {course.completedAt
                        ? t('training.cohort.completedOn', {
                            date: viewer.date(course.completedAt),
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
    </TrainingTable>
  );
}
