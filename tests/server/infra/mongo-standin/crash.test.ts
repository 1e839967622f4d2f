import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { connect, makeTempDir, removeDir, startMongoStandin } from './helpers.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DB = 'standin_crash';
const WRITERS = 4;
const KILL_AFTER_ACKS = 400;

let dir: string;
let child: ChildProcess | null = null;
let restarted: MongoStandin | null = null;

/** Starts main.ts in its own process and resolves with the port from its one stdout line. */
async function spawnStandin(dataDir: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/infra/mongo-standin/main.ts',
      '--dir',
      dataDir,
      '--port',
      '0',
      '--quiet',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const exited = once(proc, 'exit').then(([code]) => {
    throw new Error(`stand-in exited early with code ${String(code)}`);
  });
  const first = once(lines, 'line').then(
    ([line]) => JSON.parse(line as string) as { event: string; port: number },
  );
  const msg = await Promise.race([first, exited]);
  expect(msg.event).toBe('listening');
  return { proc, port: msg.port };
}

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-crash');
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await restarted?.close();
  await removeDir(dir);
});

describe('mongo stand-in crash safety', () => {
  it('keeps every acknowledged write when the server process is SIGKILLed mid-load', async () => {
    const { proc, port } = await spawnStandin(dir);
    child = proc;
    const client = await mongoose
      .createConnection(`mongodb://127.0.0.1:${port}/`, {
        dbName: DB,
        serverSelectionTimeoutMS: 1_000,
        socketTimeoutMS: 5_000,
      })
      .asPromise();
    const events = client.collection('events');
    const counters = client.collection('counters');

    const acked: number[] = [];
    let ackedIncrements = 0;
    let nextSeq = 0;
    let stopping = false;
    let reachedTarget!: () => void;
    const target = new Promise<void>((resolve) => {
      reachedTarget = resolve;
    });

    const writer = async (): Promise<void> => {
      while (!stopping) {
        const seq = nextSeq++;
        try {
          await events.insertOne({ seq, body: `event ${seq}`, at: new Date() });
          acked.push(seq);
          if (seq % 5 === 0) {
            await counters.updateOne(
              { _id: 'total' as never },
              { $inc: { n: 1 } },
              { upsert: true },
            );
            ackedIncrements++;
          }
        } catch {
          return; // the server is gone; anything not acknowledged may or may not have survived
        }
        if (acked.length >= KILL_AFTER_ACKS) reachedTarget();
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);

    await target;
    const exited = once(proc, 'exit');
    proc.kill('SIGKILL');
    await exited;
    stopping = true;
    await Promise.all(writers);
    await client.close(true);

    // The dead process left its lock file behind; a new server takes it over and replays.
    restarted = await startMongoStandin({ dataDir: dir });
    const conn = await connect(restarted, DB);
    const stored = await conn
      .collection('events')
      .find({}, { projection: { seq: 1, _id: 0 } })
      .toArray();
    const storedSeqs = new Set(stored.map((d) => d.seq as number));
    const lost = acked.filter((s) => !storedSeqs.has(s));
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lost).toEqual([]);
    const counter = await conn.collection('counters').findOne({ _id: 'total' as never });
    expect(counter?.n).toBeGreaterThanOrEqual(ackedIncrements);
    // Nothing is invented either: every stored event was at least attempted.
    expect(Math.max(...storedSeqs)).toBeLessThan(nextSeq);
    await conn.close();
  });

  it('exits cleanly on SIGTERM and releases the data dir', async () => {
    await restarted?.close();
    restarted = null;
    const { proc } = await spawnStandin(dir);
    child = proc;
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    const [code, signal] = (await exited) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(await readdir(dir)).not.toContain('standin.lock');
  });
});
