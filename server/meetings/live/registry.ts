import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { MediaRoom, type WorkerPool } from '../../../sfu/index.ts';
import type { Helped } from '../../../shared/meetings/feedback.ts';
import { AppError } from '../../infra/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import type { Metrics } from '../../infra/metrics.ts';
import type { MeetingNamespace } from '../../realtime/socket-server.ts';
import type { DirectoryService } from '../directory/service.ts';
import { AttendanceCounter } from './attendance.ts';
import { recoverMedia } from './live-media.ts';
import { LiveMeeting } from './live-meeting.ts';
import type { LiveMeetingInfo } from './live-meeting-setup.ts';
import { Raters } from './raters.ts';

export interface LiveMeetingsDeps {
  pool: WorkerPool;
  directory: DirectoryService;
  connection: Connection;
  redis: Redis | undefined;
  logger: Logger;
  metrics: Metrics;
  namespace: MeetingNamespace;
  nodeId?: string | undefined;
  facilitatorGraceMs?: number | undefined;
  rejoinGraceMs?: number | undefined;
  /** The clock of time spent in a room (attendance slips); tests move it. */
  now?: (() => number) | undefined;
  /** A minute of breakout time; tests shorten it to see rooms close on time. */
  breakoutMinuteMs?: number | undefined;
}

/** A meeting whose facilitators all left ends after this, unless one comes back. */
const FACILITATOR_GRACE_MS = 5 * 60 * 1000;
/** A dropped connection may come back without the waiting room within this. */
const REJOIN_GRACE_MS = 2 * 60 * 1000;
/** The registry entry lives this long unless refreshed, so a crashed node's claims lapse. */
const CLAIM_TTL_SECONDS = 30;

/**
 * The live meetings hosted by this node, and the cluster-wide registry (Redis) saying
 * which node hosts which, so two nodes never open the same meeting. Opening is locked per
 * meeting id in this process too: two simultaneous joins never make two routers.
 */
export class LiveMeetings {
  readonly #raters = new Raters();
  readonly #deps: LiveMeetingsDeps;
  readonly #meetings = new Map<string, LiveMeeting>();
  readonly #opening = new Map<string, Promise<LiveMeeting>>();
  readonly #attendance: AttendanceCounter;
  readonly #nodeId: string;
  readonly #refresh: NodeJS.Timeout;

  constructor(deps: LiveMeetingsDeps) {
    this.#deps = deps;
    this.#attendance = new AttendanceCounter(deps.connection);
    this.#nodeId = deps.nodeId ?? `${hostname()}:${process.pid}`;
    this.#refresh = setInterval(() => void this.#refreshClaims(), (CLAIM_TTL_SECONDS * 1000) / 3);
    this.#refresh.unref();
  }

  /** The directory's rules for who may join and who hosts. */
  get directory(): DirectoryService {
    return this.#deps.directory;
  }

  get(meetingId: string): LiveMeeting | undefined {
    const meeting = this.#meetings.get(meetingId);
    return meeting && !meeting.ended ? meeting : undefined;
  }

  /** Live on this node, or on another per the registry. */
  async isLive(meetingId: string): Promise<boolean> {
    if (this.get(meetingId)) return true;
    if (!this.#deps.redis) return false;
    // A claim naming this node without a meeting here is one being released.
    const holder = await this.#deps.redis.get(claimKey(meetingId));
    return holder !== null && holder !== this.#nodeId;
  }

  /** The meeting's live room, opening it (for a host) if it is not live yet. */
  async open(meetingId: string, info: LiveMeetingInfo): Promise<LiveMeeting> {
    const live = this.get(meetingId);
    if (live) return live;
    let opening = this.#opening.get(meetingId);
    if (!opening) {
      opening = this.#create(meetingId, info).finally(() => this.#opening.delete(meetingId));
      this.#opening.set(meetingId, opening);
    }
    return opening;
  }

  async #create(meetingId: string, info: LiveMeetingInfo) {
    await this.#claim(meetingId);
    let media: MediaRoom;
    try {
      media = await MediaRoom.create(this.#deps.pool, meetingId);
    } catch (error) {
      await this.#release(meetingId);
      throw error;
    }
    const { logger, metrics } = this.#deps;
    const meeting: LiveMeeting = new LiveMeeting({ meetingId, ...info }, media, {
      namespace: this.#deps.namespace,
      logger,
      facilitatorGraceMs: this.#deps.facilitatorGraceMs ?? FACILITATOR_GRACE_MS,
      rejoinGraceMs: this.#deps.rejoinGraceMs ?? REJOIN_GRACE_MS,
      now: this.#deps.now ?? Date.now,
      breakoutMinuteMs: this.#deps.breakoutMinuteMs ?? 60_000,
      onAdmitted: (inRoom, userId) => {
        this.#raters.attended(meetingId, userId);
        this.#attendance
          .admitted(meetingId, meeting.openedAt, inRoom)
          .catch((error: Error) =>
            logger.error({ meetingId, err: error.message }, 'attendance count not saved'),
          );
      },
      onEnded: () => {
        this.#raters.ended(meetingId);
        if (this.#meetings.get(meetingId) === meeting) this.#meetings.delete(meetingId);
        metrics.liveMeetings.set(this.#meetings.size);
        void this.#release(meetingId);
      },
    });
    this.#raters.opened(meetingId, meeting.openedAt);
    media.on('routerlost', () => void recoverMedia(meeting, logger));
    this.#meetings.set(meetingId, meeting);
    metrics.liveMeetings.set(this.#meetings.size);
    logger.info({ meetingId, routerId: media.routerId }, 'live meeting opened');
    return meeting;
  }

  async #claim(meetingId: string): Promise<void> {
    const redis = this.#deps.redis;
    if (!redis) return;
    const key = claimKey(meetingId);
    const claimed = await redis.set(key, this.#nodeId, 'EX', CLAIM_TTL_SECONDS, 'NX');
    if (claimed === 'OK') return;
    const holder = await redis.get(key);
    if (holder === this.#nodeId) return;
    // Another node hosts it; the load balancer must send this meeting's sockets there.
    throw new AppError('UNAVAILABLE', 'this meeting is hosted on another Haven node');
  }

  async #release(meetingId: string): Promise<void> {
    const redis = this.#deps.redis;
    if (!redis) return;
    const key = claimKey(meetingId);
    if ((await redis.get(key).catch(() => null)) === this.#nodeId)
      await redis.del(key).catch(() => {});
  }

  async #refreshClaims(): Promise<void> {
    const redis = this.#deps.redis;
    if (!redis) return;
    for (const meetingId of this.#meetings.keys())
      await redis.expire(claimKey(meetingId), CLAIM_TTL_SECONDS).catch(() => {});
  }

  attendance(meetingId: string) {
    return this.#attendance.forMeeting(meetingId);
  }

  /** One anonymous rating from someone who was in the meeting (raters.ts), once. */
  async rate(userId: string, rating: { meetingId: string; rating: number; helped: Helped[] }) {
    const openedAt = this.#raters.take(rating.meetingId, userId);
    await this.#attendance.rated(rating.meetingId, openedAt, rating.rating, rating.helped);
  }

  /** This node is stopping: its meetings end (their media cannot move with it). */
  async close(): Promise<void> {
    clearInterval(this.#refresh);
    for (const meeting of [...this.#meetings.values()]) meeting.end('server-shutdown');
    this.#meetings.clear();
  }
}

const claimKey = (meetingId: string) => `haven:live-meeting:${meetingId}`;
