import { type Connection, type Model, Schema, Types } from 'mongoose';
import type { Page } from '../../shared/api/common.ts';
import type {
  Cohort,
  CohortCreate,
  CohortListQuery,
  CohortPatch,
  CohortProgress,
} from '../../shared/training/reviews.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import { isAuthor, type Learner } from './access.ts';
import { exerciseCounter } from './exercise-counts.ts';
import type { CourseDoc, EnrolmentDoc, ProgressDoc, TrainingModels, VersionDoc } from './models.ts';
import { courseProgressOf } from './views.ts';

/** A group of learners that trainers follow (docs/training.md, "Reviews and cohorts"). */
export interface CohortDoc {
  _id: Types.ObjectId;
  name: string;
  partnerId: Types.ObjectId | null;
  trainerIds: Types.ObjectId[];
  memberIds: Types.ObjectId[];
  createdBy: Types.ObjectId | null;
  createdAt: Date;
}

const cohortSchema = new Schema<CohortDoc>(
  {
    name: { type: String, required: true },
    partnerId: { type: Schema.Types.ObjectId, default: null },
    trainerIds: { type: [Schema.Types.ObjectId], default: [] },
    memberIds: { type: [Schema.Types.ObjectId], default: [] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { minimize: false },
);
cohortSchema.index({ memberIds: 1 });
cohortSchema.index({ trainerIds: 1 });
cohortSchema.index({ partnerId: 1 });

export function cohortModel(connection: Connection): Model<CohortDoc> {
  return (
    (connection.models.TrainingCohort as Model<CohortDoc> | undefined) ??
    connection.model<CohortDoc>('TrainingCohort', cohortSchema, 'training_cohorts')
  );
}

const OLDEST_FIRST: SortSpec = { field: '_id', kind: 'id', direction: 1 };
const ids = (list: string[]) => [...new Set(list)].map((id) => new Types.ObjectId(id));
const notFound = () => new AppError('NOT_FOUND', 'no such cohort');

/**
 * A partner's staff lead: a member of the partner's staff (`partnerId`) who holds the
 * `champion` role. Haven has no other staff-lead notion (docs/training.md).
 */
export const isStaffLead = (caller: Learner) =>
  caller.partnerId !== null && caller.roles.includes('champion');

const cohortOf = (doc: CohortDoc): Cohort => ({
  id: String(doc._id),
  name: doc.name,
  partnerId: doc.partnerId ? String(doc.partnerId) : null,
  trainerIds: doc.trainerIds.map(String),
  memberIds: doc.memberIds.map(String),
  createdAt: doc.createdAt.toISOString(),
});

export class CohortService {
  readonly #Cohort: Model<CohortDoc>;
  readonly #models: TrainingModels;
  readonly #users: UserDirectory;
  readonly #now: () => number;

  constructor(deps: {
    Cohort: Model<CohortDoc>;
    models: TrainingModels;
    users: UserDirectory;
    now: () => number;
  }) {
    this.#Cohort = deps.Cohort;
    this.#models = deps.models;
    this.#users = deps.users;
    this.#now = deps.now;
  }

  /** Who sees a cohort: admins; its trainers; its partner's staff lead. */
  #visibleFilter(caller: Learner): Record<string, unknown> | null {
    if (caller.roles.includes('admin')) return {};
    const or: Record<string, unknown>[] = [];
    if (caller.roles.includes('trainer')) or.push({ trainerIds: new Types.ObjectId(caller.id) });
    if (isStaffLead(caller) && caller.partnerId)
      or.push({ partnerId: new Types.ObjectId(caller.partnerId) });
    return or.length ? { $or: or } : null;
  }

  async #visible(caller: Learner, id: string): Promise<CohortDoc> {
    const visible = this.#visibleFilter(caller);
    if (!visible) throw new AppError('FORBIDDEN', 'only trainers, admins and staff leads');
    const doc = await this.#Cohort
      .findOne({ $and: [{ _id: new Types.ObjectId(id) }, visible] })
      .lean<CohortDoc>();
    if (!doc) throw notFound();
    return doc;
  }

  /** Members shown to the caller: a staff lead sees their own partner's staff only. */
  async #shownMembers(caller: Learner, doc: CohortDoc): Promise<string[]> {
    const memberIds = doc.memberIds.map(String);
    if (isAuthor(caller)) return memberIds;
    const people = await this.#users.publicUsers(memberIds);
    return memberIds.filter((id) => people.get(id)?.partnerId === caller.partnerId);
  }

  /** `GET /api/cohorts`: the caller's visible cohorts, or (`mine`) the ones they are in. */
  async list(caller: Learner, query: CohortListQuery): Promise<Page<Cohort>> {
    if (query.mine) {
      const filter = { memberIds: new Types.ObjectId(caller.id) };
      return findPage(this.#Cohort, filter, OLDEST_FIRST, query, (doc) => ({
        ...cohortOf(doc),
        trainerIds: [],
        memberIds: [caller.id],
      }));
    }
    const visible = this.#visibleFilter(caller);
    if (!visible) throw new AppError('FORBIDDEN', 'only trainers, admins and staff leads');
    const page = await findPage(this.#Cohort, visible, OLDEST_FIRST, query, (doc) => doc);
    return {
      items: await Promise.all(
        page.items.map(async (doc) => ({
          ...cohortOf(doc),
          memberIds: await this.#shownMembers(caller, doc),
        })),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** Member ids of a cohort the caller sees (the review queue's filter). */
  async memberIdsFor(caller: Learner, id: string): Promise<string[]> {
    return this.#shownMembers(caller, await this.#visible(caller, id));
  }

  /** Every id must be a member; a partner's cohort holds that partner's staff only. */
  async #checkMembers(memberIds: string[], partnerId: string | null, field: string) {
    const people = await this.#users.publicUsers(memberIds);
    const problems: Record<string, string[]> = {};
    memberIds.forEach((id, index) => {
      const person = people.get(id);
      if (!person) problems[`${field}.${index}`] = ['no such member'];
      else if (partnerId && person.partnerId !== partnerId)
        problems[`${field}.${index}`] = ["is not staff of the cohort's partner"];
    });
    if (Object.keys(problems).length)
      throw new AppError('INVALID_INPUT', 'invalid cohort members', problems);
  }

  async #checkTrainers(trainerIds: string[], field: string) {
    const people = await this.#users.publicUsers(trainerIds);
    const problems: Record<string, string[]> = {};
    trainerIds.forEach((id, index) => {
      const roles = people.get(id)?.roles ?? [];
      if (!roles.includes('trainer') && !roles.includes('admin'))
        problems[`${field}.${index}`] = ['is not a trainer or admin'];
    });
    if (Object.keys(problems).length)
      throw new AppError('INVALID_INPUT', 'invalid cohort trainers', problems);
  }

  async create(caller: Learner, input: CohortCreate): Promise<Cohort> {
    const partnerId = input.partnerId ?? null;
    await this.#checkMembers(input.memberIds, partnerId, 'memberIds');
    await this.#checkTrainers(input.trainerIds, 'trainerIds');
    const created = await this.#Cohort.create({
      name: input.name,
      partnerId: partnerId ? new Types.ObjectId(partnerId) : null,
      trainerIds: ids([caller.id, ...input.trainerIds]),
      memberIds: ids(input.memberIds),
      createdBy: new Types.ObjectId(caller.id),
      createdAt: new Date(this.#now()),
    });
    return cohortOf(created.toObject() as CohortDoc);
  }

  async update(caller: Learner, id: string, patch: CohortPatch): Promise<Cohort> {
    const doc = await this.#visible(caller, id);
    const partnerId = doc.partnerId ? String(doc.partnerId) : null;
    await this.#checkMembers(patch.addMemberIds ?? [], partnerId, 'addMemberIds');
    await this.#checkTrainers(patch.addTrainerIds ?? [], 'addTrainerIds');
    const Cohort = this.#Cohort;
    if (patch.name) await Cohort.updateOne({ _id: doc._id }, { $set: { name: patch.name } });
    if (patch.addMemberIds?.length || patch.addTrainerIds?.length)
      await Cohort.updateOne(
        { _id: doc._id },
        {
          $addToSet: {
            memberIds: { $each: ids(patch.addMemberIds ?? []) },
            trainerIds: { $each: ids(patch.addTrainerIds ?? []) },
          },
        },
      );
    if (patch.removeMemberIds?.length || patch.removeTrainerIds?.length)
      await Cohort.updateOne(
        { _id: doc._id },
        {
          $pull: {
            memberIds: { $in: ids(patch.removeMemberIds ?? []) },
            trainerIds: { $in: ids(patch.removeTrainerIds ?? []) },
          },
        },
      );
    const after = await Cohort.findById(doc._id).lean<CohortDoc>();
    if (!after) throw notFound();
    return cohortOf(after);
  }

  /** `GET /api/cohorts/:id/progress`: per member, per course they started, exercises approved. */
  async progress(caller: Learner, id: string): Promise<CohortProgress> {
    const doc = await this.#visible(caller, id);
    const memberIds = await this.#shownMembers(caller, doc);
    const userIds = ids(memberIds);
    const { Enrolment, Progress, Course, Version } = this.#models;
    const [enrolments, progress, people] = await Promise.all([
      Enrolment.find({ userId: { $in: userIds } }).lean<EnrolmentDoc[]>(),
      Progress.find({ userId: { $in: userIds } }).lean<ProgressDoc[]>(),
      this.#users.publicUsers(memberIds),
    ]);
    const courseIds = [...new Set(enrolments.map((it) => String(it.courseId)))];
    const [courses, versions, exercisesOf] = await Promise.all([
      Course.find({ _id: { $in: ids(courseIds) } }).lean<CourseDoc[]>(),
      enrolments.length
        ? Version.find({
            $or: enrolments.map((it) => ({ courseId: it.courseId, version: it.version })),
          }).lean<VersionDoc[]>()
        : ([] as VersionDoc[]),
      exerciseCounter(this.#models, userIds, enrolments),
    ]);
    return {
      cohort: { id: String(doc._id), name: doc.name },
      members: memberIds.map((memberId) => ({
        id: memberId,
        displayName: people.get(memberId)?.displayName ?? 'a member',
        courses: enrolments
          .filter((it) => String(it.userId) === memberId)
          .flatMap((enrolment) => {
            const course = courses.find((it) => it._id.equals(enrolment.courseId));
            const outline = versions.find(
              (it) => it.courseId.equals(enrolment.courseId) && it.version === enrolment.version,
            );
            if (!course || !outline) return [];
            const mine = progress.filter(
              (it) => String(it.userId) === memberId && it.courseId.equals(enrolment.courseId),
            );
            return [
              {
                courseId: String(course._id),
                courseTitle: course.published?.title ?? course.title,
                ...courseProgressOf(outline, enrolment, mine),
                exercises: exercisesOf(enrolment, outline),
              },
            ];
          }),
      })),
    };
  }

  /** "Download my data": the cohorts the member is in or follows (names and ids only). */
  async exportFor(userId: string) {
    const id = new Types.ObjectId(userId);
    const docs = await this.#Cohort
      .find({ $or: [{ memberIds: id }, { trainerIds: id }] })
      .lean<CohortDoc[]>();
    return docs.map((doc) => ({
      id: String(doc._id),
      name: doc.name,
      asMember: doc.memberIds.some((it) => it.equals(id)),
      asTrainer: doc.trainerIds.some((it) => it.equals(id)),
    }));
  }

  /** Account deletion: the member leaves every cohort; a cohort they made has no maker. */
  async eraseFor(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.#Cohort.updateMany(
      { $or: [{ memberIds: id }, { trainerIds: id }] },
      { $pull: { memberIds: id, trainerIds: id } },
    );
    await this.#Cohort.updateMany({ createdBy: id }, { $set: { createdBy: null } });
  }
}
