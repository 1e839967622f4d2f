import DataLoader from 'dataloader';
import type { MemberPresence } from '../../shared/chat/schemas.ts';
import type { GroupService } from '../community/groups/service.ts';
import type { Logger } from '../infra/logger.ts';
import type { HavenSocket } from '../realtime/socket-server.ts';
import type { Contacts } from './contacts.ts';
import type { Presence, PresenceSettings, PresenceState } from './presence.ts';

/**
 * Presence as the `/chat` namespace uses it (presence.ts keeps it in Redis): each chat
 * socket is a connection of its member; this node beats for its own sockets, so a node
 * that dies stops beating and its members go offline by themselves; every node sweeps for
 * lapsed members and tells their groups. Only those who share a group see the change.
 */

/**
 * A crashed node's members must read offline, and be announced so, within 30 s: their
 * connections lapse at most 20 s after the last beat, and a sweep finds them within 3 s.
 */
export const PRESENCE_TTL_SECONDS = 20;
/** Well inside the expiry, so a live node's members never lapse between beats. */
const BEAT_EVERY_MS = 5_000;
const SWEEP_EVERY_MS = 3_000;

/** A member's choices (appear offline, show last seen) are read again after this long. */
const CHOICES_FOR_MS = 30_000;
/** What a member who never chose shows: online, no "last seen" (account defaults). */
const DEFAULT_CHOICES: PresenceSettings = { invisible: false, lastSeen: false };
const NO_AUDIENCE: PresenceAudience = { groupIds: [], contactIds: [], hiddenFrom: [] };

/** Who hears of a member's presence: their groups and contacts, never those they blocked. */
export interface PresenceAudience {
  groupIds: string[];
  contactIds: string[];
  hiddenFrom: string[];
}

/** `audiencesOf` from the community's records: members' groups, contacts and blocks. */
export function presenceAudiences(
  groups: Pick<GroupService, 'groupIdsOfMembers'>,
  contacts: Pick<Contacts, 'presenceCircles'>,
) {
  return async (userIds: readonly string[]): Promise<Map<string, PresenceAudience>> => {
    const [groupIds, circles] = await Promise.all([
      groups.groupIdsOfMembers(userIds),
      contacts.presenceCircles(userIds),
    ]);
    return new Map(
      userIds.map((id) => [
        id,
        {
          groupIds: groupIds.get(id) ?? [],
          contactIds: circles.get(id)?.contacts ?? [],
          hiddenFrom: circles.get(id)?.hiddenFrom ?? [],
        },
      ]),
    );
  };
}

/**
 * What is asked for members in one tick, read in one go (at most 500 ids a query); a member
 * the read does not answer gets `missing`. No cache of its own: #settings keeps choices for
 * CHOICES_FOR_MS, and an announcement must read what is true now.
 */
function readTogether<V>(
  read: (userIds: readonly string[]) => Promise<Map<string, V>>,
  missing: V,
): DataLoader<string, V> {
  return new DataLoader(
    async (userIds) => {
      const found = await read(userIds);
      return userIds.map((id) => found.get(id) ?? missing);
    },
    { cache: false, maxBatchSize: 500 },
  );
}

export interface PresenceAnnouncer {
  /** Sends `presence` to every socket of the audience (cluster-wide). */
  announce(audience: PresenceAudience, presence: MemberPresence): void;
}

export class LivePresence {
  readonly #presence: Presence;
  readonly #announcer: PresenceAnnouncer;
  readonly #logger: Logger;
  readonly #sockets = new Map<
    string,
    { socket: HavenSocket; userId: string; state: 'online' | 'away' }
  >();
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  /** Choices asked for in one tick (a beat's members, a burst of connections): one read. */
  readonly #choicesLoader: DataLoader<string, PresenceSettings>;
  readonly #choicesForMs: number;
  /** Who hears of each member, and their last seen: read together for a burst of changes. */
  readonly #audiences: DataLoader<string, PresenceAudience>;
  readonly #lastSeen: DataLoader<string, number | null>;
  readonly #choices = new Map<string, { choices: Promise<PresenceSettings>; until: number }>();
  readonly #telling = new Map<string, Promise<void>>();
  #closed = false;

