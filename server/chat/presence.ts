import type { Redis } from 'ioredis';
import { AppError } from '../infra/errors.ts';
import { CONNECT_LUA, DISCONNECT_LUA, STATES_LUA, SWEEP_LUA } from './presence-scripts.ts';

/**
 * Live presence for group chat (issue 16): who is online, away or offline, shared by every
 * Haven node through Redis.
 *
 * API
 *   new Presence({ redis, namespace, ttlSeconds = 30, now?, timeoutMs = 5000,
 *                  lastSeenTtlSeconds = 30 days })
 *   connect(userId, connectionId, 'online' | 'away', { invisible, lastSeen })
 *       -> { state, changed }   a connection came up, beats again, or changed state
 *   heartbeat(...)             the same as connect
 *   disconnect(userId, connectionId, { invisible, lastSeen }) -> { state, changed }
 *   statesOf(userIds) -> Map<userId, { state, lastSeen: epoch ms | null }>   one round trip
 *   sweepExpired() -> userIds whose visible state changed because connections lapsed
 *   forgetLastSeen(userId)     when a member turns last seen off while not connected
 * `state` is always what other members see; `changed` tells the caller to broadcast.
 * Who may see whose presence is the caller's business, not this module's.
 *
 * Semantics
 * - A member is online if any live connection (tab, device) is online, away if every live
 *   one is away, offline if none is live. Invisible members read as offline while connected.
 * - A connection is live until ttlSeconds after its last beat; clients beat well inside that.
 *   A crashed node's members read offline within ttlSeconds with no cleanup by anyone;
 *   sweepExpired (every few seconds, on every node: concurrent sweeps report each change
 *   once) only finds them so the caller can broadcast the change; a sweep later than one
 *   more ttl finds nothing to report, since Redis has dropped the keys by then.
 * - A beat that arrives after its connection's disconnect revives it until it lapses.
 * - Last seen is stored only for members whose settings say so and deleted as soon as a
 *   call says otherwise. It is the last moment the member was visibly present.
 * - Time is Redis server time, the same for every node, unless `now` is given (tests).
 * - Redis unreachable or too slow (timeoutMs): every method rejects with
 *   AppError('UNAVAILABLE'); nothing is kept on the node, so it works again as soon as the
 *   client reconnects (an ioredis client reconnects by itself unless told not to).
 *   Redis refusing a script ("ERR ...") is a bug, not an outage, and is thrown unchanged.
 * - One Redis (or a primary), not Redis Cluster: the sweep builds member keys in Lua.
 *
 * Redis keys (P = "<namespace>:presence:"), all with a TTL, holding ids, states and times only
 *   P conn:<userId>    ZSET "o:<connectionId>" | "a:<connectionId>" -> expiry (epoch ms)
 *   P member:<userId>  HASH vis = state others last saw, inv = "1" | "0"
 *   P seen:<userId>    STRING last seen (epoch ms); exists only for members who opted in
 *   P members          ZSET userId -> earliest connection expiry, for sweepExpired
 * conn, member and members live 2 x ttl (one ttl of grace so a sweep still sees what
 * others last saw); seen lives lastSeenTtlSeconds.
 */

export type PresenceState = 'online' | 'away' | 'offline';

export interface PresenceSettings {
  /** Appear offline to others while connected. */
  invisible: boolean;
  /** The member turned "last seen" on; off by default. */
  lastSeen: boolean;
}

export interface PresenceOptions {
  redis: Redis;
  /** Key prefix; every test gives its own. */
  namespace: string;
  ttlSeconds?: number;
  /** Epoch ms; Redis server time when absent. */
  now?: () => number;
  /** A Redis that does not answer within this long counts as unavailable. */
  timeoutMs?: number;
  lastSeenTtlSeconds?: number;
}

export interface PresenceChange {
  state: PresenceState;
  changed: boolean;
}

export interface MemberPresence {
  state: PresenceState;
  lastSeen: number | null;
}

