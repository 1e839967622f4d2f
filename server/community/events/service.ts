import { Types } from 'mongoose';
import type { Page } from '../../../shared/api/common.ts';
import {
  type CommunityEvent,
  type CreateEventInput,
  type EventListQuery,
  MAX_EVENT_DURATION_MS,
  MAX_EVENT_PLACES,
  type Person,
  type UpdateEventInput,
} from '../../../shared/api/community.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import { findPageWith, type SortSpec } from '../../infra/api/paging.ts';
import { AppError } from '../../infra/errors.ts';
import type { GroupService } from '../groups/service.ts';
import { type Actor, isStaff, peopleOf, personIn } from '../shared.ts';
import type { EventDoc, EventModels } from './models.ts';

const SOONEST_FIRST: SortSpec = { field: 'startsAt', kind: 'date', direction: 1 };

const oid = (id: string) => new Types.ObjectId(id);
const isCreator = (event: EventDoc, actor: Actor) => String(event.createdBy) === actor.id;

/** A place is free while fewer are going than the capacity (or the hard ceiling). */
const PLACE_LEFT = {
  $expr: { $lt: ['$goingCount', { $ifNull: ['$capacity', MAX_EVENT_PLACES] }] },
};

export class EventService {
  readonly #m: EventModels;
  readonly #users: UserDirectory;
  readonly #groups: GroupService;
  readonly #now: () => Date;

  constructor(
    models: EventModels,
    users: UserDirectory,
    groups: GroupService,
    now = () => new Date(),
  ) {
    this.#m = models;
    this.#users = users;
    this.#groups = groups;
    this.#now = now;
  }

  /** Any member may organise; attaching to a group needs membership of it (or staff). */
  async create(actor: Actor, input: CreateEventInput): Promise<CommunityEvent> {
    if (input.endsAt <= this.#now())
      throw new AppError('INVALID_INPUT', 'invalid body', { endsAt: ['must be in the future'] });
    if (input.groupId && !(await this.#groups.canPostTo(actor, input.groupId)))
      throw new AppError('FORBIDDEN', 'only members of the group can add events to it');
    const event = await this.#m.Event.create({
      ...input,
      groupId: input.groupId ? oid(input.groupId) : null,
      createdBy: oid(actor.id),
    });
    return this.#view(actor, event.toObject());
  }

  /** Upcoming first (by start); `from` defaults to now, so running events still show. */
  async list(actor: Actor, query: EventListQuery): Promise<Page<CommunityEvent>> {
    const from = query.from ?? this.#now();
    // No event lasts longer than MAX_EVENT_DURATION_MS, so one still running at `from`
    // started after this: a lower bound on the sorted field, so the index scan starts near
    // `from` instead of walking every past event to find the unfinished ones.
    const startsAt: Record<string, Date> = {
      $gt: new Date(from.getTime() - MAX_EVENT_DURATION_MS),
    };
    if (query.to) startsAt.$lt = query.to;
    const filter: Record<string, unknown> = { startsAt, endsAt: { $gt: from } };
    if (query.country) filter['location.country'] = query.country;
    if (query.groupId) filter.groupId = oid(query.groupId);
    return findPageWith(this.#m.Event, filter, SOONEST_FIRST, query, (docs) =>
      this.#views(actor, docs as EventDoc[]),
    );
  }

  async get(actor: Actor, id: string): Promise<CommunityEvent> {
    return this.#view(actor, await this.#find(id));
  }

  /** The organiser or site staff; a cancelled event is final. */
  async update(actor: Actor, id: string, patch: UpdateEventInput): Promise<CommunityEvent> {
    const event = await this.#find(id);
    if (!isCreator(event, actor) && !isStaff(actor))
      throw new AppError('FORBIDDEN', 'only the organiser or a moderator can change this event');
    if (event.status === 'cancelled')
      throw new AppError('INVALID_TRANSITION', 'this event was cancelled');
    const startsAt = patch.startsAt ?? event.startsAt;
    const endsAt = patch.endsAt ?? event.endsAt;
    if (endsAt <= startsAt)
      throw new AppError('INVALID_INPUT', 'invalid body', { endsAt: ['must be after startsAt'] });
    if (patch.endsAt && patch.endsAt <= this.#now())
      throw new AppError('INVALID_INPUT', 'invalid body', { endsAt: ['must be in the future'] });
    // The schema can only compare the two times when both are sent; the merged pair must
    // obey the same rules as a new event.
    if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DURATION_MS)
      throw new AppError('INVALID_INPUT', 'invalid body', { endsAt: ['makes the event too long'] });
    const filter: Record<string, unknown> = { _id: event._id, status: 'scheduled' };
    // Lowering the capacity below those already going would break promises made: the
    // condition sits in the same atomic update as any racing RSVP.
    if (patch.capacity != null) filter.goingCount = { $lte: patch.capacity };
    const updated = await this.#m.Event.findOneAndUpdate(
      filter,
      { $set: patch },
      { returnDocument: 'after' },
    ).lean();
    if (!updated) {
      const now = await this.#find(id);
      if (now.status === 'cancelled')
        throw new AppError('INVALID_TRANSITION', 'this event was cancelled');
      throw new AppError('CONFLICT', 'more members are already going', {
        capacity: [`${now.goingCount} members are already going`],
      });
    }
    return this.#view(actor, updated as EventDoc);
  }

