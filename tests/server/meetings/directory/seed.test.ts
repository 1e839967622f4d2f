import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts } from '../../../../server/accounts/seed.ts';
import { seedDirectory } from '../../../../server/meetings/directory/seed.ts';
import { ApiClient } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';

let haven: TestHaven;
const partnerId = new Types.ObjectId().toHexString();
beforeAll(async () => {
  haven = await startTestHaven();
  const context = await seedAccounts(haven.mongo.connection);
  await seedDirectory({ ...context, partnerIds: [partnerId] });
});
afterAll(async () => {
  await haven.close();
});

interface Item {
  title: string;
  type: string;
  format: string;
  language: string;
  partnerId: string | null;
  audience: string | null;
  inProgress: boolean;
  recurrence: { kind: string; timeZone: string };
  eligibility: { requiresConfirmation: boolean } | null;
  facilitators: Array<{ displayName: string }>;
}

describe('seedDirectory', () => {
  it('creates a varied, valid directory with one meeting in progress', async () => {
    const response = await new ApiClient(haven.url).get('/api/meetings?limit=100');
    expect(response.status).toBe(200);
    const items: Item[] = response.body.items;
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(new Set(items.map((item) => item.recurrence.timeZone))).toEqual(
      new Set([
        'Europe/London',
        'Europe/Madrid',
        'America/New_York',
        'America/Mexico_City',
        'Australia/Sydney',
      ]),
    );
    expect(new Set(items.map((item) => item.language))).toEqual(new Set(['en', 'es']));
    expect(new Set(items.map((item) => item.format))).toEqual(
      new Set(['online', 'in-person', 'hybrid']),
    );
    expect(new Set(items.map((item) => item.recurrence.kind))).toEqual(new Set(['weekly', 'once']));
    expect(
      items.some(
        (item) => item.audience === 'family-and-friends' && item.eligibility?.requiresConfirmation,
      ),
    ).toBe(true);
    expect(items.filter((item) => item.partnerId === partnerId)).toHaveLength(1);
    expect(items.some((item) => item.inProgress)).toBe(true);
    expect(items.some((item) => item.facilitators.some((f) => f.displayName === 'Maria'))).toBe(
      true,
    );
    expect(items.every((item) => item.facilitators.length > 0)).toBe(true);
  });
});
