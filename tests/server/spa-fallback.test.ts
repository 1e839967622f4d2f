import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../helpers/haven.ts';

// A stand-in for client/dist: the fallback's status is the server's business, not the build's.
const SHELL = '<!doctype html><html><body><div id="root"></div><!-- haven shell --></body></html>';

let haven: TestHaven;
beforeAll(async () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'haven-shell-'));
  writeFileSync(join(clientDir, 'index.html'), SHELL);
  haven = await startTestHaven({ clientDir });
});
afterAll(async () => {
  await haven.close();
});

async function shell(path: string) {
  const response = await fetch(`${haven.url}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

describe('the client shell (SPA fallback)', () => {
  it.each([
    '/',
    '/meetings',
    '/groups/64b7f0c2a1b2c3d4e5f60718',
    '/groups/64b7f0c2a1b2c3d4e5f60718/chat',
    '/training/items/64b7f0c2a1b2c3d4e5f60718',
    '/certificates/verify/ABCD-1234',
    '/library/some-handbook',
    '/attendance/verify',
    '/meetings/new?from=home',
  ])('answers the client route %s with 200 and the shell', async (path) => {
    const answer = await shell(path);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.body).toBe(SHELL);
  });

  it.each([
    '/no-such-page',
    '/groups/64b7f0c2a1b2c3d4e5f60718/nothing',
    '/training/items',
    '/certificates/verify',
    '/assets/missing.js',
  ])('answers the unknown path %s with 404 and the same shell', async (path) => {
    const answer = await shell(path);
    expect(answer.status).toBe(404);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.body).toBe(SHELL);
  });

  it('leaves unknown API paths to the API’s JSON 404', async () => {
    const response = await fetch(`${haven.url}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});
