import { EventEmitter } from 'node:events';
import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import os from 'node:os';
import type { types } from 'mediasoup';
import { DEFAULT_MEDIA_CODECS } from './media-codecs.ts';

type Mediasoup = typeof import('mediasoup');

/** The subset of pino the pool needs, so a pino logger (or a child of it) fits as is. */
export interface PoolLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Routers that vanished with their worker; tags[i] is the tag routerIds[i] was created with. */
export interface RoutersLost {
  workerPid: number;
  routerIds: string[];
  tags: string[];
}

export interface WorkerPoolOptions {
  /** Number of worker processes; defaults to one per CPU the process may use. */
  size?: number;
  /** Defaults to process.env.MEDIASOUP_WORKER_BIN (see loadMediasoup for why it matters). */
  workerBin?: string;
  logLevel?: types.WorkerLogLevel;
  logTags?: types.WorkerLogTag[];
  rtcMinPort?: number;
  rtcMaxPort?: number;
  /**
   * Where WebRTC media listens. With `webRtcServerPort` set, every worker opens one
   * WebRtcServer (UDP and TCP on port + slot index) so a deployment opens a handful of
   * ports; `webRtcServer: false` falls back to a port per transport from rtcMin/MaxPort.
   * Without a port, each worker's WebRtcServer takes a free one from that range (tests).
   */
  network?: MediaNetwork;
  /** Called when a worker dies with routers on it, so the meeting layer can tell people. */
  onRoutersLost?: (lost: RoutersLost) => void;
  logger?: PoolLogger;
}

export interface MediaNetwork {
  listenIp: string;
  /** The address clients reach (behind NAT, the public one); defaults to listenIp. */
  announcedIp?: string | undefined;
  webRtcServer: boolean;
  webRtcServerPort?: number | undefined;
}

const DEFAULT_NETWORK: MediaNetwork = { listenIp: '127.0.0.1', webRtcServer: true };

export type WorkerPoolEvents = {
  workerdied: [{ workerPid: number; slot: number }];
  workerreplaced: [{ workerPid: number; slot: number; replaces: number }];
  routerslost: [RoutersLost];
};

export interface WorkerPoolStats {
  workers: number;
  alive: number;
  routers: number;
}

/** One running worker and the routers the pool created on it. */
interface Entry {
  worker: types.Worker;
  webRtcServer: types.WebRtcServer | undefined;
  routers: Map<string, string>; // router id -> tag
  pending: number; // createRouter calls in flight, so bursts spread across workers
  startedAt: number;
}

/** A fixed position in the pool; its entry is replaced when the worker dies. */
interface Slot {
  index: number;
  current: Entry | undefined;
  failures: number; // consecutive failed spawns or early deaths, drives the backoff
  timer: NodeJS.Timeout | undefined;
  spawning: Promise<void> | undefined;
}

// A worker that dies sooner than this after starting counts as failing, not as a one-off.
const STABLE_AFTER_MS = 10_000;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 30_000;

/** Two immediate retries, then exponential: a broken binary or host never spins the CPU. */
export function respawnDelay(failures: number): number {
  if (failures <= 1) return 0;
  return Math.min(BACKOFF_MIN_MS * 2 ** (failures - 2), BACKOFF_MAX_MS);
}

const defaultLogger: PoolLogger = {
  info() {},
  warn: (obj, msg) => console.warn(`[sfu] ${msg ?? ''}`, obj),
  error: (obj, msg) => console.error(`[sfu] ${msg ?? ''}`, obj),
};

/**
 * mediasoup 3.12 reads MEDIASOUP_WORKER_BIN once, when its Worker module is first
 * evaluated (node/lib/Worker.js), not at createWorker(). So the variable is set here and
 * mediasoup is imported only afterwards; if something imported mediasoup earlier with
 * another binary, fail loudly instead of spawning the wrong (or a missing) one.
 */
async function loadMediasoup(workerBin: string): Promise<Mediasoup> {
  process.env.MEDIASOUP_WORKER_BIN = workerBin;
  const mediasoup = await import('mediasoup');
  if (mediasoup.workerBin !== workerBin) {
    throw new Error(
      `mediasoup was imported before the worker pool, with worker binary ${mediasoup.workerBin}; ` +
        'set MEDIASOUP_WORKER_BIN before anything imports mediasoup',
    );
  }
  return mediasoup;
}

