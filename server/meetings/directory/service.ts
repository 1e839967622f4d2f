import { Types } from 'mongoose';
import type { z } from 'zod';
import type { PublicUser } from '../../../shared/api/accounts.ts';
import { canonicalTimeZone, type Page } from '../../../shared/api/common.ts';
import {
  type CreateMeetingInput,
  createMeetingBody,
  type joinMeetingBody,
  type joinMeetingResponse,
  type ListMeetingsQuery,
  MAX_BATCH_WINDOW_DAYS,
  MAX_OCCURRENCE_WINDOW_DAYS,
  type MeetingsOccurrencesQuery,
  type MeetingType,
  type MeetingView,
  type meetingsOccurrencesResponse,
  type OccurrencesQuery,
  type occurrencesResponse,
  type UpdateMeetingInput,
} from '../../../shared/api/directory.ts';
import type { AgendaSegment } from '../../../shared/meetings/agenda.ts';
import type { RequestUser } from '../../infra/api/routes.ts';
import { fieldsOf } from '../../infra/api/validation.ts';
import { AppError } from '../../infra/errors.ts';
import { meetingCalendar } from './icalendar.ts';
import { checkJoin } from './joining.ts';
import { decodeCursor, encodeCursor, LISTED_FIELDS, LISTING_SORT, listFilter } from './listing.ts';
import { eraseMemberFromMeetings, meetingsOfMember } from './member-data.ts';
import type { DirectoryModels, MeetingRecord } from './models.ts';
import {
  assertMayPlace,
  facilitatorErrors,
  type MeetingOwnership,
  mayFacilitate,
  mayHost,
  mayManage,
  type TrainingGate,
} from './policy.ts';
import { firstOccurrence, isInProgress, lastEnd, viewOf } from './recurrence.ts';
import { advanceSchedules, ScheduleSweep, type StoredSchedule, scheduleOf } from './schedule.ts';
import { agendaOf, calendarEventOf, toInput, toStored, toView } from './views.ts';
import { occurrencesIn, occurrenceWindow } from './windows.ts';

/** What the directory needs to know about members, and nothing more (see UserDirectory). */
export interface MemberLookup {
  publicUsers(ids: string[]): Promise<Map<string, PublicUser>>;
  timeZoneOf(id: string): Promise<string | null>;
}

const ownershipOf = (meeting: MeetingRecord): MeetingOwnership => ({
  createdBy: meeting.createdBy ? String(meeting.createdBy) : null,
  facilitatorIds: meeting.facilitatorIds.map(String),
  partnerId: meeting.partnerId ? String(meeting.partnerId) : null,
});

/** The directory's rules; routes hand it parsed input, it hands back plain views. */
export class DirectoryService {
  readonly #models: DirectoryModels;
  readonly #users: MemberLookup;
  readonly #now: () => number;
  #sweep: ScheduleSweep | null = null;
  readonly #training: TrainingGate;

  /** `training`: whose facilitator training is complete, for listing and hosting. */
  constructor(
    models: DirectoryModels,
    users: MemberLookup,
    training: TrainingGate,
    now: () => number = Date.now,
  ) {
    this.#models = models;
    this.#training = training;
    this.#users = users;
    this.#now = now;
  }