  constructor(deps: {
    presence: Presence;
    announcer: PresenceAnnouncer;
    logger: Logger;
    /** Members' privacy choices for presence (account settings), several in one read. */
    choicesOf: (userIds: readonly string[]) => Promise<Map<string, PresenceSettings>>;
    /** Who hears of each member's presence (their groups and contacts), several in one read. */
    audiencesOf: (userIds: readonly string[]) => Promise<Map<string, PresenceAudience>>;
    /** Tests beat and sweep faster, with a presence TTL to match, and let choices lapse sooner. */
    beatEveryMs?: number;
    sweepEveryMs?: number;
    choicesForMs?: number;
  }) {
    // Choices lapse together (a beat's members) and announcements come in bursts (a node's
    // members lapsing in one sweep, a restarted node's reconnecting): each shares a read.
    this.#choicesLoader = readTogether(deps.choicesOf, DEFAULT_CHOICES);
    this.#audiences = readTogether(deps.audiencesOf, NO_AUDIENCE);
    this.#lastSeen = readTogether(
      async (userIds) =>
        new Map([...(await deps.presence.statesOf(userIds))].map(([id, s]) => [id, s.lastSeen])),
      null,
    );
    this.#choicesForMs = deps.choicesForMs ?? CHOICES_FOR_MS;
    this.#presence = deps.presence;
    this.#announcer = deps.announcer;
    this.#logger = deps.logger;
    this.#timers.push(setInterval(() => void this.#beat(), deps.beatEveryMs ?? BEAT_EVERY_MS));
    this.#timers.push(setInterval(() => void this.#sweep(), deps.sweepEveryMs ?? SWEEP_EVERY_MS));
    for (const timer of this.#timers) timer.unref();
  }

  async connected(socket: HavenSocket, userId: string): Promise<void> {
    if (this.#closed) return;
    this.#sockets.set(socket.id, { socket, userId, state: 'online' });
    await this.#update(userId, async () =>
      this.#presence.connect(userId, socket.id, 'online', await this.#settings(userId)),
    );
  }

  async changed(socket: HavenSocket, userId: string, state: 'online' | 'away'): Promise<void> {
    if (this.#closed) return;
    const entry = this.#sockets.get(socket.id);
    if (entry) entry.state = state;
    await this.#update(userId, async () =>
      this.#presence.connect(userId, socket.id, state, await this.#settings(userId)),
    );
  }

  async disconnected(socket: HavenSocket, userId: string): Promise<void> {
    if (this.#closed || !this.#sockets.delete(socket.id)) return;
    await this.#update(userId, async () =>
      this.#presence.disconnect(userId, socket.id, await this.#settings(userId)),
    );
  }

  /** The presence of a group's members, one Redis round trip. */
  async of(userIds: string[]): Promise<MemberPresence[]> {
    const states = await this.#presence.statesOf(userIds);
    return userIds.map((userId) => ({
      userId,
      state: states.get(userId)?.state ?? 'offline',
      lastSeen: states.get(userId)?.lastSeen ?? null,
    }));
  }

  /**
   * A node shutting down: its members' connections end now and their groups are told,
   * while the Socket.IO adapter can still carry it; nothing is sent after this.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    for (const timer of this.#timers) clearInterval(timer);
    const mine = [...this.#sockets.values()];
    this.#sockets.clear();
    await Promise.all(
      mine.map(({ socket, userId }) =>
        this.#update(userId, async () =>
          this.#presence.disconnect(userId, socket.id, await this.#settings(userId)),
        ),
      ),
    );
    this.#closed = true;
    await Promise.all(this.#inFlight);
  }

  #update(
    userId: string,
    change: () => Promise<{ state: PresenceState; changed: boolean }>,
  ): Promise<void> {
    const running = this.#apply(userId, change);
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
    return running;
  }

  async #apply(
    userId: string,
    change: () => Promise<{ state: PresenceState; changed: boolean }>,
  ): Promise<void> {
    try {
      const { state, changed } = await change();
      if (changed) await this.#tellInOrder(userId, state);
    } catch (error) {
      // Redis away: presence is a nicety; chat itself goes on, and the next beat catches up.
      this.#logger.warn(
        { err: (error as Error).message, event: 'chat:presence' },
        'presence not updated',
      );
    }
  }

  /** The member's presence choices, as this node holds them (their typing follows them). */
  choicesOf(userId: string): Promise<PresenceSettings> {
    return this.#settings(userId);
  }