/**
 * mediasoup workers, one router per meeting on the least-loaded one. A worker that dies is
 * replaced, and the routers it held are reported (onRoutersLost / 'routerslost') because
 * they cannot be recovered: their transports and producers lived in the dead process.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  readonly #mediasoup: Mediasoup;
  readonly #opts: WorkerPoolOptions;
  readonly #log: PoolLogger;
  readonly #slots: Slot[];
  #closed = false;

  static async create(opts: WorkerPoolOptions = {}): Promise<WorkerPool> {
    const size = opts.size ?? os.availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid pool size ${size}`);
    const workerBin = opts.workerBin ?? process.env.MEDIASOUP_WORKER_BIN;
    if (!workerBin) {
      throw new Error(
        'no mediasoup worker binary: pass workerBin or set MEDIASOUP_WORKER_BIN ' +
          '(node scripts/build-worker.mjs builds one and prints its path)',
      );
    }
    await access(workerBin, fsConstants.X_OK).catch(() => {
      throw new Error(`mediasoup worker binary ${workerBin} is missing or not executable`);
    });
    const pool = new WorkerPool(await loadMediasoup(workerBin), opts, size);
    await pool.#start();
    return pool;
  }

  private constructor(mediasoup: Mediasoup, opts: WorkerPoolOptions, size: number) {
    super();
    this.#mediasoup = mediasoup;
    this.#opts = opts;
    this.#log = opts.logger ?? defaultLogger;
    this.#slots = Array.from({ length: size }, (_, index) => ({
      index,
      current: undefined,
      failures: 0,
      timer: undefined,
      spawning: undefined,
    }));
  }

  /** All workers must come up at start: a broken binary is reported, not retried forever. */
  async #start(): Promise<void> {
    const results = await Promise.allSettled(
      this.#slots.map(async (slot) => {
        const worker = await this.#createWorker(slot);
        try {
          this.#attach(slot, worker, await this.#createWebRtcServer(slot, worker));
        } catch (error) {
          worker.close();
          throw error;
        }
      }),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) {
      await this.close();
      throw failed.reason;
    }
    this.#log.info({ workers: this.#slots.length }, 'mediasoup worker pool started');
  }

  /** Creates a router tagged with `tag` (the meeting id) on the least-loaded live worker. */
  async createRouter(
    tag: string,
    mediaCodecs: types.RtpCodecCapability[] = DEFAULT_MEDIA_CODECS,
  ): Promise<types.Router> {
    if (this.#closed) throw new Error('the worker pool is closed');
    const entry = this.#leastLoaded();
    if (!entry) throw new Error('no mediasoup worker is alive');
    entry.pending++;
    try {
      const router = await entry.worker.createRouter({
        // mediasoup may normalise what it is given; keep the shared defaults pristine.
        mediaCodecs: structuredClone(mediaCodecs),
        appData: { tag },
      });
      entry.routers.set(router.id, tag);
      router.observer.once('close', () => {
        // When the worker dies, mediasoup closes its routers before emitting 'died'; they
        // must stay listed until #onDied has reported them.
        if (!entry.worker.died) entry.routers.delete(router.id);
      });
      return router;
    } finally {
      entry.pending--;
    }
  }

  /** Where transports of `router` listen: its worker's WebRtcServer, or null for the port range. */
  webRtcServerFor(router: types.Router): types.WebRtcServer | null {
    const entry = this.#liveEntries().find((e) => e.routers.has(router.id));
    return entry?.webRtcServer ?? null;
  }

  workerPidOf(router: types.Router): number | undefined {
    return this.#liveEntries().find((e) => e.routers.has(router.id))?.worker.pid;
  }

  get network(): MediaNetwork {
    return this.#opts.network ?? DEFAULT_NETWORK;
  }

  /**
   * Resolves once some worker is alive (at once if one is), so a meeting whose worker died
   * can wait for the replacement instead of failing; rejects after `timeoutMs`.
   */
  async waitForLiveWorker(timeoutMs: number): Promise<void> {
    if (this.#liveEntries().length > 0) return;
    if (this.#closed) throw new Error('the worker pool is closed');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('workerreplaced', onReplaced);
        reject(new Error(`no mediasoup worker came back within ${timeoutMs} ms`));
      }, timeoutMs);
      const onReplaced = () => {
        clearTimeout(timer);
        resolve();
      };
      this.once('workerreplaced', onReplaced);
    });
  }

  stats(): WorkerPoolStats {
    const live = this.#liveEntries();
    const routers = live.reduce((n, e) => n + e.routers.size, 0);
    return { workers: this.#slots.length, alive: live.length, routers };
  }

  /** Pids of the live workers, in slot order (for metrics and tests). */
  workerPids(): number[] {
    return this.#liveEntries().map((e) => e.worker.pid);
  }

  /** Closes every worker (and so every router); later calls only wait for the first. */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      for (const slot of this.#slots) {
        clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.current?.worker.close();
        slot.current = undefined;
      }
      this.#log.info({}, 'mediasoup worker pool closed');
    }
    // A spawn already in flight cannot be cancelled; wait so its worker is closed on arrival.
    await Promise.allSettled(this.#slots.map((s) => s.spawning));
  }

  #liveEntries(): Entry[] {
    return this.#slots.flatMap((s) => (s.current && !s.current.worker.closed ? [s.current] : []));
  }

  #leastLoaded(): Entry | undefined {
    let best: Entry | undefined;
    for (const entry of this.#liveEntries()) {
      const load = entry.routers.size + entry.pending;
      if (!best || load < best.routers.size + best.pending) best = entry;
    }
    return best;
  }

  #createWorker(slot: Slot): Promise<types.Worker> {
    const { logLevel, logTags, rtcMinPort, rtcMaxPort } = this.#opts;
    return this.#mediasoup.createWorker({
      logLevel: logLevel ?? 'warn',
      logTags,
      rtcMinPort,
      rtcMaxPort,
      appData: { slot: slot.index },
    });
  }

  async #createWebRtcServer(
    slot: Slot,
    worker: types.Worker,
  ): Promise<types.WebRtcServer | undefined> {
    const network = this.network;
    if (!network.webRtcServer) return undefined;
    const port =
      network.webRtcServerPort === undefined ? undefined : network.webRtcServerPort + slot.index;
    const listen = (protocol: 'udp' | 'tcp') => ({
      protocol,
      ip: network.listenIp,
      ...(network.announcedIp ? { announcedIp: network.announcedIp } : {}),
      ...(port === undefined ? {} : { port }),
    });
    return worker.createWebRtcServer({ listenInfos: [listen('udp'), listen('tcp')] });
  }

  #attach(slot: Slot, worker: types.Worker, webRtcServer: types.WebRtcServer | undefined): void {
    const entry: Entry = {
      worker,
      webRtcServer,
      routers: new Map(),
      pending: 0,
      startedAt: Date.now(),
    };
    slot.current = entry;
    worker.on('died', (error) => this.#onDied(slot, entry, error));
  }

  #onDied(slot: Slot, entry: Entry, error: Error): void {
    const workerPid = entry.worker.pid;
    if (slot.current === entry) slot.current = undefined;
    const early = Date.now() - entry.startedAt < STABLE_AFTER_MS;
    slot.failures = early ? slot.failures + 1 : 0;
    const lost: RoutersLost = {
      workerPid,
      routerIds: [...entry.routers.keys()],
      tags: [...entry.routers.values()],
    };
    entry.routers.clear();
    this.#log.error(
      { workerPid, slot: slot.index, routers: lost.routerIds.length, reason: error.message },
      'mediasoup worker died',
    );
    this.emit('workerdied', { workerPid, slot: slot.index });
    if (lost.routerIds.length > 0) {
      try {
        this.#opts.onRoutersLost?.(lost);
      } catch (err) {
        // The replacement worker matters more than a faulty listener.
        this.#log.error({ err }, 'onRoutersLost threw');
      }
      this.emit('routerslost', lost);
    }
    this.#scheduleRespawn(slot, workerPid);
  }

  #scheduleRespawn(slot: Slot, replaces: number): void {
    if (this.#closed) return;
    const delayMs = respawnDelay(slot.failures);
    if (delayMs > 0) {
      this.#log.warn(
        { slot: slot.index, delayMs, failures: slot.failures },
        'worker respawn delayed',
      );
    }
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      slot.spawning = this.#respawn(slot, replaces).finally(() => {
        slot.spawning = undefined;
      });
    }, delayMs);
  }

  async #respawn(slot: Slot, replaces: number): Promise<void> {
    let worker: types.Worker | undefined;
    let webRtcServer: types.WebRtcServer | undefined;
    try {
      worker = await this.#createWorker(slot);
      webRtcServer = await this.#createWebRtcServer(slot, worker);
    } catch (err) {
      worker?.close();
      if (this.#closed) return;
      slot.failures++;
      this.#log.error({ err, slot: slot.index }, 'mediasoup worker respawn failed');
      this.#scheduleRespawn(slot, replaces);
      return;
    }
    if (this.#closed) {
      worker.close();
      return;
    }
    this.#attach(slot, worker, webRtcServer);
    this.#log.info(
      { workerPid: worker.pid, slot: slot.index, replaces },
      'mediasoup worker respawned',
    );
    this.emit('workerreplaced', { workerPid: worker.pid, slot: slot.index, replaces });
  }
}