type Arg = string | number;
interface PresenceCommands {
  havenPresenceConnect(...args: Arg[]): Promise<[PresenceState, number]>;
  havenPresenceDisconnect(...args: Arg[]): Promise<[PresenceState, number]>;
  havenPresenceStates(...args: Arg[]): Promise<string[]>;
  havenPresenceSweep(...args: Arg[]): Promise<[number, ...string[]]>;
}

interface PresencePipeline {
  havenPresenceConnect(...args: Arg[]): PresencePipeline;
  exec(): Promise<Array<[Error | null, unknown]> | null>;
}

/** One connection's beat: who, which connection, its state and the member's choices. */
export interface Beat {
  userId: string;
  connectionId: string;
  state: 'online' | 'away';
  settings: PresenceSettings;
}

const SWEEP_BATCH = 500;
const DAY_SECONDS = 24 * 60 * 60;

/** Scripts are the same for every instance, so defining them once per client suffices. */
function commandsOf(redis: Redis): Redis & PresenceCommands {
  const client = redis as Redis & Partial<PresenceCommands>;
  if (typeof client.havenPresenceConnect !== 'function') {
    redis.defineCommand('havenPresenceConnect', { lua: CONNECT_LUA, numberOfKeys: 4 });
    redis.defineCommand('havenPresenceDisconnect', { lua: DISCONNECT_LUA, numberOfKeys: 4 });
    // The key count varies with the number of members asked about.
    redis.defineCommand('havenPresenceStates', { lua: STATES_LUA });
    redis.defineCommand('havenPresenceSweep', { lua: SWEEP_LUA, numberOfKeys: 1 });
  }
  return client as Redis & PresenceCommands;
}

function unavailable(): AppError {
  return new AppError('UNAVAILABLE', 'presence store unreachable');
}

/**
 * Redis answering "ERR"/"WRONGTYPE" is a bug here (a script or key clash), not an outage;
 * it goes up unchanged so it surfaces as INTERNAL. Anything else (connection closed,
 * retries exhausted, LOADING, READONLY, ...) is the store being unavailable.
 */
function isBug(error: unknown): boolean {
  return (
    error instanceof Error && error.name === 'ReplyError' && /^(ERR|WRONGTYPE)/.test(error.message)
  );
}

function requireId(kind: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AppError('INVALID_INPUT', `${kind} must be a non-empty string`);
  }
}

const flag = (value: boolean): string => (value ? '1' : '0');

export class Presence {
  private readonly redis: Redis & PresenceCommands;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly keepMs: number;
  private readonly seenTtlMs: number;
  private readonly timeoutMs: number;
  private readonly now: (() => number) | undefined;

  constructor(options: PresenceOptions) {
    this.redis = commandsOf(options.redis);
    this.prefix = `${options.namespace}:presence:`;
    this.ttlMs = Math.round((options.ttlSeconds ?? 30) * 1000);
    this.keepMs = this.ttlMs * 2;
    this.seenTtlMs = Math.round((options.lastSeenTtlSeconds ?? 30 * DAY_SECONDS) * 1000);
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now;
  }

  async connect(
    userId: string,
    connectionId: string,
    state: 'online' | 'away',
    settings: PresenceSettings,
  ): Promise<PresenceChange> {
    requireId('userId', userId);
    requireId('connectionId', connectionId);
    return this.run(async () => {
      const [visible, changed] = await this.redis.havenPresenceConnect(
        ...this.connectArgs(userId, connectionId, state, settings),
      );
      return { state: visible, changed: changed === 1 };
    });
  }

  private connectArgs(
    userId: string,
    connectionId: string,
    state: 'online' | 'away',
    settings: PresenceSettings,
  ): Arg[] {
    return [
      ...this.memberKeys(userId),
      userId,
      connectionId,
      state === 'away' ? 'a' : 'o',
      flag(settings.invisible),
      flag(settings.lastSeen),
      this.ttlMs,
      this.keepMs,
      this.seenTtlMs,
      this.clock(),
    ];
  }

  async heartbeat(
    userId: string,
    connectionId: string,
    state: 'online' | 'away',
    settings: PresenceSettings,
  ): Promise<PresenceChange> {
    return this.connect(userId, connectionId, state, settings);
  }

