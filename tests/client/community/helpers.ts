import type { Browser, BrowserContext, Page } from 'playwright-core';
import { markOf } from '../../../server/infra/change-marks.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import type { TestHaven } from '../../helpers/haven.ts';

/** A member registered through the API, with a browser-like client holding their session. */
export interface Member {
  client: ApiClient;
  id: string;
  name: string;
}

let counter = 0;

/**
 * Like signUpAs (tests/helpers/api-client.ts), but each member registers from its own
 * forwarded address (the app trusts loopback proxies), as tests/server/community does:
 * the server allows 30 registrations an hour per address, and the client suite signs up
 * more than that across its files. Roles are granted in the database, as an admin tool would.
 */
export async function member(
  haven: TestHaven,
  name: string,
  roles: string[] = ['participant'],
  { listed = false }: { listed?: boolean } = {},
): Promise<Member> {
  const n = counter++;
  const client = new ApiClient(haven.url);
  // The real path: register, the confirmation email from the catcher, its link.
  const response = await client.signUp(
    haven.mail,
    `${name.toLowerCase()}-${process.pid}-${Date.now()}-${n}@example.org`,
    {
      displayName: name,
      headers: { 'x-forwarded-for': `10.77.${(n >> 8) & 255}.${n & 255}` },
    },
  );
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.text}`);
  const id = response.body.user.id as string;
  const roleSet = ['participant', ...roles.filter((role) => role !== 'participant')];
  await haven.haven.services.accountModels.User.updateOne(
    { _id: id },
    { $set: { roles: roleSet } },
  );
  await haven.haven.services.marks.move(markOf.user(id));
  const settings = await client.patch('/api/me', {
    timeZone: 'Europe/London',
    privacy: { showInGroupMemberLists: listed },
  });
  if (settings.status !== 200) throw new Error(`profile update failed: ${settings.text}`);
  return { client, id, name };
}

/** Fails the call unless the API answered with `status`; returns the body. */
export async function expectStatus<T = unknown>(
  pending: Promise<{ status: number; text: string; body: unknown }>,
  status: number,
): Promise<T> {
  const response = await pending;
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  return response.body as T;
}

/** Problems seen in a page's console; the 401/409 answers the contract prescribes are expected. */
export function watchConsole(page: Page, baseUrl: string, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const path = message.location().url.replace(baseUrl, '');
    if (message.text().includes('401') && path === '/api/me') return;
    if (message.text().includes('409') && /^\/api\/events\/[a-f0-9]{24}\/rsvp$/.test(path)) return;
    problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
}

/** A browser window signed in as `who` (their session cookie), in London, in English. */
export async function windowFor(
  browser: Browser,
  haven: TestHaven,
  who: Member | null,
  problems: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  if (who) {
    const value = who.client.cookie('haven_session');
    if (!value) throw new Error(`${who.name} has no session cookie`);
    await context.addCookies([{ name: 'haven_session', value, url: haven.url }]);
  }
  const page = await context.newPage();
  watchConsole(page, haven.url, problems);
  return { context, page };
}

/** "{{count}} members" → "2 members". */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export const inDays = (days: number, hourUtc = 17) => {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date.toISOString();
};
