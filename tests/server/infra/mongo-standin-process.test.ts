import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStandinProcess } from '../../../server/infra/mongo-standin/supervisor.ts';
import { JOURNAL_FAILED_EXIT_CODE } from '../../../server/infra/mongo-standin/types.ts';
import { healthSchema } from '../../../shared/health.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { capturingLogger } from '../../helpers/logger.ts';
import { isProcessAlive } from '../../helpers/processes.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function standinPid(haven: TestHaven): Promise<number> {
  const status = await haven.mongo.connection.db?.admin().command({ serverStatus: 1 });
  return status?.pid as number;
}

async function health(haven: TestHaven) {
  return healthSchema.parse(await (await fetch(`${haven.url}/healthz`)).json());
}

describe.skipIf(Boolean(process.env.MONGODB_URI))(
  // skipped with MONGODB_URI: Haven then uses that server and starts no stand-in
  'the stand-in runs in a child process of Haven',
  () => {
    let haven: TestHaven;
    beforeAll(async () => {
      haven = await startTestHaven();
    });
    afterAll(async () => {
      await haven?.close();
    });

    it('answers queries from another process, named "stand-in" at start and on /healthz', async () => {
      const pid = await standinPid(haven);
      expect(pid).toBeGreaterThan(0);
      expect(pid).not.toBe(process.pid);
      expect(isProcessAlive(pid)).toBe(true);
      expect(haven.mongo.describe()).toContain(`stand-in (child process ${pid})`);
      expect((await health(haven)).mongo).toMatchObject({ ok: true, backend: 'stand-in' });
    });

    it('reports a stand-in that stops answering, restarts it once killed, and keeps every acknowledged write', async () => {
      const items = haven.mongo.connection.collection('standin_kill');
      await items.insertOne({ _id: 'acknowledged-before-kill' as never, n: 1 });
      const oldPid = await standinPid(haven);
      // Never SIGKILL this test's own process, should the stand-in ever run in it again.
      expect(oldPid).not.toBe(process.pid);

      // Frozen first, so "not answering" lasts until it is killed: a restart under load can
      // be quicker than a poll of /healthz, and the report is what is tested here.
      process.kill(oldPid, 'SIGSTOP');
      await vi.waitFor(
        async () => {
          // Not answering and not being restarted (yet): down.
          const body = await health(haven);
          expect(body.status).toBe('down');
          expect(body.mongo).toMatchObject({ ok: false, backend: 'stand-in' });
        },
        { timeout: 10_000, interval: 50 },
      );
      const killedAt = Date.now();
      process.kill(oldPid, 'SIGKILL');
      // As with a restarting mongod, an operation issued while it is down may fail fast.
      await vi.waitFor(() => expect(haven.mongo.restarting()).toBe(false), {
        timeout: 5_000,
        interval: 20,
      });
      const found = await items.findOne({ _id: 'acknowledged-before-kill' as never });
      const resumedMs = Date.now() - killedAt;
      expect(found).toMatchObject({ n: 1 });
      expect(resumedMs).toBeLessThan(5_000);

      const newPid = await standinPid(haven);
      expect(newPid).not.toBe(oldPid);
      expect(newPid).not.toBe(process.pid);
      const lines = haven.logLines();
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'mongo stand-in: exited unexpectedly, restarting',
          pid: oldPid,
          signal: 'SIGKILL',
        }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'mongo stand-in: restarted', pid: newPid }),
      );
      await vi.waitFor(async () => expect((await health(haven)).status).toBe('ok'), {
        timeout: 5_000,
        interval: 20,
      });
      // Writes go through again, to the restarted child.
      await items.insertOne({ _id: 'after-restart' as never, n: 2 });
      expect(await items.countDocuments()).toBe(2);
    });

    it('stops the stand-in with Haven', async () => {
      const other = await startTestHaven();
      const pid = await standinPid(other);
      await other.close();
      expect(isProcessAlive(pid)).toBe(false);
    });
  },
);

describe.skipIf(process.platform !== 'linux')(
  // needs /dev/full, a device on which every write fails with ENOSPC
  'a stand-in child whose disk is full',
  () => {
    it('refuses the write, exits for a restart, and the refused write is never read', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'haven-standin-full-'));
      // The journal a fresh data dir appends to is on a "disk" with no space left.
      await symlink('/dev/full', join(dir, 'journal-0.bson'));
      const { logger, lines } = capturingLogger();
      const standin = await startStandinProcess({ dataDir: dir, logger });
      const conn = await mongoose
        .createConnection(standin.uri, { dbName: 'full', serverSelectionTimeoutMS: 10_000 })
        .asPromise();
      try {
        const firstPid = standin.pid();
        await expect(
          conn.collection('items').insertOne({ _id: 'not-durable' as never }),
        ).rejects.toMatchObject({ code: 1 });
        await vi.waitFor(
          () =>
            expect(lines()).toContainEqual(
              expect.objectContaining({
                msg: 'mongo stand-in: exited unexpectedly, restarting',
                pid: firstPid,
                code: JOURNAL_FAILED_EXIT_CODE,
                reason: 'journal failed',
              }),
            ),
          { timeout: 10_000, interval: 20 },
        );
        // As with a restarting mongod, an operation issued while it is down may fail fast.
        await vi.waitFor(() => expect(standin.restarting()).toBe(false), {
          timeout: 10_000,
          interval: 20,
        });
        expect(await conn.collection('items').findOne({ _id: 'not-durable' as never })).toBeNull();
        expect(standin.pid()).not.toBe(firstPid);
      } finally {
        await conn.close();
        await standin.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);

describe.skipIf(Boolean(process.env.MONGODB_URI))(
  // skipped with MONGODB_URI: no stand-in is started then
  'a stand-in child never outlives its parent',
  () => {
    it('exits when the parent is SIGKILLed', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'haven-standin-orphan-'));
      const parent = spawn(
        process.execPath,
        ['--import', 'tsx', 'tests/server/infra/fixtures/standin-parent.ts', dir],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        const [line] = (await once(
          createInterface({ input: parent.stdout as NodeJS.ReadableStream }),
          'line',
        )) as [string];
        const { childPid } = JSON.parse(line) as { childPid: number };
        expect(isProcessAlive(childPid)).toBe(true);
        parent.kill('SIGKILL');
        await once(parent, 'exit');
        await vi.waitFor(() => expect(isProcessAlive(childPid)).toBe(false), {
          timeout: 10_000,
          interval: 20,
        });
      } finally {
        if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);
