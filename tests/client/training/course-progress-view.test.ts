import { describe, expect, it } from 'vitest';
import {
  completedPercent,
  itemResultOf,
} from '../../../client/src/features/training/course-progress-view.ts';

const base = { key: 'k', title: 'T', moduleTitle: 'M', completed: 1 } as const;

describe('what the course progress page says about an item', () => {
  it('gives a quiz its pass rate, or says nobody tried it yet', () => {
    expect(
      itemResultOf({
        ...base,
        kind: 'quiz',
        quiz: { attempted: 3, passed: 2, passRate: 66.7 },
      }),
    ).toEqual({ key: 'quiz', values: { passed: 2, attempted: 3, rate: 66.7 } });
    expect(
      itemResultOf({ ...base, kind: 'quiz', quiz: { attempted: 0, passed: 0, passRate: null } }),
    ).toEqual({ key: 'quizNone', values: {} });
  });

  it('gives an exercise its approved and waiting answers; other kinds nothing more', () => {
    expect(
      itemResultOf({ ...base, kind: 'exercise', exercise: { approved: 1, waiting: 2 } }),
    ).toEqual({ key: 'exercise', values: { approved: 1, waiting: 2 } });
    expect(itemResultOf({ ...base, kind: 'reading' })).toEqual({ key: 'none', values: {} });
  });

  it('turns completions into a whole percent of the learners, 0 when there are none', () => {
    expect(completedPercent(2, 3)).toBe(67);
    expect(completedPercent(0, 0)).toBe(0);
  });
});
