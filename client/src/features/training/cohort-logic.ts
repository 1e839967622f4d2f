import type { Role } from '../../../../shared/api/accounts.ts';

/**
 * Pure rules of the trainers', admins' and staff leads' pages (cohorts, progress, the
 * facilitator grant), kept out of the components so they can be tested in node. The server
 * decides every one of these again: the page only chooses what to offer.
 */

export interface Viewer {
  roles: readonly Role[] | readonly string[];
  partnerId: string | null;
}

const has = (viewer: Viewer, role: Role) => (viewer.roles as readonly string[]).includes(role);

/** Trainers and admins review, create cohorts and grant the facilitator role. */
export const isTrainerOrAdmin = (viewer: Viewer) => has(viewer, 'trainer') || has(viewer, 'admin');

/** A partner's staff lead: their staff who also holds the champion role (server/training/cohorts.ts). */
export const isStaffLead = (viewer: Viewer) => viewer.partnerId !== null && has(viewer, 'champion');

/** Who is offered the cohorts pages: trainers, admins and staff leads. */
export const maySeeCohorts = (viewer: Viewer) => isTrainerOrAdmin(viewer) || isStaffLead(viewer);

/** The organisation's training policy is the admins'. */
export const isAdmin = (viewer: Viewer) => has(viewer, 'admin');

/** The longest cohort name the server takes. */
export const COHORT_NAME_MAX = 100;

/** What is wrong with a cohort name as typed, or null: the server trims, then wants 1-100. */
export function cohortNameProblem(name: string): 'required' | 'tooLong' | null {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > COHORT_NAME_MAX) return 'tooLong';
  return null;
}

/** A member a trainer may put in a cohort, and where the page found them. */
export interface Candidate {
  id: string;
  displayName: string;
  source: 'member' | 'staff' | 'learner' | 'search';
}

/**
 * Candidates from several places, each member once (the first place that named them wins:
 * list the surest source first), ordered by name in the reader's language.
 */
export function mergeCandidates(lists: readonly (readonly Candidate[])[], language: string) {
  const seen = new Map<string, Candidate>();
  for (const list of lists) for (const one of list) if (!seen.has(one.id)) seen.set(one.id, one);
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...seen.values()].sort(
    (a, b) => collator.compare(a.displayName, b.displayName) || a.id.localeCompare(b.id),
  );
}

/** `PATCH /api/cohorts/:id` for a new list of members: who joins, who leaves, or nothing. */
export function membersChange(
  before: readonly string[],
  after: readonly string[],
): { addMemberIds?: string[]; removeMemberIds?: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  const add = [...now].filter((id) => !was.has(id));
  const remove = [...was].filter((id) => !now.has(id));
  return {
    ...(add.length ? { addMemberIds: add } : {}),
    ...(remove.length ? { removeMemberIds: remove } : {}),
  };
}

/** Adds or removes one id, keeping the order the ids were chosen in. */
export function toggleId(ids: readonly string[], id: string, on: boolean): string[] {
  const without = ids.filter((it) => it !== id);
  return on ? [...without, id] : without;
}

interface MemberProgress {
  id: string;
  displayName: string;
  courses: ReadonlyArray<{
    courseId: string;
    courseTitle: string;
    completed: boolean;
    completedAt: string | null;
  }>;
}

/**
 * Members who completed a course of the facilitator track (`facilitatorCourses`: the ids of
 * that track's courses), each with the first such course: they are offered the facilitator
 * grant. The server checks their whole record (the policy may name more courses) and says no
 * when it is not complete.
 */
export function grantCandidates(
  members: readonly MemberProgress[],
  facilitatorCourses: ReadonlySet<string>,
): Array<{ id: string; displayName: string; courseTitle: string; completedAt: string | null }> {
  return members.flatMap((member) => {
    const done = member.courses.find(
      (course) => course.completed && facilitatorCourses.has(course.courseId),
    );
    return done
      ? [
          {
            id: member.id,
            displayName: member.displayName,
            courseTitle: done.courseTitle,
            completedAt: done.completedAt,
          },
        ]
      : [];
  });
}

/** What the grant's answer or refusal means for the page. */
export type GrantOutcome = 'granted' | 'alreadyHeld' | 'notComplete' | 'gone' | 'error';

export function grantOutcome(result: { alreadyHeld: boolean } | { code: string }): GrantOutcome {
  if ('alreadyHeld' in result) return result.alreadyHeld ? 'alreadyHeld' : 'granted';
  if (result.code === 'INVALID_TRANSITION') return 'notComplete';
  if (result.code === 'NOT_FOUND') return 'gone';
  return 'error';
}
