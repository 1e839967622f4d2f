import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import type { GroupService } from '../community/groups/service.ts';
import { type Actor, indexesReady } from '../community/shared.ts';
import { type ChangeMarks, markOf, NO_MARKS } from '../infra/change-marks.ts';
import { AppError } from '../infra/errors.ts';
import type { ChatModels, ChatRestrictionDoc } from './models.ts';

/**
 * A group's moderators over its chat: slow mode (one line per member every N seconds,
 * moderators exempt), muting a member for a while, banning them from the chat until lifted.
 * Every read and write of a group's chat passes `mayRead`/`mayWrite` here (service.ts).
 */

const oid = (id: string) => new Types.ObjectId(id);

export interface ChatTerms {
  restriction: Pick<ChatRestrictionDoc, 'kind' | 'until'> | null;
  slowModeSeconds: number;
}

export class ChatModeration {
  readonly #m: ChatModels;
  readonly #groups: GroupService;
  readonly #redis: Redis | undefined;
  readonly #prefix: string;
  /** Slow mode's clock when Haven runs without Redis (one node). */
  readonly #lastLine = new Map<string, number>();
  /** Sends keep slow mode and restrictions per node (send-facts.ts); a change moves these. */
  readonly #marks: Pick<ChangeMarks, 'move'>;

  constructor(
    models: ChatModels,
    groups: GroupService,
    redis: Redis | undefined,
    prefix: string,
    marks = NO_MARKS,
  ) {
    this.#m = models;
    this.#groups = groups;
    this.#redis = redis;
    this.#prefix = prefix;
    this.#marks = marks;
  }

  async setSlowMode(actor: Actor, groupId: string, seconds: number): Promise<void> {
    await this.#mustModerate(actor, groupId);
    await indexesReady(this.#m.Settings);
    await this.#m.Settings.updateOne(
      { groupId: oid(groupId) },
      { $set: { slowModeSeconds: seconds } },
      { upsert: true },
    );
    await this.#marks.move(markOf.group(groupId));
  }

  async restrict(
    actor: Actor,
    groupId: string,
    userId: string,
    action: 'mute' | 'ban' | 'lift',
    minutes?: number,
  ): Promise<void> {
    await this.#mustModerate(actor, groupId);
    await this.applyRestriction(actor, groupId, userId, action, minutes);
  }

  /**
   * The restriction itself; the caller has checked that `actor` moderates the group
   * (`restrict` above, or the report queue, which lets site staff act without joining).
   */
  async applyRestriction(
    actor: Actor,
    groupId: string,
    userId: string,
    action: 'mute' | 'ban' | 'lift',
    minutes?: number,
  ): Promise<void> {
    if (userId === actor.id)
      throw new AppError('INVALID_TRANSITION', 'a moderator cannot restrict themselves');
    const key = { groupId: oid(groupId), userId: oid(userId) };
    if (action === 'lift') {
      await this.#m.Restriction.deleteOne(key);
      await this.#marks.move(markOf.user(userId));
      return;
    }
    if (action === 'mute' && !minutes)
      throw new AppError('INVALID_INPUT', 'say for how many minutes');
    const target = await this.#groups.roleIn({ id: userId, roles: [] }, groupId);
    if (target === 'moderator')
      throw new AppError('FORBIDDEN', 'a moderator cannot be muted or banned');
    await indexesReady(this.#m.Restriction);
    await this.#m.Restriction.updateOne(
      key,
      {
        $set: {
          kind: action,
          until: action === 'mute' ? new Date(Date.now() + (minutes as number) * 60_000) : null,
          by: oid(actor.id),
        },
      },
      { upsert: true },
    );
    await this.#marks.move(markOf.user(userId));
  }

