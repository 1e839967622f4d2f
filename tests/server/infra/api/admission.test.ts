import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdmissionOptions, admissionGate } from '../../../../server/infra/api/admission.ts';
import { errorHandler } from '../../../../server/infra/http.ts';
import { capturingLogger } from '../../../helpers/logger.ts';

/**
 * The API's admission gate, on a real HTTP server: each request's handler waits until the test
 * lets it answer, so "how many are worked on at once" is read, never timed.
 */

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function gatedServer(options: Omit<AdmissionOptions, 'onChange'>) {
  const inHandler: Array<{ id: string; answer: () => void }> = [];
  const entered: Array<() => void> = [];
  let state = { working: 0, waiting: 0 };
  const stateWatchers: Array<() => void> = [];
  const app = express();
  app.use(
    admissionGate({
      ...options,
      onChange: (now) => {
        state = now;
        for (const watcher of stateWatchers.splice(0)) watcher();
      },
    }),
  );
  app.get('/work/:id', (req, res) => {
    inHandler.push({ id: req.params.id, answer: () => res.json({ id: req.params.id }) });
    entered.shift()?.();
  });
  app.use(errorHandler(capturingLogger().logger));
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = (id: string) =>
    fetch(`http://127.0.0.1:${port}/work/${id}`).then(async (r) => ({
      status: r.status,
      retryAfter: r.headers.get('retry-after'),
      body: await r.json(),
    }));
  /** Resolves once `n` handlers have started in all. */
  const handlersReach = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (inHandler.length >= n ? resolve() : entered.push(check));
      check();
    });
  /** Resolves once the gate's counts satisfy `test`. */
  const gateReaches = (test: (s: { working: number; waiting: number }) => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (test(state) ? resolve() : stateWatchers.push(check));
      check();
    });
  return { port, get, inHandler, handlersReach, gateReaches };
}

describe('the API admission gate', () => {
  it('works on `concurrency` requests at once and lets the next in as one answers', async () => {
    const s = await gatedServer({ concurrency: 2, holdCapMs: 60_000, maxWaiting: 10 });
    const answers = ['a', 'b', 'c', 'd'].map((id) => s.get(id));
    await s.handlersReach(2);
    await s.gateReaches((g) => g.waiting === 2);
    expect(s.inHandler.map((h) => h.id)).toEqual(['a', 'b']);
    s.inHandler[0]?.answer();
    await s.handlersReach(3);
    expect(s.inHandler.map((h) => h.id)).toEqual(['a', 'b', 'c']);
    for (const h of s.inHandler.slice(1)) h.answer();
    await s.handlersReach(4);
    s.inHandler[3]?.answer();
    expect((await Promise.all(answers)).map((a) => a.body.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses with UNAVAILABLE and Retry-After once the line is full, and changes nothing', async () => {
    const s = await gatedServer({ concurrency: 1, holdCapMs: 60_000, maxWaiting: 1 });
    const first = s.get('first');
    await s.handlersReach(1);
    const second = s.get('second');
    await s.gateReaches((g) => g.waiting === 1);
    const refused = await s.get('third');
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.error.code).toBe('UNAVAILABLE');
    s.inHandler[0]?.answer();
    await s.handlersReach(2);
    s.inHandler[1]?.answer();
    expect((await Promise.all([first, second])).map((a) => a.status)).toEqual([200, 200]);
    expect(s.inHandler.map((h) => h.id)).toEqual(['first', 'second']);
  });

  it('gives a slow request’s place to the next one after holdCapMs', async () => {
    const s = await gatedServer({ concurrency: 1, holdCapMs: 50, maxWaiting: 10 });
    const slow = s.get('slow');
    await s.handlersReach(1);
    const next = s.get('next');
    // The slow one has not answered: only its time cap can let the next one in.
    await s.handlersReach(2);
    expect(s.inHandler.map((h) => h.id)).toEqual(['slow', 'next']);
    for (const h of s.inHandler) h.answer();
    expect((await Promise.all([slow, next])).map((a) => a.status)).toEqual([200, 200]);
  });

  it('skips a waiting request whose client went away', async () => {
    const s = await gatedServer({ concurrency: 1, holdCapMs: 60_000, maxWaiting: 10 });
    const first = s.get('first');
    await s.handlersReach(1);
    const gone = request({ port: s.port, host: '127.0.0.1', path: '/work/gone' });
    gone.on('error', () => undefined);
    gone.end();
    await s.gateReaches((g) => g.waiting === 1);
    const last = s.get('last');
    await s.gateReaches((g) => g.waiting === 2);
    gone.destroy();
    await s.gateReaches((g) => g.waiting === 1);
    s.inHandler[0]?.answer();
    await s.handlersReach(2);
    expect(s.inHandler.map((h) => h.id)).toEqual(['first', 'last']);
    s.inHandler[1]?.answer();
    expect((await Promise.all([first, last])).map((a) => a.status)).toEqual([200, 200]);
  });
});
