import type { PublicUser } from '../../shared/api/accounts.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import { type ChangeMarks, markOf } from '../infra/change-marks.ts';
import { AppError } from '../infra/errors.ts';
import { MarkedCopies } from '../infra/marked-copies.ts';
import type { ChatModeration, ChatTerms } from './moderation.ts';

/**
 * What a send reads of a member and a group before its line may be shown, kept per node so
 * that a group line's broadcast waits for Redis only (the rate limit and the first-attempt
 * claim, send-claims.ts), not for the database as well (docs/chat.md, "Kept per node").
 *
 * Each copy is noted with the marks (change-marks.ts) of its group and its member as read
 * before the database was: the marks are read again beside the limit and the claim on every
 * send, and a copy whose marks moved is read afresh. Every change a copy holds moves one of
 * them before it is acknowledged: a group's moderators and slow mode (`group:<id>`); a
 * member's name, roles, memberships (join, leave, an erased account), mutes and bans
 * (`user:<id>`). So a
 * change acknowledged on any node holds for the next line on every node. A copy also lives
 * at most MAX_AGE_MS, the bound when a node could not move a mark (Redis out of its reach
 * only), and every copy goes when this node's connection to Redis drops.
 */

/** What `ChatService.send` decides on; `group` null: the id is not a group's. */
export interface SendFacts {
  group: { member: boolean; groupModerator: boolean; terms: ChatTerms } | null;
  /** The sender as lines show them; undefined for an account deleted meanwhile. */
  sender: PublicUser | undefined;
}

/** Member-and-group pairs kept per node: a few hundred bytes each, a few MB at most. */
const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 60_000;

export class SendFactsCache {
  readonly #marks: ChangeMarks;
  readonly #read: (userId: string, groupId: string) => Promise<SendFacts>;
  /** Each copy noted with both its marks, as one string. */
  readonly #copies: MarkedCopies<SendFacts>;

  constructor(
    marks: ChangeMarks,
    read: (userId: string, groupId: string) => Promise<SendFacts>,
    maxEntries = MAX_ENTRIES,
  ) {
    this.#marks = marks;
    this.#read = read;
    this.#copies = new MarkedCopies(marks, { maxEntries, maxAgeMs: MAX_AGE_MS });
  }

  /**
   * The facts for a send. Call it in the same tick as the send's other Redis commands: the
   * marks go out with them, and a copy whose marks still hold answers without the database.
   */
  async of(userId: string, groupId: string): Promise<SendFacts> {
    const key = `${userId}:${groupId}`;
    const epoch = this.#copies.epoch;
    let mark: string;
    try {
      mark = JSON.stringify(await this.#marks.read([markOf.group(groupId), markOf.user(userId)]));
    } catch {
      // Redis cannot say what changed: nothing kept is trusted (the send's limit refuses
      // it anyway, UNAVAILABLE); this send reads the database as before.
      this.clear();
      return this.#read(userId, groupId);
    }
    const kept = this.#copies.get(key, mark, epoch);
    if (kept) return kept;
    // Read after the marks came back: a change the database holds too late for this read
    // moved its mark after these were read, so the next send sees it moved.
    const at = this.#copies.now();
    const facts = await this.#read(userId, groupId);
    this.#copies.keep(key, facts, mark, at, epoch);
    return facts;
  }

  get size(): number {
    return this.#copies.size;
  }

  clear(): void {
    this.#copies.clear();
  }
}

/** Where the facts are read from (ChatService's own services). */
export interface FactSources {
  groups: GroupService;
  moderation: Pick<ChatModeration, 'termsOf'>;
  users: UserDirectory;
}

/**
 * A member's place in a group as the database has it; null when the id is not a group's.
 * The restriction and the group's settings are read beside the membership (one round
 * trip); they are only looked at once the membership is known.
 */
export async function groupFactsOf(
  src: FactSources,
  userId: string,
  id: string,
): Promise<Pick<SendFacts, 'group'>> {
  const [role, terms] = await Promise.all([
    // Without the actor's site roles: the group's own moderators only (they come with the
    // request, and ChatService adds them).
    src.groups.roleIn({ id: userId, roles: [] }, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }),
    src.moderation.termsOf(userId, id),
  ]);
  if (role === undefined) return { group: null };
  return { group: { member: role !== null, groupModerator: role === 'moderator', terms } };
}

export async function readSendFacts(
  src: FactSources,
  userId: string,
  id: string,
): Promise<SendFacts> {
  const [{ group }, people] = await Promise.all([
    groupFactsOf(src, userId, id),
    src.users.publicUsers([userId]),
  ]);
  return { group, sender: people.get(userId) };
}

/** The sender's and the replied-to sender's views; the sender's kept one when there is. */
export async function namesFor(
  users: UserDirectory,
  senderId: string,
  other: string | null,
  known: SendFacts | undefined,
): Promise<Map<string, PublicUser>> {
  if (!known) return users.publicUsers(other ? [senderId, other] : [senderId]);
  const people =
    other && other !== senderId ? await users.publicUsers([other]) : new Map<string, PublicUser>();
  if (known.sender) people.set(senderId, known.sender);
  return people;
}