  /**
   * A member's choices, read at most every 30 s per node: a change in the account reaches
   * every node's next beat within that, without a database read per beat. Those that lapse
   * together (a node's members connect in waves, and lapse in the same beat) are read in one
   * query: one read each was a burst of hundreds every 30 s, stalling the node's chat for
   * 100-200 ms at a time (bench:chat's p99). A read that fails is not kept: the next beat
   * asks again, and meanwhile the member's last known choices (or the defaults) hold.
   */
  #settings(userId: string): Promise<PresenceSettings> {
    const cached = this.#choices.get(userId);
    if (cached && cached.until > Date.now()) return cached.choices;
    const known = cached?.choices ?? Promise.resolve(DEFAULT_CHOICES);
    const choices = this.#choicesLoader.load(userId).catch(() => {
      // Lapsed at once, so the next beat asks again; what was known stays known.
      if (this.#choices.get(userId)?.choices === choices)
        this.#choices.set(userId, { choices: known, until: 0 });
      return known;
    });
    this.#choices.set(userId, { choices, until: Date.now() + this.#choicesForMs });
    return choices;
  }

  /**
   * A member's changes are announced one after the other, in the order Redis made them: each
   * announcement first reads the member's groups and contacts, and a tab reloading (offline,
   * then online) must never reach the others as online, then offline.
   */
  #tellInOrder(userId: string, state: PresenceState): Promise<void> {
    const before = this.#telling.get(userId) ?? Promise.resolve();
    const told = before.catch(() => undefined).then(() => this.#tell(userId, state));
    this.#telling.set(userId, told);
    void told
      .finally(() => {
        if (this.#telling.get(userId) === told) this.#telling.delete(userId);
      })
      .catch(() => undefined);
    return told;
  }

  async #tell(userId: string, state: PresenceState): Promise<void> {
    if (this.#closed) return;
    const [audience, lastSeen] = await Promise.all([
      this.#audiences.load(userId),
      state === 'offline' ? this.#lastSeen.load(userId) : null,
    ]);
    this.#announcer.announce(audience, { userId, state, lastSeen });
  }

  /** Every socket of this node beats in one round trip (Presence.heartbeats). */
  async #beat(): Promise<void> {
    const mine = [...this.#sockets.values()];
    this.#forgetChoices(new Set(mine.map(({ userId }) => userId)));
    if (mine.length === 0) return;
    const beating = (async () => {
      const settings = await Promise.all(mine.map(({ userId }) => this.#settings(userId)));
      const changes = await this.#presence.heartbeats(
        mine.map(({ socket, userId, state }, i) => ({
          userId,
          connectionId: socket.id,
          state,
          settings: settings[i] ?? { invisible: false, lastSeen: false },
        })),
      );
      await Promise.all(
        changes.map(({ state, changed }, i) => {
          const userId = mine[i]?.userId;
          return changed && userId ? this.#tellInOrder(userId, state) : undefined;
        }),
      );
    })().catch((error: Error) => {
      // Redis away: the next beat catches up; members lapse only after the whole TTL.
      this.#logger.warn({ err: error.message, event: 'chat:presence' }, 'presence not updated');
    });
    this.#inFlight.add(beating);
    await beating;
    this.#inFlight.delete(beating);
  }

  /** Members whose choices this node keeps (they went, or have a tab open here). */
  get keptChoices(): number {
    return this.#choices.size;
  }

  /** A node up for months would otherwise keep the choices of every member it ever had. */
  #forgetChoices(here: Set<string>): void {
    const now = Date.now();
    for (const [userId, kept] of this.#choices)
      if (kept.until <= now && !here.has(userId)) this.#choices.delete(userId);
  }

  async #sweep(): Promise<void> {
    try {
      const lapsed = await this.#presence.sweepExpired();
      // All at once, so their announcements share their reads (#audiences, #lastSeen).
      await Promise.all(lapsed.map((userId) => this.#tellInOrder(userId, 'offline')));
    } catch (error) {
      this.#logger.warn(
        { err: (error as Error).message, event: 'chat:presence' },
        'presence sweep failed',
      );
    }
  }
}
