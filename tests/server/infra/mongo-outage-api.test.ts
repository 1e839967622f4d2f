import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../server/infra/processes.ts';
import { healthSchema } from '../../../shared/health.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { killStandin, startStandin } from '../../helpers/standin-server.ts';
import { call, closeChatSockets, codeOf, openChatSocket } from '../chat/helpers.ts';

/**
 * MongoDB goes away under a running Haven (a stand-in process of the test's own, killed and
 * started again on the same port and data): the API answers UNAVAILABLE with a wait within
 * seconds, never INTERNAL; it works again by itself, and what it acknowledged is still there.
 */

let dir: string;
let port: number;
let standin: ChildProcess;
let haven: TestHaven;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'haven-mongo-outage-'));
  port = await freePort();
  standin = await startStandin(dir, port);
  haven = await startTestHaven({
    mongo: { uri: `mongodb://127.0.0.1:${port}/`, dbName: `outage_${process.pid}` },
  });
});
afterAll(async () => {
  closeChatSockets();
  await haven?.close();
  if (standin) await killStandin(standin);
  rmSync(dir, { recursive: true, force: true });
});

const health = async () => {
  const response = await fetch(`${haven.url}/healthz`);
  return { status: response.status, body: healthSchema.parse(await response.json()) };
};

async function expectUnavailable(request: () => Promise<{ status: number; body: unknown }>) {
  const started = Date.now();
  const answer = await request();
  expect(Date.now() - started).toBeLessThan(8_000);
  expect(answer.status).toBe(503);
  expect(answer.body).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  expect((answer.body as { error: { retryAfter?: number } }).error.retryAfter).toBeGreaterThan(0);
}

describe('the API through a MongoDB outage', () => {
  it('answers UNAVAILABLE while the database is away and loses nothing it acknowledged', async () => {
    const member = await signUpAs(haven, ['facilitator'], { displayName: 'Fran' });
    const created = await member.client.post('/api/groups', {
      name: `Acknowledged ${process.pid}-${Date.now()}`,
      description: 'Made just before the outage.',
      language: 'en',
      kind: 'area',
      area: { country: 'AU', city: 'Sydney' },
    });
    expect(created.status).toBe(201);
    const groupId = created.body.group.id as string;
    const socket = await openChatSocket(haven, member.client);

    await killStandin(standin);
    const anonymous = new ApiClient(haven.url);
    const raw = await fetch(`${haven.url}/api/meetings`);
    expect(raw.status).toBe(503);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
    await Promise.all([
      expectUnavailable(() => anonymous.get('/api/meetings')),
      expectUnavailable(() => member.client.get('/api/me')),
      expectUnavailable(() => member.client.patch('/api/me', { displayName: 'Frankie' })),
    ]);
    // Socket.IO events answer the same way.
    const started = Date.now();
    const history = await call(socket, 'chat:history', { groupId });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(codeOf(history)).toBe('UNAVAILABLE');
    expect(history.ok ? undefined : history.error.retryAfter).toBeGreaterThan(0);
    // A chat socket connecting now finds no groups to join, and would hear nothing for its
    // whole life: the server closes it, and its browser connects again (and catches up).
    const late = await openChatSocket(haven, member.client, { waitForRooms: false });
    const closed = await new Promise((resolve) => late.once('disconnect', resolve));
    expect(closed).toBe('io server disconnect');
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'down', mongo: { ok: false } });
    // An outage is no bug: nothing logged as a failed request or handler.
    const failures = ['request failed', 'socket handler failed'];
    expect(haven.logLines().filter((l) => failures.includes(String(l.msg)))).toEqual([]);
    expect(haven.logLines().some((l) => l.msg === 'outage')).toBe(true);

    standin = await startStandin(dir, port);
    await expect
      .poll(async () => (await anonymous.get('/api/meetings')).status, { timeout: 20_000 })
      .toBe(200);
    await expect.poll(async () => (await health()).body.mongo.ok, { timeout: 10_000 }).toBe(true);
    const kept = await member.client.get(`/api/groups/${groupId}`);
    expect(kept.status).toBe(200);
    expect(kept.body.group.id).toBe(groupId);
    // The refused profile change did not happen behind the member's back either.
    const me = await member.client.get('/api/me');
    expect(me.body.user).toMatchObject({ id: member.id, displayName: 'Fran' });
    expect(codeOf(await call(socket, 'chat:history', { groupId }))).toBe('accepted');
  });
});