  /** The zone times are shown in: asked for, else the member's own, else UTC. */
  async #viewerZone(tz: string | undefined, viewer: RequestUser | undefined): Promise<string> {
    if (tz) return tz;
    if (!viewer) return 'UTC';
    const own =
      viewer.timeZone !== undefined ? viewer.timeZone : await this.#users.timeZoneOf(viewer.id);
    return (own && canonicalTimeZone(own)) ?? 'UTC';
  }

  async #views(records: MeetingRecord[], zone: string): Promise<MeetingView[]> {
    const members = await this.#users.publicUsers(
      records.flatMap((record) => record.facilitatorIds.map(String)),
    );
    const now = this.#now();
    return records.map((record) => toView(record, members, zone, now));
  }

  async #find(id: string): Promise<MeetingRecord> {
    // Through the driver: routes have already checked the id's shape.
    const meeting = await this.#models.Meeting.collection.findOne<MeetingRecord>({
      _id: new Types.ObjectId(id),
    });
    if (!meeting) throw new AppError('NOT_FOUND', 'no such meeting');
    return meeting;
  }

  async #manageable(actor: RequestUser, id: string): Promise<MeetingRecord> {
    const meeting = await this.#find(id);
    if (!mayManage(actor, ownershipOf(meeting)))
      throw new AppError('FORBIDDEN', 'you do not run this meeting');
    return meeting;
  }

  async #checkFacilitators(ids: string[], partnerId: string | null): Promise<void> {
    const [members, trained] = await Promise.all([
      this.#users.publicUsers(ids),
      this.#training.trainedAmong(ids),
    ]);
    const fields = facilitatorErrors(ids, partnerId, members, trained);
    if (Object.keys(fields).length)
      throw new AppError('INVALID_INPUT', 'not everyone named may facilitate this meeting', fields);
  }

  /** A rule must name at least one occurrence, and a new schedule must not be over already. */
  #checkSchedule(input: CreateMeetingInput): void {
    if (!firstOccurrence(input.recurrence, input.durationMinutes))
      throw new AppError('INVALID_INPUT', 'the schedule names no day', {
        recurrence: ['names no weekday between startsOn and until'],
      });
    const end = lastEnd(input.recurrence, input.durationMinutes);
    if (end !== null && end <= this.#now())
      throw new AppError('INVALID_INPUT', 'the schedule is over', {
        recurrence: ['is already over'],
      });
  }

  async list(
    query: ListMeetingsQuery,
    viewer: RequestUser | undefined,
  ): Promise<Page<MeetingView>> {
    const now = this.#now();
    const cursor = query.cursor ? decodeCursor(query.cursor, now) : null;
    // A walk through the pages keeps the instant of its first page, so the order and the
    // "starting soon" set do not shift under it and every meeting comes exactly once.
    const at = cursor?.at ?? now;
    // Straight through the driver (mongoose's query layer would only cast what listFilter
    // already built typed), reading only what a view shows. Meetings whose stored occurrence
    // ended are left out by the filter until the sweep moves them on, never shown stale.
    const found = await this.#models.Meeting.collection
      .find<MeetingRecord>(listFilter(query, at, cursor), {
        projection: LISTED_FIELDS,
        sort: LISTING_SORT,
        limit: query.limit + 1,
      })
      .toArray();
    const records = found.slice(0, query.limit);
    const items = await this.#views(records, await this.#viewerZone(query.tz, viewer));
    const last = records.at(-1);
    return {
      items,
      nextCursor:
        found.length > query.limit && last?.nextStart
          ? encodeCursor(at, { id: String(last._id), start: last.nextStart.getTime() })
          : null,
    };
  }

  /** One pass now (with `includeUnset`, the start-up migration): see schedule.ts. */
  advanceSchedules(options: { includeUnset?: boolean } = {}): Promise<number> {
    return advanceSchedules(this.#models, this.#now(), options);
  }

  /** Starts this node's sweep (createApp does; the caller closes it). */
  startSweep(onError: (error: unknown) => void, everyMs?: number): ScheduleSweep {
    this.#sweep = new ScheduleSweep(this.#models, { now: this.#now, onError, everyMs });
    return this.#sweep;
  }

  #noted(schedule: StoredSchedule): void {
    this.#sweep?.noted(schedule);
  }

  async get(id: string, tz: string | undefined, viewer: RequestUser | undefined) {
    const [view] = await this.#views([await this.#find(id)], await this.#viewerZone(tz, viewer));
    return view as MeetingView;
  }

  async create(actor: RequestUser, input: CreateMeetingInput): Promise<MeetingView> {
    const partnerId = input.partnerId ?? null;
    assertMayPlace(actor, partnerId);
    this.#checkSchedule(input);
    let facilitatorIds = input.facilitatorIds;
    if (facilitatorIds === undefined) {
      // By default whoever creates the meeting runs it, when they may.
      const self = (await this.#users.publicUsers([actor.id])).get(actor.id);
      const trained = (await this.#training.trainedAmong([actor.id])).has(actor.id);
      facilitatorIds = mayFacilitate(self, partnerId, trained) ? [actor.id] : [];
    }
    await this.#checkFacilitators(facilitatorIds, partnerId);
    const schedule = scheduleOf(input.recurrence, input.durationMinutes, this.#now());
    const created = await this.#models.Meeting.create({
      ...toStored({ ...input, facilitatorIds }),
      ...schedule,
      createdBy: actor.id,
    });
    this.#noted(schedule);
    return this.get(String(created._id), undefined, actor);
  }

  async update(actor: RequestUser, id: string, patch: UpdateMeetingInput): Promise<MeetingView> {
    const meeting = await this.#manageable(actor, id);
    const merged = { ...toInput(meeting), ...patch };
    // Fields carried over from the old meeting that no longer apply to the new format or type
    // are dropped; fields the PATCH names are validated as sent.
    if (patch.location === undefined && merged.format === 'online') merged.location = null;
    if (patch.area === undefined && merged.format !== 'online') merged.area = null;
    if (merged.type === 'open') {
      if (patch.audience === undefined) merged.audience = null;
      if (patch.eligibility === undefined) merged.eligibility = null;
    }
    const parsed = createMeetingBody.safeParse(merged);
    if (!parsed.success)
      throw new AppError('INVALID_INPUT', 'the meeting would be invalid', fieldsOf(parsed.error));
    const input = parsed.data;
    const before = ownershipOf(meeting);
    const partnerId = input.partnerId ?? null;
    if (partnerId !== before.partnerId) assertMayPlace(actor, partnerId);
    const facilitatorIds = input.facilitatorIds ?? [];
    if (patch.facilitatorIds !== undefined || partnerId !== before.partnerId)
      await this.#checkFacilitators(facilitatorIds, partnerId);
    if (patch.recurrence !== undefined || patch.durationMinutes !== undefined)
      this.#checkSchedule(input);
    const schedule = scheduleOf(input.recurrence, input.durationMinutes, this.#now());
    await this.#models.Meeting.updateOne(
      { _id: meeting._id },
      { $set: { ...toStored({ ...input, facilitatorIds }), ...schedule } },
    );
    this.#noted(schedule);
    return this.get(id, undefined, actor);
  }

  async remove(actor: RequestUser, id: string): Promise<void> {
    const meeting = await this.#manageable(actor, id);
    await this.#models.Meeting.deleteOne({ _id: meeting._id });
  }

  async occurrences(
    id: string,
    query: OccurrencesQuery,
    viewer: RequestUser | undefined,
  ): Promise<z.infer<typeof occurrencesResponse>> {
    const meeting = await this.#find(id);
    const zone = await this.#viewerZone(query.tz, viewer);
    const { from, to } = occurrenceWindow(query, zone, MAX_OCCURRENCE_WINDOW_DAYS, this.#now());
    return { ...occurrencesIn(meeting, id, from, to, query.limit, zone), timeZone: zone };
  }

  /** The week view's one request: every asked meeting's occurrences in one window. */
  async occurrencesOfMany(
    query: MeetingsOccurrencesQuery,
    viewer: RequestUser | undefined,
  ): Promise<z.infer<typeof meetingsOccurrencesResponse>> {
    const zone = await this.#viewerZone(query.tz, viewer);
    const { from, to } = occurrenceWindow(query, zone, MAX_BATCH_WINDOW_DAYS, this.#now());
    const found = await this.#models.Meeting.find(
      { _id: { $in: query.ids } },
      { recurrence: 1, durationMinutes: 1 },
    ).lean<Pick<MeetingRecord, '_id' | 'recurrence' | 'durationMinutes'>[]>();
    const byId = new Map(found.map((meeting) => [String(meeting._id), meeting]));
    return {
      timeZone: zone,
      meetings: query.ids.flatMap((id) => {
        const meeting = byId.get(id);
        return meeting ? [occurrencesIn(meeting, id, from, to, query.limit, zone)] : [];
      }),
    };
  }

  /** The .ics text; `origin` (scheme and host) makes the join page's address absolute. */
  async calendar(id: string, origin: string): Promise<string> {
    return meetingCalendar(calendarEventOf(await this.#find(id), origin, this.#now()));
  }

  /**
   * Where to go to take part. Deliberately writes nothing: who joins which meeting is never
   * recorded, so there is nothing about attendance to leak, export or erase.
   */
  async join(
    actor: RequestUser,
    id: string,
    body: z.infer<typeof joinMeetingBody>,
  ): Promise<z.infer<typeof joinMeetingResponse>> {
    const meeting = await this.#find(id);
    const { next, now } = checkJoin(meeting, body.confirmEligibility === true, this.#now());
    return {
      meetingId: id,
      livePath: `/meetings/${id}/live`,
      inProgress: isInProgress(next, now),
      nextOccurrence: viewOf(next, await this.#viewerZone(undefined, actor)),
    };
  }

  /**
   * What the live room needs to let `actor` in: the same checks as `join`, then whether
   * they host it (its facilitators and its partner's staff once trained, admins: policy's
   * `mayHost`). Writes nothing, like `join`.
   */
  async admissionFor(
    actor: RequestUser,
    id: string,
    eligibilityConfirmed: boolean,
  ): Promise<{
    title: string;
    capacity: number;
    agenda: AgendaSegment[];
    type: MeetingType;
    timeZone: string;
    country: string | null;
    mayHost: boolean;
  }> {
    const meeting = await this.#find(id);
    const hosting = await this.#mayHost(actor, meeting);
    // Those who run a specialised meeting are not asked who it is for.
    checkJoin(meeting, eligibilityConfirmed || hosting, this.#now());
    return {
      title: meeting.title,
      capacity: meeting.capacity,
      agenda: agendaOf(meeting),
      type: meeting.type,
      timeZone: meeting.recurrence.timeZone,
      country: meeting.area?.country ?? null,
      mayHost: hosting,
    };
  }

  /** Whether `actor` runs the meeting (so opening its live room is theirs to do). */
  async hosts(actor: RequestUser, id: string): Promise<boolean> {
    return this.#mayHost(actor, await this.#find(id));
  }

  /** Runs it and, unless an admin, has completed facilitator training (read on every ask). */
  async #mayHost(actor: RequestUser, meeting: MeetingRecord): Promise<boolean> {
    const ownership = ownershipOf(meeting);
    if (!mayManage(actor, ownership)) return false;
    const trained =
      actor.roles.includes('admin') ||
      (await this.#training.trainedAmong([actor.id])).has(actor.id);
    return mayHost(actor, ownership, trained);
  }

  exportFor(userId: string) {
    return meetingsOfMember(this.#models, userId);
  }

  /** The meetings stay for the people who attend them; only the member's name comes off. */
  eraseFor(userId: string): Promise<void> {
    return eraseMemberFromMeetings(this.#models, userId);
  }
}
