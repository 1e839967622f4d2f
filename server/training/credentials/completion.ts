import type { Role } from '../../../shared/api/accounts.ts';
import { idSchema } from '../../../shared/api/common.ts';
import {
  type CertificateView,
  courseCompletionSchema,
  type Track,
} from '../../../shared/training/credentials.ts';
import { fieldsOf } from '../../infra/api/validation.ts';
import { AppError } from '../../infra/errors.ts';
import type { Certificates } from './certificates.ts';
import type { TrainingRecords } from './records.ts';
import type { TrainingPolicy } from './settings.ts';

/** What the grant needs of accounts: does the member exist, and add one role. */
export interface RoleHolder {
  exists(id: string): Promise<boolean>;
  addRole(id: string, role: Role): Promise<'added' | 'held' | 'missing'>;
}

/**
 * The facilitator role, granted by a trainer or admin (or by the organisation's policy)
 * only to a member whose facilitator training is complete. Open sockets carry the roles
 * they were opened with, so a grant closes them and they reconnect with the new role.
 */
export class FacilitatorGrants {
  readonly #records: TrainingRecords;
  readonly #users: RoleHolder;
  readonly #rolesChanged: (userId: string) => void;

  constructor(records: TrainingRecords, users: RoleHolder, rolesChanged: (userId: string) => void) {
    this.#records = records;
    this.#users = users;
    this.#rolesChanged = rolesChanged;
  }

  async grant(
    userId: string,
  ): Promise<{ userId: string; role: 'facilitator'; alreadyHeld: boolean }> {
    if (!(await this.#users.exists(userId))) throw new AppError('NOT_FOUND', 'no such member');
    if (!(await this.#records.facilitatorTrainingComplete(userId)))
      throw new AppError('INVALID_TRANSITION', 'facilitator training is not complete');
    const outcome = await this.#users.addRole(userId, 'facilitator');
    if (outcome === 'missing') throw new AppError('NOT_FOUND', 'no such member');
    if (outcome === 'added') this.#rolesChanged(userId);
    return { userId, role: 'facilitator', alreadyHeld: outcome === 'held' };
  }
}

export interface CompletionOutcome {
  certificate: CertificateView;
  tracksCompleted: Track[];
  facilitatorGranted: boolean;
}

/**
 * What completing a course earns, in one place: the training feature's completion hook
 * calls `courseCompleted` (tests call it directly). The record comes first, so a failed
 * certificate is re-issued by the hook's retry without losing the completion; everything
 * is idempotent per member and course.
 */
export class CourseCompletions {
  readonly #deps: {
    records: TrainingRecords;
    certificates: Certificates;
    policy: TrainingPolicy;
    grants: FacilitatorGrants;
    users: RoleHolder;
    now: () => number;
  };

  constructor(deps: {
    records: TrainingRecords;
    certificates: Certificates;
    policy: TrainingPolicy;
    grants: FacilitatorGrants;
    users: RoleHolder;
    now?: () => number;
  }) {
    this.#deps = { ...deps, now: deps.now ?? Date.now };
  }

  async courseCompleted(userId: string, course: unknown): Promise<CompletionOutcome> {
    // Checked like any input: the hook is another feature's code, and nothing is stored
    // unless all of it is valid and the member exists.
    if (!idSchema.safeParse(userId).success)
      throw new AppError('INVALID_INPUT', 'not a member id', { userId: ['must be an id'] });
    const parsed = courseCompletionSchema.safeParse(course);
    if (!parsed.success)
      throw new AppError('INVALID_INPUT', 'invalid course completion', fieldsOf(parsed.error));
    const { records, certificates, policy, grants, users } = this.#deps;
    if (!(await users.exists(userId))) throw new AppError('NOT_FOUND', 'no such member');
    const at = new Date(this.#deps.now());
    const settings = await policy.get();
    const tracksCompleted = await records.courseCompleted(userId, parsed.data, settings, at);
    const certificate = await certificates.issue(userId, parsed.data, at);
    let facilitatorGranted = false;
    if (tracksCompleted.includes('facilitator') && settings.autoGrantFacilitator) {
      const grant = await grants.grant(userId);
      facilitatorGranted = !grant.alreadyHeld;
    }
    return { certificate, tracksCompleted, facilitatorGranted };
  }
}
