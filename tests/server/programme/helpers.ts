import { afterAll, beforeAll } from 'vitest';
import { programmeModels } from '../../../server/programme/models.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

/** One real Haven per test file (its own database and rate-limit keys). */
export function havenPerFile(): () => TestHaven {
  let haven: TestHaven | undefined;
  beforeAll(async () => {
    haven = await startTestHaven();
  });
  afterAll(async () => {
    await haven?.close();
  });
  return () => {
    if (!haven) throw new Error('the test Haven has not started');
    return haven;
  };
}

/** A signed-in member with these roles (registration goes through the API). */
export function member(haven: TestHaven, roles: string[] = ['participant'], displayName?: string) {
  return signUpAs(haven, roles, displayName ? { displayName } : {});
}

/** A visitor with a CSRF token but no account. */
export async function visitor(haven: TestHaven): Promise<ApiClient> {
  const client = await ApiClient.signedOut(haven.url);
  return client;
}

export function models(haven: TestHaven) {
  return programmeModels(haven.mongo.connection);
}

/** Everything the server logged, as one string, to prove something personal is not in it. */
export function allLogs(haven: TestHaven): string {
  return JSON.stringify(haven.logLines());
}

/** Every page of a list, following `nextCursor`. */
export async function allPages(client: ApiClient, path: string, limit: number) {
  const items: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await client.get(url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}
