import type { DependencyHealth, Health } from '../../shared/health.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import type { Metrics } from './metrics.ts';
import type { MongoHandle } from './mongo.ts';
import type { RedisHandle } from './redis.ts';

export interface SfuStatus {
  stats(): { workers: number; alive: number; routers: number };
}

export interface HealthDeps {
  mongo: MongoHandle;
  redis: RedisHandle;
  sfu: SfuStatus;
  metrics: Metrics;
  version: string;
  startedAt: number;
}

const PING_TIMEOUT_MS = 2000;

/** A dependency that hangs counts as down: /healthz must answer quickly, or balancers give up on it. */
async function within(check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Per database handle, the crashes some check has already reported. */
const reportedCrashes = new WeakMap<object, number>();

export async function checkHealth(deps: HealthDeps): Promise<Health> {
  // A ping issued just as the stand-in dies waits for it and may succeed once it is back: a
  // crash or restart this check lived through is reported all the same, and so is a crash
  // no check has reported yet (a restart quicker than the next check would hide it).
  const restartingBefore = deps.mongo.restarting();
  const crashesBefore = deps.mongo.crashes();
  const unreported = crashesBefore > (reportedCrashes.get(deps.mongo) ?? 0);
  const [mongoOk, redisOk] = await Promise.all([
    within(() => deps.mongo.ping()),
    within(() => deps.redis.ping()),
  ]);
  const sfuStats = deps.sfu.stats();
  const crashesAfter = deps.mongo.crashes();
  reportedCrashes.set(deps.mongo, crashesAfter);
  const mongoRestarting =
    unreported || restartingBefore || deps.mongo.restarting() || crashesAfter !== crashesBefore;
  const mongo: DependencyHealth = {
    ok: mongoOk && !mongoRestarting,
    backend: deps.mongo.backend,
    detail: mongoRestarting ? 'restarting after a crash' : `found by ${deps.mongo.discovery}`,
  };
  const redis: DependencyHealth = {
    ok: redisOk,
    backend: deps.redis.backend,
    ...(deps.redis.backend === 'in-process' ? { detail: 'single node only' } : {}),
  };
  const sfuOk = sfuStats.workers > 0 && sfuStats.alive === sfuStats.workers;
  const sfu = { ok: sfuOk, backend: 'mediasoup', workers: sfuStats.workers, alive: sfuStats.alive };

  deps.metrics.dependencyUp.set({ dependency: 'mongo', backend: mongo.backend }, mongoOk ? 1 : 0);
  deps.metrics.dependencyUp.set({ dependency: 'redis', backend: redis.backend }, redisOk ? 1 : 0);
  deps.metrics.sfuWorkersAlive.set(sfuStats.alive);

  // Without the database nothing works; without Redis or some workers, part of Haven still does.
  // A stand-in being restarted is back within a second or two, with its data: degraded, not down.
  const status =
    !mongoOk && !mongoRestarting ? 'down' : mongoOk && redisOk && sfuOk ? 'ok' : 'degraded';
  return {
    status,
    version: deps.version,
    protocolVersion: PROTOCOL_VERSION,
    uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    mongo,
    redis,
    sfu,
  };
}