  /**
   * A node's beats for all its connections in one round trip (a pipeline): one call per
   * connection in turn would cost a node with thousands of sockets seconds of waiting, and a
   * write and a read each. The answers come in the order of `beats`.
   */
  async heartbeats(beats: readonly Beat[]): Promise<PresenceChange[]> {
    for (const beat of beats) {
      requireId('userId', beat.userId);
      requireId('connectionId', beat.connectionId);
    }
    if (beats.length === 0) return [];
    return this.run(async () => {
      const pipeline = this.redis.pipeline() as unknown as PresencePipeline;
      for (const { userId, connectionId, state, settings } of beats)
        pipeline.havenPresenceConnect(...this.connectArgs(userId, connectionId, state, settings));
      const replies = (await pipeline.exec()) ?? [];
      return replies.map(([error, reply]) => {
        if (error) throw error;
        const [visible, changed] = reply as [PresenceState, number];
        return { state: visible, changed: changed === 1 };
      });
    });
  }

  async disconnect(
    userId: string,
    connectionId: string,
    settings: PresenceSettings,
  ): Promise<PresenceChange> {
    requireId('userId', userId);
    requireId('connectionId', connectionId);
    return this.run(async () => {
      const [visible, changed] = await this.redis.havenPresenceDisconnect(
        ...this.memberKeys(userId),
        userId,
        connectionId,
        flag(settings.invisible),
        flag(settings.lastSeen),
        this.keepMs,
        this.seenTtlMs,
        this.clock(),
      );
      return { state: visible, changed: changed === 1 };
    });
  }

  async statesOf(userIds: readonly string[]): Promise<Map<string, MemberPresence>> {
    const ids = [...new Set(userIds)];
    for (const id of ids) requireId('userId', id);
    return this.run(async () => {
      const result = new Map<string, MemberPresence>();
      if (ids.length === 0) return result;
      const keys = ids.flatMap((id) => [
        this.key('conn', id),
        this.key('member', id),
        this.key('seen', id),
      ]);
      const reply = await this.redis.havenPresenceStates(keys.length, ...keys, this.clock());
      ids.forEach((id, i) => {
        const seen = reply[i * 2 + 1];
        result.set(id, {
          state: reply[i * 2] as PresenceState,
          lastSeen: seen ? Number(seen) : null,
        });
      });
      return result;
    });
  }

  async sweepExpired(): Promise<string[]> {
    return this.run(async () => {
      const changed: string[] = [];
      const prefix = `${this.redis.options.keyPrefix ?? ''}${this.prefix}`;
      // Batches keep each script short, so Redis never stalls other nodes for long.
      for (;;) {
        const [looked, ...ids] = await this.redis.havenPresenceSweep(
          this.key('members'),
          prefix,
          this.clock(),
          SWEEP_BATCH,
          this.keepMs,
        );
        changed.push(...ids);
        if (looked < SWEEP_BATCH) return changed;
      }
    });
  }

  async forgetLastSeen(userId: string): Promise<void> {
    requireId('userId', userId);
    return this.run(async () => {
      await this.redis.del(this.key('seen', userId));
    });
  }

  private key(kind: 'conn' | 'member' | 'seen' | 'members', userId?: string): string {
    return userId === undefined ? `${this.prefix}${kind}` : `${this.prefix}${kind}:${userId}`;
  }

  private memberKeys(userId: string): string[] {
    return [
      this.key('conn', userId),
      this.key('member', userId),
      this.key('seen', userId),
      this.key('members'),
    ];
  }

  /** An empty string lets the scripts read Redis's own clock. */
  private clock(): string {
    return this.now ? String(Math.round(this.now())) : '';
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    const attempt = operation();
    // A reply that arrives after the timeout has nobody waiting for it.
    attempt.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable()), this.timeoutMs);
    });
    try {
      return await Promise.race([attempt, timedOut]);
    } catch (error) {
      if (error instanceof AppError || isBug(error)) throw error;
      const failure = unavailable();
      failure.cause = error;
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }
}
