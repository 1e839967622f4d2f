import { EventEmitter } from 'node:events';
import { Types } from 'mongoose';
import type { Contact } from '../../shared/chat/contacts.ts';
import type { MemberPresence } from '../../shared/chat/schemas.ts';
import { distinctIds, type UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import { type Actor, indexesReady, isDuplicateKey } from '../community/shared.ts';
import { AppError } from '../infra/errors.ts';
import { countsIn, readMarkersOf } from './chat-list.ts';
import type { ContactModels, ContactPairDoc } from './contact-models.ts';
import type { ChatModels } from './models.ts';

/**
 * Contacts between members and who may write privately to whom. A request needs a shared
 * group or meeting area and the other's consent to requests; accepting makes two contacts,
 * who then share a private conversation (a chat of two: its lines are chat lines, see
 * service.ts). A block ends the contact and any request at once and hides the blocker's
 * presence from the blocked member. Refusals of a request all look alike (FORBIDDEN), so
 * nobody learns that they were blocked or what another member's settings are.
 */

/** Requests waiting for an answer, per asker: enough for anyone, too few to spam a group. */
const OPEN_REQUESTS_MAX = 30;
const NOT_TAKING = 'this member is not taking contact requests from you';

const oid = (id: string) => new Types.ObjectId(id);
const keyOf = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const has = (ids: Array<Types.ObjectId | null>, id: string) => ids.some((x) => String(x) === id);

export type ContactEvents = {
  /** Something between the two changed: tell both, and presence may now show or hide. */
  changed: [a: string, b: string];
};

export class Contacts {
  readonly #m: ContactModels & Pick<ChatModels, 'Message' | 'Read'>;
  readonly #groups: GroupService;
  readonly #users: UserDirectory;
  /** A conversation's two members never change (but for erasure), so they are kept here. */
  readonly #membersOf = new Map<string, string[]>();
  readonly changes = new EventEmitter<ContactEvents>();

  constructor(
    models: ContactModels & Pick<ChatModels, 'Message' | 'Read'>,
    groups: GroupService,
    users: UserDirectory,
  ) {
    this.#m = models;
    this.#groups = groups;
    this.#users = users;
  }

  async request(actor: Actor, userId: string): Promise<Contact> {
    if (userId === actor.id) throw new AppError('INVALID_INPUT', 'one cannot be one’s own contact');
    const pair = await this.#m.Pair.findOne({ key: keyOf(actor.id, userId) }).lean();
    if (pair && has(pair.blockedBy, actor.id))
      throw new AppError('CONFLICT', 'you blocked this member; unblock them first');
    if (pair && has(pair.blockedBy, userId)) throw new AppError('FORBIDDEN', NOT_TAKING);
    if (pair?.contacts || String(pair?.requestedBy) === actor.id)
      return this.#viewFor(actor.id, pair as ContactPairDoc);
    // They asked first: asking back is a yes (even after declining them).
    if (pair && String(pair.requestedBy) === userId) {
      const accepted = await this.#answer(actor, userId, true, {});
      if (accepted) return accepted;
    }
    await this.#mayAsk(actor.id, userId);
    await indexesReady(this.#m.Pair);
    try {
      const asked = await this.#m.Pair.findOneAndUpdate(
        { key: keyOf(actor.id, userId), requestedBy: null, contacts: false, blockedBy: [] },
        {
          $set: { requestedBy: oid(actor.id), declined: false, updatedAt: new Date() },
          $setOnInsert: { members: [actor.id, userId].sort().map(oid) },
        },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      this.changes.emit('changed', actor.id, userId);
      return this.#viewFor(actor.id, asked as ContactPairDoc);
    } catch (error) {
      // The other acted at the same moment (asked too, or blocked): decide on what is there now.
      if (isDuplicateKey(error)) return this.request(actor, userId);
      throw error;
    }
  }

  /** null: declined (nothing between them shows to the decliner). */
  async respond(actor: Actor, userId: string, accept: boolean): Promise<Contact | null> {
    const answered = await this.#answer(actor, userId, accept, { declined: false });
    if (answered === undefined) throw new AppError('NOT_FOUND', 'no request from this member');
    return answered;
  }

  /** undefined: no such request (any more). */
  async #answer(
    actor: Actor,
    userId: string,
    accept: boolean,
    unless: { declined?: false },
  ): Promise<Contact | null | undefined> {
    const update = accept
      ? { requestedBy: null, declined: false, contacts: true }
      : { declined: true };
    const pair = await this.#m.Pair.findOneAndUpdate(
      { key: keyOf(actor.id, userId), requestedBy: oid(userId), ...unless },
      { $set: { ...update, updatedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean();
    if (!pair) return undefined;
    // A decline is not told: the asker's request simply stays unanswered.
    if (!accept) return null;
    this.changes.emit('changed', actor.id, userId);
    return this.#viewFor(actor.id, pair as ContactPairDoc);
  }

  /** Withdraws one's own request, or ends a contact; their conversation stays readable. */
  async remove(actor: Actor, userId: string): Promise<Contact> {
    const key = keyOf(actor.id, userId);
    const pair = await this.#m.Pair.findOneAndUpdate(
      { key, $or: [{ contacts: true }, { requestedBy: oid(actor.id) }] },
      { $set: { contacts: false, requestedBy: null, declined: false, updatedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean();
    if (!pair) throw new AppError('NOT_FOUND', 'no contact or request with this member');
    this.changes.emit('changed', actor.id, userId);
    return this.#viewFor(actor.id, pair as ContactPairDoc);
  }

  async block(actor: Actor, userId: string): Promise<Contact> {
    if (userId === actor.id) throw new AppError('INVALID_INPUT', 'one cannot block oneself');
    if (!(await this.#users.publicUsers([userId])).has(userId))
      throw new AppError('NOT_FOUND', 'no such member');
    await indexesReady(this.#m.Pair);
    const pair = await this.#m.Pair.findOneAndUpdate(
      { key: keyOf(actor.id, userId) },
      {
        $set: { contacts: false, requestedBy: null, declined: false, updatedAt: new Date() },
        $addToSet: { blockedBy: oid(actor.id) },
        $setOnInsert: { members: [actor.id, userId].sort().map(oid) },
      },
      { upsert: true, returnDocument: 'after' },
    )
      .lean()
      .catch(async (error: unknown) => {
        // Two first acts on a new pair at once: the record exists now; block on it.
        if (!isDuplicateKey(error)) throw error;
        return null;
      });
    if (!pair) return this.block(actor, userId);
    this.changes.emit('changed', actor.id, userId);
    return this.#viewFor(actor.id, pair as ContactPairDoc);
  }

  async unblock(actor: Actor, userId: string): Promise<Contact> {
    const pair = await this.#m.Pair.findOneAndUpdate(
      { key: keyOf(actor.id, userId), blockedBy: oid(actor.id) },
      { $pull: { blockedBy: oid(actor.id) }, $set: { updatedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean();
    if (!pair) throw new AppError('NOT_FOUND', 'this member is not blocked');
    this.changes.emit('changed', actor.id, userId);
    return this.#viewFor(actor.id, pair as ContactPairDoc);
  }

  /** Everyone the member stands in relation to, with unread lines; most recent first. */
  async list(
    actor: Actor,
    presenceOf: (ids: string[]) => Promise<MemberPresence[]> = async () => [],
  ): Promise<Contact[]> {
    const pairs = (await this.#m.Pair.find({ members: oid(actor.id) }).lean()) as ContactPairDoc[];
    const contactIds = pairs
      .filter((p) => p.contacts)
      .map((p) => this.#otherOf(p, actor.id))
      .filter((id): id is string => id !== null);
    const presences = new Map(
      (await presenceOf(await this.#visibleTo(actor.id, contactIds))).map((p) => [p.userId, p]),
    );
    const views = await this.#views(actor.id, pairs, presences);
    return views
      .filter((c): c is Contact => c !== null)
      .sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0));
  }

  /**
   * May `actor` read (or write in) this private conversation? Reading: either of the two,
   * always (their own history). Writing: only while they are contacts and neither blocked.
   * NOT_FOUND when no such conversation exists (the caller tried groups first).
   */
  async access(actor: Actor, conversationId: string, need: 'read' | 'write'): Promise<string[]> {
    const pair = await this.#m.Pair.findById(conversationId).lean();
    if (!pair) throw new AppError('NOT_FOUND', 'no such group or conversation');
    if (!has(pair.members, actor.id))
      throw new AppError('FORBIDDEN', 'this conversation is not yours');
    if (need === 'write' && (!pair.contacts || pair.blockedBy.length > 0))
      throw new AppError('FORBIDDEN', 'only contacts write to each other');
    return this.#remember(pair as ContactPairDoc);
  }

  /** The two members of a conversation (ids; an erased member is left out). */
  async membersOf(conversationId: string): Promise<string[]> {
    const known = this.#membersOf.get(conversationId);
    if (known) return known;
    const pair = await this.#m.Pair.findById(conversationId, { members: 1 }).lean();
    return pair ? this.#remember(pair as ContactPairDoc) : [];
  }

  /**
   * Whom each member's presence reaches beyond their groups, and whom it must not reach:
   * their contacts, and those they blocked. Several members in one query (presence
   * announces in bursts).
   */
  async presenceCircles(
    userIds: readonly string[],
  ): Promise<Map<string, { contacts: string[]; hiddenFrom: string[] }>> {
    const ids = distinctIds(userIds);
    const circles = new Map(
      ids.map((id) => [id, { contacts: [] as string[], hiddenFrom: [] as string[] }]),
    );
    if (ids.length === 0) return circles;
    const asked = ids.map(oid);
    const pairs = (await this.#m.Pair.find({
      members: { $in: asked },
      $or: [{ contacts: true }, { blockedBy: { $in: asked } }],
    }).lean()) as ContactPairDoc[];
    for (const pair of pairs)
      for (const member of pair.members) {
        const circle = circles.get(String(member));
        const other = circle && this.#otherOf(pair, String(member));
        if (!circle || !other) continue;
        if (pair.contacts) circle.contacts.push(other);
        if (has(pair.blockedBy, String(member))) circle.hiddenFrom.push(other);
      }
    return circles;
  }

  /** Of `userIds`, those whose presence `viewer` may see (they have not blocked the viewer). */
  async visibleTo(viewer: string, userIds: string[]): Promise<Set<string>> {
    return new Set(await this.#visibleTo(viewer, userIds));
  }

  /** For "download my data": the member's relations and both sides of their conversations. */
  async exportFor(userId: string) {
    const pairs = (await this.#m.Pair.find({ members: oid(userId) }).lean()) as ContactPairDoc[];
    return Promise.all(
      pairs.map(async (p) => {
        const lines = await this.#m.Message.find({ groupId: p._id }).sort({ _id: 1 }).lean();
        return {
          with: this.#otherOf(p, userId),
          contacts: p.contacts,
          requestedByMe: String(p.requestedBy) === userId,
          blockedByMe: has(p.blockedBy, userId),
          lines: lines.map((m) => ({
            mine: String(m.senderId) === userId,
            text: m.text,
            createdAt: m.createdAt.toISOString(),
            deleted: m.deletedAt !== null,
          })),
        };
      }),
    );
  }

  /**
   * With the account: the member leaves every pair (the other keeps the conversation, from
   * "a deleted member", and can no longer write to it); their own lines are erased by the
   * chat service with all their lines.
   */
  async eraseFor(userId: string): Promise<void> {
    const pairs = (await this.#m.Pair.find({ members: oid(userId) }).lean()) as ContactPairDoc[];
    for (const p of pairs) {
      this.#membersOf.delete(String(p._id));
      await this.#m.Pair.updateOne(
        { _id: p._id },
        {
          $set: {
            key: `erased:${p._id}`,
            members: p.members.map((m) => (String(m) === userId ? null : m)),
            contacts: false,
            requestedBy: null,
            declined: false,
          },
          $pull: { blockedBy: oid(userId) },
        },
      );
    }
  }

  async #mayAsk(asker: string, userId: string): Promise<void> {
    const [terms, mine, open] = await Promise.all([
      this.#users.contactTermsOf(userId),
      this.#users.contactTermsOf(asker),
      this.#m.Pair.countDocuments({ requestedBy: oid(asker), contacts: false }),
    ]);
    if (!terms) throw new AppError('NOT_FOUND', 'no such member');
    if (open >= OPEN_REQUESTS_MAX)
      throw new AppError('RATE_LIMITED', 'too many requests are waiting for an answer');
    if (!terms.acceptsRequests) throw new AppError('FORBIDDEN', NOT_TAKING);
    if (terms.area !== null && terms.area === mine?.area) return;
    const groups = await this.#groups.groupsOf(asker);
    const shared = await this.#groups.memberOf(
      userId,
      groups.map((g) => g.id),
    );
    if (shared.size === 0) throw new AppError('FORBIDDEN', NOT_TAKING);
  }

  async #visibleTo(viewer: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const blockers = await this.#m.Pair.find(
      { members: oid(viewer), 'blockedBy.0': { $exists: true } },
      { members: 1, blockedBy: 1 },
    ).lean();
    const hidden = new Set(
      blockers.flatMap((p) => p.blockedBy.map(String).filter((id) => id !== viewer)),
    );
    return userIds.filter((id) => !hidden.has(id));
  }

  #otherOf(pair: Pick<ContactPairDoc, 'members'>, userId: string): string | null {
    const other = pair.members.find((m) => String(m) !== userId);
    return other ? String(other) : null;
  }

  #remember(pair: Pick<ContactPairDoc, '_id' | 'members'>): string[] {
    const ids = pair.members.filter((m) => m !== null).map(String);
    this.#membersOf.set(String(pair._id), ids);
    return ids;
  }

  async #viewFor(userId: string, pair: ContactPairDoc): Promise<Contact> {
    const [view] = await this.#views(userId, [pair], new Map());
    if (!view) throw new AppError('NOT_FOUND', 'no contact with this member');
    return view;
  }

  async #views(
    userId: string,
    pairs: ContactPairDoc[],
    presences: Map<string, MemberPresence>,
  ): Promise<Array<Contact | null>> {
    const others = pairs.map((p) => this.#otherOf(p, userId));
    const people = await this.#users.publicUsers(others.filter((id) => id !== null));
    const readOf = await readMarkersOf(
      this.#m,
      userId,
      pairs.map((p) => p._id),
    );
    return Promise.all(
      pairs.map(async (p, i) => {
        const other = others[i] ?? null;
        const status = this.#statusOf(p, userId, other);
        if (!status) return null;
        const { unread, lastMessageAt } = await countsIn(
          this.#m,
          oid(userId),
          p._id,
          readOf.get(String(p._id)),
          false,
        );
        // Nothing ever said and nothing pending: no need to list them.
        if (status === 'former' && !lastMessageAt) return null;
        return {
          userId: other,
          name: other ? (people.get(other)?.displayName ?? null) : null,
          status,
          conversationId: String(p._id),
          presence: (other && status === 'contact' && presences.get(other)) || null,
          unread,
          lastMessageAt,
        };
      }),
    );
  }

  /** What the pair is to `userId`; null: nothing to show them (a request they declined). */
  #statusOf(p: ContactPairDoc, userId: string, other: string | null): Contact['status'] | null {
    if (has(p.blockedBy, userId)) return 'blocked';
    if (p.contacts) return 'contact';
    if (p.requestedBy && String(p.requestedBy) === userId) return 'outgoing';
    if (p.requestedBy && String(p.requestedBy) === other) return p.declined ? null : 'incoming';
    // Blocked by the other: to this member it looks like a contact that ended.
    return 'former';
  }
}
