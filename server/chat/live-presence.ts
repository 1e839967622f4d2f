import type { MemberPresence } from '../../shared/chat/schemas.ts';
import type { GroupService } from '../community/groups/service.ts';
import type { Logger } from '../infra/logger.ts';
import type { HavenSocket } from '../realtime/socket-server.ts';
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

/** Until members can choose (account settings): visible, no last seen. */
const DEFAULT_SETTINGS: PresenceSettings = { invisible: false, lastSeen: false };

export interface PresenceAnnouncer {
  /** Sends `presence` to every socket in the member's groups (cluster-wide). */
  announce(groupIds: string[], presence: MemberPresence): void;
}

export class LivePresence {
  readonly #presence: Presence;
  readonly #groups: GroupService;
  readonly #announcer: PresenceAnnouncer;
  readonly #logger: Logger;
  readonly #sockets = new Map<
    string,
    { socket: HavenSocket; userId: string; state: 'online' | 'away' }
  >();
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(deps: {
    presence: Presence;
    groups: GroupService;
    announcer: PresenceAnnouncer;
    logger: Logger;
  }) {
    this.#presence = deps.presence;
    this.#groups = deps.groups;
    this.#announcer = deps.announcer;
    this.#logger = deps.logger;
    this.#timers.push(setInterval(() => void this.#beat(), BEAT_EVERY_MS));
    this.#timers.push(setInterval(() => void this.#sweep(), SWEEP_EVERY_MS));
    for (const timer of this.#timers) timer.unref();
  }

  async connected(socket: HavenSocket, userId: string): Promise<void> {
    if (this.#closed) return;
    this.#sockets.set(socket.id, { socket, userId, state: 'online' });
    await this.#update(userId, () =>
      this.#presence.connect(userId, socket.id, 'online', DEFAULT_SETTINGS),
    );
  }

  async changed(socket: HavenSocket, userId: string, state: 'online' | 'away'): Promise<void> {
    if (this.#closed) return;
    const entry = this.#sockets.get(socket.id);
    if (entry) entry.state = state;
    await this.#update(userId, () =>
      this.#presence.connect(userId, socket.id, state, DEFAULT_SETTINGS),
    );
  }

  async disconnected(socket: HavenSocket, userId: string): Promise<void> {
    if (this.#closed || !this.#sockets.delete(socket.id)) return;
    await this.#update(userId, () =>
      this.#presence.disconnect(userId, socket.id, DEFAULT_SETTINGS),
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
        this.#update(userId, () => this.#presence.disconnect(userId, socket.id, DEFAULT_SETTINGS)),
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
      if (changed) await this.#tell(userId, state);
    } catch (error) {
      // Redis away: presence is a nicety; chat itself goes on, and the next beat catches up.
      this.#logger.warn(
        { err: (error as Error).message, event: 'chat:presence' },
        'presence not updated',
      );
    }
  }

  async #tell(userId: string, state: PresenceState): Promise<void> {
    if (this.#closed) return;
    const groups = await this.#groups.groupsOf(userId);
    const lastSeen =
      state === 'offline'
        ? ((await this.#presence.statesOf([userId])).get(userId)?.lastSeen ?? null)
        : null;
    this.#announcer.announce(
      groups.map((g) => g.id),
      { userId, state, lastSeen },
    );
  }

  async #beat(): Promise<void> {
    for (const { socket, userId, state } of [...this.#sockets.values()])
      await this.#update(userId, () =>
        this.#presence.heartbeat(userId, socket.id, state, DEFAULT_SETTINGS),
      );
  }

  async #sweep(): Promise<void> {
    try {
      for (const userId of await this.#presence.sweepExpired()) await this.#tell(userId, 'offline');
    } catch (error) {
      this.#logger.warn(
        { err: (error as Error).message, event: 'chat:presence' },
        'presence sweep failed',
      );
    }
  }
}