  /**
   * Taking a place is one conditional update (still scheduled, not over, not already
   * going, a place left): two members racing for the last place cannot both get it.
   */
  async rsvp(actor: Actor, id: string, going: boolean): Promise<CommunityEvent> {
    const me = oid(actor.id);
    const updated = going
      ? await this.#m.Event.findOneAndUpdate(
          {
            _id: oid(id),
            status: 'scheduled',
            endsAt: { $gt: this.#now() },
            attendees: { $ne: me },
            ...PLACE_LEFT,
          },
          { $push: { attendees: me }, $inc: { goingCount: 1 } },
          { returnDocument: 'after' },
        ).lean()
      : await this.#m.Event.findOneAndUpdate(
          { _id: oid(id), attendees: me },
          { $pull: { attendees: me }, $inc: { goingCount: -1 } },
          { returnDocument: 'after' },
        ).lean();
    if (updated) return this.#view(actor, updated as EventDoc);
    // Nothing changed: say why (or answer as is when it already was so).
    const event = await this.#find(id);
    const amGoing = event.attendees.some((a) => a.equals(me));
    if (amGoing === going) return this.#view(actor, event);
    if (event.status === 'cancelled')
      throw new AppError('INVALID_TRANSITION', 'this event was cancelled');
    if (event.endsAt <= this.#now()) throw new AppError('INVALID_TRANSITION', 'this event is over');
    throw new AppError('CAPACITY_FULL', 'no places left');
  }

  async exportFor(userId: string) {
    const me = oid(userId);
    const docs = await this.#m.Event.find({ $or: [{ createdBy: me }, { attendees: me }] }).lean();
    const summary = (e: EventDoc) => ({
      id: String(e._id),
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      timeZone: e.timeZone,
      status: e.status,
    });
    return {
      eventsOrganised: docs
        .filter((e) => e.createdBy?.equals(me))
        .map((e) => summary(e as EventDoc)),
      eventsGoing: docs
        .filter((e) => e.attendees.some((a) => a.equals(me)))
        .map((e) => summary(e as EventDoc)),
    };
  }

  /** RSVPs go (freeing the places); events they organised stay for those going, unattributed. */
  async eraseFor(userId: string): Promise<void> {
    const me = oid(userId);
    await this.#m.Event.updateMany(
      { attendees: me },
      { $pull: { attendees: me }, $inc: { goingCount: -1 } },
    );
    await this.#m.Event.updateMany({ createdBy: me }, { $set: { createdBy: null } });
  }

  async #find(id: string): Promise<EventDoc> {
    const event = await this.#m.Event.findById(id).lean();
    if (!event) throw new AppError('NOT_FOUND', 'no such event');
    return event as EventDoc;
  }

  async #view(actor: Actor, event: EventDoc): Promise<CommunityEvent> {
    return (await this.#views(actor, [event]))[0] as CommunityEvent;
  }

  async #views(actor: Actor, events: EventDoc[]): Promise<CommunityEvent[]> {
    const people = await peopleOf(
      this.#users,
      events.flatMap((e) => [e.createdBy, ...(isCreator(e, actor) ? e.attendees : [])]),
    );
    const hidden = await this.#hiddenOrganisers(actor, events);
    return events.map((event) =>
      this.#shape(actor, event, hidden.has(String(event._id)) ? new Map() : people),
    );
  }

  /**
   * A group event's organiser is a member of that group. Naming them to people outside the
   * group would reveal a membership the member may have chosen to keep hidden, so outsiders
   * see the organiser only when the member shows in member lists.
   */
  async #hiddenOrganisers(actor: Actor, events: EventDoc[]): Promise<Set<string>> {
    const grouped = events.filter((e) => e.groupId && e.createdBy && !isCreator(e, actor));
    if (grouped.length === 0 || isStaff(actor)) return new Set();
    const mine = await this.#groups.memberOf(
      actor.id,
      grouped.map((e) => String(e.groupId)),
    );
    const outside = grouped.filter((e) => !mine.has(String(e.groupId)));
    const listable = new Set(
      (await this.#users.listable(outside.map((e) => String(e.createdBy)))).map((u) => u.id),
    );
    return new Set(
      outside.filter((e) => !listable.has(String(e.createdBy))).map((e) => String(e._id)),
    );
  }

  #shape(actor: Actor, event: EventDoc, people: Map<string, Person>): CommunityEvent {
    const creator = isCreator(event, actor);
    const amGoing = event.attendees.some((a) => String(a) === actor.id);
    const { url, ...place } = event.location;
    // The joining link only for those taking part: keeps uninvited people out of the call.
    const showLink = amGoing || creator || isStaff(actor);
    return {
      id: String(event._id),
      title: event.title,
      description: event.description,
      kind: event.kind,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      location: { ...place, ...(url && showLink ? { url } : {}) } as CommunityEvent['location'],
      capacity: event.capacity ?? null,
      groupId: event.groupId ? String(event.groupId) : null,
      createdBy: personIn(people, event.createdBy),
      status: event.status,
      goingCount: event.goingCount,
      placesLeft: event.capacity == null ? null : Math.max(0, event.capacity - event.goingCount),
      amGoing,
      canEdit: (creator || isStaff(actor)) && event.status === 'scheduled',
      ...(creator ? { attendees: event.attendees.flatMap((a) => personIn(people, a) ?? []) } : {}),
    };
  }
}
