import { describe, expect, it } from 'vitest';
import {
  cohortNameProblem,
  grantCandidates,
  grantOutcome,
  isAdmin,
  isStaffLead,
  isTrainerOrAdmin,
  maySeeCohorts,
  membersChange,
  mergeCandidates,
  toggleId,
} from '../../../client/src/features/training/cohort-logic.ts';

const partner = 'c'.repeat(24);

describe('who is offered what', () => {
  it('offers cohorts to trainers, admins and staff leads only', () => {
    const viewer = (roles: string[], partnerId: string | null = null) => ({ roles, partnerId });
    expect(maySeeCohorts(viewer(['participant', 'trainer']))).toBe(true);
    expect(maySeeCohorts(viewer(['participant', 'admin']))).toBe(true);
    // A staff lead: the partner's staff who holds the champion role.
    expect(isStaffLead(viewer(['participant', 'champion'], partner))).toBe(true);
    expect(maySeeCohorts(viewer(['participant', 'champion'], partner))).toBe(true);
    expect(maySeeCohorts(viewer(['participant', 'champion']))).toBe(false);
    expect(maySeeCohorts(viewer(['participant'], partner))).toBe(false);
    expect(maySeeCohorts(viewer(['participant', 'facilitator']))).toBe(false);
    expect(isTrainerOrAdmin(viewer(['participant', 'champion'], partner))).toBe(false);
    expect(isAdmin(viewer(['participant', 'trainer']))).toBe(false);
    expect(isAdmin(viewer(['participant', 'admin']))).toBe(true);
  });
});

describe('a cohort form', () => {
  it('wants a name of 1 to 100 characters once trimmed', () => {
    expect(cohortNameProblem('   ')).toBe('required');
    expect(cohortNameProblem(` ${'x'.repeat(100)} `)).toBeNull();
    expect(cohortNameProblem('x'.repeat(101))).toBe('tooLong');
  });

  it('offers each member once, from the surest source, by name in the reader language', () => {
    const merged = mergeCandidates(
      [
        [{ id: '1', displayName: 'Zoe', source: 'member' }],
        [
          { id: '1', displayName: 'Zoe', source: 'learner' },
          { id: '2', displayName: 'Ángel', source: 'learner' },
          { id: '3', displayName: 'bea', source: 'staff' },
        ],
      ],
      'es',
    );
    expect(merged.map((c) => [c.displayName, c.source])).toEqual([
      ['Ángel', 'learner'],
      ['bea', 'staff'],
      ['Zoe', 'member'],
    ]);
  });

  it('sends only who joins and who leaves', () => {
    expect(membersChange(['a', 'b'], ['b', 'c'])).toEqual({
      addMemberIds: ['c'],
      removeMemberIds: ['a'],
    });
    expect(membersChange(['a'], ['a'])).toEqual({});
    expect(membersChange([], ['a', 'a'])).toEqual({ addMemberIds: ['a'] });
  });

  it('ticks and unticks a member without duplicates', () => {
    expect(toggleId(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggleId(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('progress and the facilitator grant', () => {
  it('offers the grant to members who completed a facilitator-track course', () => {
    const course = (courseId: string, completed: boolean) => ({
      courseId,
      courseTitle: `Course ${courseId}`,
      completed,
      completedAt: completed ? '2026-03-02T10:00:00.000Z' : null,
    });
    const members = [
      { id: 'fay', displayName: 'Fay', courses: [course('found', true), course('lead', true)] },
      { id: 'gil', displayName: 'Gil', courses: [course('found', true), course('lead', false)] },
      { id: 'hal', displayName: 'Hal', courses: [] },
    ];
    expect(grantCandidates(members, new Set(['lead']))).toEqual([
      {
        id: 'fay',
        displayName: 'Fay',
        courseTitle: 'Course lead',
        completedAt: '2026-03-02T10:00:00.000Z',
      },
    ]);
    expect(grantCandidates(members, new Set())).toEqual([]);
  });

  it("words the server's answer to a grant", () => {
    expect(grantOutcome({ alreadyHeld: false })).toBe('granted');
    expect(grantOutcome({ alreadyHeld: true })).toBe('alreadyHeld');
    expect(grantOutcome({ code: 'INVALID_TRANSITION' })).toBe('notComplete');
    expect(grantOutcome({ code: 'NOT_FOUND' })).toBe('gone');
    expect(grantOutcome({ code: 'FORBIDDEN' })).toBe('error');
  });
});