  /** Which of these members are banned from the group's chat. */
  async bannedAmong(groupId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const bans = await this.#m.Restriction.find(
      { groupId: oid(groupId), userId: { $in: userIds.map(oid) }, kind: 'ban' },
      { userId: 1 },
    ).lean();
    return new Set(bans.map((b) => String(b.userId)));
  }

  /** The groups whose chat a member is banned from (their sockets stay out of those rooms). */
  async bannedGroupsOf(userId: string): Promise<Set<string>> {
    const bans = await this.#m.Restriction.find(
      { userId: oid(userId), kind: 'ban' },
      { groupId: 1 },
    ).lean();
    return new Set(bans.map((b) => String(b.groupId)));
  }

  /**
   * What the rules below read of a member in a group: their restriction and the group's
   * settings, in one round trip (service.ts reads them beside the membership).
   */
  async termsOf(userId: string, groupId: string): Promise<ChatTerms> {
    // Through the driver, as GroupService.roleIn: asked for every line.
    const [restriction, settings] = await Promise.all([
      this.#m.Restriction.collection.findOne<ChatRestrictionDoc>({
        groupId: oid(groupId),
        userId: oid(userId),
      }),
      this.#m.Settings.collection.findOne<{ slowModeSeconds?: number }>(
        { groupId: oid(groupId) },
        { projection: { slowModeSeconds: 1 } },
      ),
    ]);
    return { restriction, slowModeSeconds: settings?.slowModeSeconds ?? 0 };
  }

  /** A banned member reads nothing of the group's chat. */
  async mayRead(
    actor: Actor,
    groupId: string,
    role: 'moderator' | 'member',
    terms?: ChatTerms,
  ): Promise<void> {
    if (role === 'moderator') return;
    const { restriction } = terms ?? (await this.termsOf(actor.id, groupId));
    if (restriction?.kind === 'ban')
      throw new AppError('FORBIDDEN', 'a moderator has banned you from this group’s chat');
  }

  /**
   * Muted or banned members write nothing (lines, edits, reactions). Slow mode spaces only
   * new lines: `spaceLine`, which the send takes once every other check has passed.
   */
  async mayWrite(
    actor: Actor,
    groupId: string,
    role: 'moderator' | 'member',
    terms?: ChatTerms,
  ): Promise<void> {
    if (role === 'moderator') return;
    const { restriction } = terms ?? (await this.termsOf(actor.id, groupId));
    if (restriction?.kind === 'ban')
      throw new AppError('FORBIDDEN', 'a moderator has banned you from this group’s chat');
    if (
      restriction?.kind === 'mute' &&
      restriction.until &&
      restriction.until.getTime() > Date.now()
    ) {
      const waitMs = restriction.until.getTime() - Date.now();
      throw AppError.muted(
        `a moderator has muted you here for ${Math.ceil(waitMs / 60_000)} more minutes`,
        waitMs,
      );
    }
  }

  /** Slow mode: one line per member per period; the first to claim the period's key writes. */
  async spaceLine(userId: string, groupId: string, seconds: number): Promise<void> {
    const key = `${this.#prefix}:chat-slow:${groupId}:${userId}`;
    let waitMs = 0;
    if (this.#redis) {
      const claimed = await this.#redis.set(key, '1', 'PX', seconds * 1000, 'NX');
      if (claimed !== 'OK') waitMs = Math.max(await this.#redis.pttl(key), 0);
    } else {
      const last = this.#lastLine.get(key) ?? 0;
      waitMs = last + seconds * 1000 - Date.now();
      if (waitMs <= 0) this.#lastLine.set(key, Date.now());
    }
    if (waitMs > 0)
      throw AppError.rateLimited(
        `slow mode: try again in ${Math.ceil(waitMs / 1000)} seconds`,
        waitMs,
      );
  }

  async #mustModerate(actor: Actor, groupId: string): Promise<void> {
    if ((await this.#groups.roleIn(actor, groupId)) !== 'moderator')
      throw new AppError('FORBIDDEN', 'only the group’s moderators can do this');
  }
}
