import type { ItemProgressCounts } from '../../../../shared/training/course-progress.ts';

/**
 * What the "Progress" page says about an item beyond how many completed it: a quiz's pass
 * rate, a written exercise's answers approved and waiting. The words are
 * `training.courseProgress.result.<key>`, filled in with `values`.
 */
export type ItemResult =
  | { key: 'quiz'; values: { passed: number; attempted: number; rate: number } }
  | { key: 'quizNone'; values: Record<string, never> }
  | { key: 'exercise'; values: { approved: number; waiting: number } }
  | { key: 'none'; values: Record<string, never> };

export function itemResultOf(item: ItemProgressCounts): ItemResult {
  if (item.quiz)
    return item.quiz.attempted && item.quiz.passRate !== null
      ? {
          key: 'quiz',
          values: {
            passed: item.quiz.passed,
            attempted: item.quiz.attempted,
            rate: item.quiz.passRate,
          },
        }
      : { key: 'quizNone', values: {} };
  if (item.exercise) return { key: 'exercise', values: { ...item.exercise } };
  return { key: 'none', values: {} };
}

/** Percent of learners on a version who completed an item (0 when nobody started). */
export function completedPercent(completed: number, started: number): number {
  return started ? Math.round((completed / started) * 100) : 0;
}
