import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaRoom, type RoutersLost, respawnDelay, WorkerPool } from '../../sfu/index.ts';
import { freeRtcPort, isProcessAlive, recordingLogger, waitUntil, within } from './helpers.ts';

// The bootstrap (npm test) builds the worker and exports MEDIASOUP_WORKER_BIN; the pool
// reads it from there, as the server does.
let pool: WorkerPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('WorkerPool', () => {
  it('runs a worker from the built binary and creates a router on it', async () => {
    const { logger } = recordingLogger();
    pool = await WorkerPool.create({ size: 1, logger });

    expect(pool.stats()).toEqual({ workers: 1, alive: 1, routers: 0 });
    const [pid] = pool.workerPids();
    expect(pid).toBeTypeOf('number');
    expect(isProcessAlive(pid as number)).toBe(true);

    const router = await pool.createRouter('meeting-1');
    expect(router.closed).toBe(false);
    expect(router.appData).toEqual({ tag: 'meeting-1' });
    const mimeTypes = router.rtpCapabilities.codecs?.map((c) => c.mimeType);
    expect(mimeTypes).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    expect(pool.stats()).toEqual({ workers: 1, alive: 1, routers: 1 });

    router.close();
    expect(pool.stats().routers).toBe(0);
  });

  it('replaces a killed worker and reports the routers that died with it', async () => {
    const lost: RoutersLost[] = [];
    const { logger, lines } = recordingLogger();
    pool = await WorkerPool.create({ size: 1, logger, onRoutersLost: (l) => lost.push(l) });
    const router = await pool.createRouter('meeting-a');
    const [oldPid] = pool.workerPids() as [number];

    const replaced = once(pool, 'workerreplaced');
    process.kill(oldPid, 'SIGKILL');
    const [info] = await within('the replacement worker', replaced);

    expect(info).toMatchObject({ replaces: oldPid, slot: 0 });
    expect(info.workerPid).not.toBe(oldPid);
    expect(pool.workerPids()).toEqual([info.workerPid]);
    expect(isProcessAlive(info.workerPid)).toBe(true);
    expect(pool.stats()).toEqual({ workers: 1, alive: 1, routers: 0 });
    expect(lost).toEqual([{ workerPid: oldPid, routerIds: [router.id], tags: ['meeting-a'] }]);
    expect(router.closed).toBe(true);
    // Meeting ids are the meeting layer's business: the pool logs counts, never tags.
    expect(JSON.stringify(lines)).not.toContain('meeting-a');

    const next = await pool.createRouter('meeting-b');
    expect(next.closed).toBe(false);
    expect(pool.stats()).toEqual({ workers: 1, alive: 1, routers: 1 });
  });

  it('spreads routers over the least-loaded workers', async () => {
    const lost: RoutersLost[] = [];
    const { logger } = recordingLogger();
    const p = await WorkerPool.create({ size: 2, logger, onRoutersLost: (l) => lost.push(l) });
    pool = p;
    // Created concurrently: in-flight creations must count as load too.
    const tags = ['m1', 'm2', 'm3', 'm4'];
    const routers = await Promise.all(tags.map((tag) => p.createRouter(tag)));
    expect(p.stats()).toEqual({ workers: 2, alive: 2, routers: 4 });

    const [victim] = p.workerPids() as [number];
    const replaced = once(p, 'workerreplaced');
    process.kill(victim, 'SIGKILL');
    await within('the replacement worker', replaced);

    expect(lost).toHaveLength(1);
    expect(lost[0]?.routerIds).toHaveLength(2);
    const survivors = routers.filter((r) => !r.closed).map((r) => r.appData.tag);
    expect([...(lost[0]?.tags ?? []), ...survivors].sort()).toEqual(tags);
    expect(p.stats()).toEqual({ workers: 2, alive: 2, routers: 2 });
  });

  it('close() is idempotent and stops every worker for good', async () => {
    const { logger } = recordingLogger();
    pool = await WorkerPool.create({ size: 2, logger });
    const pids = pool.workerPids();
    expect(pids).toHaveLength(2);
    let replacements = 0;
    pool.on('workerreplaced', () => replacements++);

    await Promise.all([pool.close(), pool.close()]);
    await pool.close();

    expect(pool.stats()).toEqual({ workers: 2, alive: 0, routers: 0 });
    await expect(pool.createRouter('late')).rejects.toThrow(/closed/);
    await waitUntil('the closed workers to exit', () => pids.every((p) => !isProcessAlive(p)));
    expect(replacements).toBe(0);
  });

  it('does not respawn a worker whose replacement was pending at close()', async () => {
    const mediasoup = await import('mediasoup');
    const { logger } = recordingLogger();
    pool = await WorkerPool.create({ size: 1, logger });
    let spawned = 0;
    const countSpawn = () => spawned++;
    mediasoup.observer.on('newworker', countSpawn);
    try {
      const [pid] = pool.workerPids() as [number];
      const died = once(pool, 'workerdied');
      process.kill(pid, 'SIGKILL');
      await within('the worker death', died);
      // The replacement is scheduled now (first one without delay) but has not started.
      await pool.close();
      // Absence cannot be awaited: give a leaked respawn far longer than a spawn takes.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(spawned).toBe(0);
      expect(pool.stats()).toEqual({ workers: 1, alive: 0, routers: 0 });
    } finally {
      mediasoup.observer.off('newworker', countSpawn);
    }
  });

  it('backs off respawns of a worker that keeps failing, up to a cap', () => {
    expect([0, 1, 2, 3, 4].map(respawnDelay)).toEqual([0, 0, 250, 500, 1000]);
    expect(respawnDelay(50)).toBe(30_000);
  });
});

describe('WorkerPool network', () => {
  it('falls back to a port per transport when the WebRtcServer is turned off', async () => {
    const { logger } = recordingLogger();
    pool = await WorkerPool.create({
      size: 1,
      logger,
      network: { listenIp: '127.0.0.1', webRtcServer: false },
    });
    const router = await pool.createRouter('meeting-plain');
    expect(pool.webRtcServerFor(router)).toBeNull();
    const room = await MediaRoom.create(pool, 'meeting-ports');
    room.addPeer('p_aaaaaaaaaaaa');
    room.addPeer('p_bbbbbbbbbbbb');
    const a = await room.createWebRtcTransport('p_aaaaaaaaaaaa', 'send');
    const b = await room.createWebRtcTransport('p_bbbbbbbbbbbb', 'send');
    const port = (t: typeof a) => t.iceCandidates.find((c) => c.protocol === 'udp')?.port;
    expect(port(a)).not.toBe(port(b));
    room.close();
  });

  it('opens a WebRtcServer on the configured port for each worker slot', async () => {
    const { logger } = recordingLogger();
    const base = await freeRtcPort();
    pool = await WorkerPool.create({
      size: 1,
      logger,
      network: { listenIp: '127.0.0.1', webRtcServer: true, webRtcServerPort: base },
    });
    const room = await MediaRoom.create(pool, 'meeting-server');
    room.addPeer('p_cccccccccccc');
    const t = await room.createWebRtcTransport('p_cccccccccccc', 'recv');
    expect(t.iceCandidates.map((c) => c.port)).toEqual([base, base]);
    room.close();
  });
});
