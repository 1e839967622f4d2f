import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import adm from '../../../client/src/features/admin/locales/en.json' with { type: 'json' };
import admEs from '../../../client/src/features/admin/locales/es.json' with { type: 'json' };
import dir from '../../../client/src/features/meetings/directory/locales/en.json' with {
  type: 'json',
};
import en from '../../../client/src/i18n/locales/en.json' with { type: 'json' };
import es from '../../../client/src/i18n/locales/es.json' with { type: 'json' };
import { markOf } from '../../../server/infra/change-marks.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

// The admins' member pages in the built client, served by a real Haven, in Chromium: an
// admin finds a member in the table, opens their page and makes them a facilitator (who then may create meetings), links
// staff to a partner, and anyone else finds a not-allowed message and no data.
let haven: TestHaven;
let browser: Browser;
const problems: string[] = [];
/** Set HAVEN_SCREENSHOTS=<dir> to keep pictures of the page for a person to look at. */
const screenshotDir = process.env.HAVEN_SCREENSHOTS;

interface Member {
  client: ApiClient;
  id: string;
  name: string;
}

let ada: Member; // admin, acting for the board
let robin: Member; // a trained participant, about to become a facilitator
let robina: Member; // a similar name, who stays a participant
let pat: Member; // a participant who opens the admin page
let sam: Member; // becomes partner staff
let partners: { riverside: string; hillside: string };
let counter = 0;

/**
 * Registered through the API, each from its own forwarded address (the server allows 30
 * registrations an hour per address, and the client suite signs up more than that);
 * roles other than participant are given in the database, like the test helpers do.
 */
async function member(name: string, roles: string[] = []): Promise<Member> {
  const n = counter++;
  const client = new ApiClient(haven.url);
  // The real path: register, the confirmation email from the catcher, its link.
  const response = await client.signUp(
    haven.mail,
    `admin-page-${process.pid}-${Date.now()}-${n}@example.org`,
    {
      displayName: name,
      headers: { 'x-forwarded-for': `10.79.${(n >> 8) & 255}.${n & 255}` },
    },
  );
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.text}`);
  const id = response.body.user.id as string;
  if (roles.length) {
    await haven.haven.services.accountModels.User.updateOne(
      { _id: id },
      { $set: { roles: ['participant', ...roles] } },
    );
    await haven.haven.services.marks.move(markOf.user(id));
  }
  return { client, id, name };
}

async function partner(name: string, slug: string): Promise<string> {
  const response = await ada.client.post('/api/partners', {
    name,
    slug,
    description: `${name} runs treatment services with peer-led meetings.`,
    area: { country: 'GB', city: 'York' },
  });
  if (response.status !== 201) throw new Error(`partner failed: ${response.text}`);
  return response.body.partner.id as string;
}

/** Answers the scenario provokes on purpose, which Chrome logs as console errors. */
const EXPECTED = [
  { path: /^\/api\/me$/, status: '401' },
  { path: /^\/api\/partners\/[a-f0-9]{24}\/staff$/, status: '409' },
];

/** A browser window signed in as `who` (their session cookie), in English. */
async function windowFor(who: Member | null): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  if (who) {
    const value = who.client.cookie('haven_session');
    if (!value) throw new Error(`${who.name} has no session cookie`);
    await context.addCookies([{ name: 'haven_session', value, url: haven.url }]);
  }
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const path = message.location().url.replace(haven.url, '').split('?')[0] ?? '';
    if (EXPECTED.some((e) => e.path.test(path) && message.text().includes(e.status))) return;
    problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page };
}

beforeAll(async () => {
  haven = await startTestHaven({
    // HAVEN_CLIENT_DIR: a build of one's own, when others rebuild client/dist meanwhile.
    clientDir:
      process.env.HAVEN_CLIENT_DIR ?? join(import.meta.dirname, '..', '..', '..', 'client', 'dist'),
  });
  browser = await launchChromium();
  ada = await member('Ada Board', ['admin']);
  robin = await member('Robin Álvarez');
  robina = await member('Robina Alvares');
  pat = await member('Pat');
  sam = await member('Sam Staff');
  partners = {
    riverside: await partner('Riverside Recovery', 'riverside-recovery'),
    hillside: await partner('Hillside Care', 'hillside-care'),
  };
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const card = (page: Page, name: string) =>
  page.locator('main').getByRole('article', { name, exact: true });
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
const save = (where: Locator, name: string) =>
  where.getByRole('button', { name: fill(adm.members.saveFor, { name }) });

/** Rows of the members table, by name. */
const rows = (page: Page) => page.locator('main table tbody th').allTextContents();

/** From the table to the member's own page, where their roles and partner link change. */
async function openMember(page: Page, name: string) {
  await page.getByRole('link', { name: fill(adm.members.table.edit, { name }) }).click();
  await h1(page, adm.member.title).waitFor();
  await card(page, name).waitFor();
}

async function searchFor(page: Page, name: string, role = '') {
  if (!new URL(page.url()).pathname.endsWith('/admin/members'))
    await page.goto(`${haven.url}/admin/members`);
  const search = page.getByRole('search', { name: adm.members.search.label });
  await search.getByLabel(adm.members.search.name).fill(name);
  await search
    .getByLabel(adm.members.search.role)
    .selectOption(role ? { label: adm.roles[role as keyof typeof adm.roles] } : '');
  await search.getByRole('button', { name: adm.members.search.submit }).click();
}

async function screenshot(page: Page, name: string) {
  if (screenshotDir)
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

describe('the admin members page', () => {
  let adminPage: Page;

  it('lets an admin find a member by name and make them a facilitator', async () => {
    ({ page: adminPage } = await windowFor(ada));
    const page = adminPage;
    await page.goto(`${haven.url}/meetings`);
    await h1(page, dir.title).waitFor();
    // The header offers the page to admins.
    await page.locator('header').getByRole('link', { name: adm.link, exact: true }).click();
    await h1(page, adm.members.title).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/members');

    // Case and accents don't matter; the address keeps the search.
    await searchFor(page, 'ALVAREZ');
    await expect.poll(() => rows(page)).toEqual(['Robin Álvarez']);
    expect(new URL(page.url()).search).toBe('?q=ALVAREZ');
    await page.getByText(fill(adm.members.count_one, { count: 1, total: 1 })).waitFor();
    await openMember(page, 'Robin Álvarez');

    const robinCard = card(page, 'Robin Álvarez');
    const participant = robinCard.getByLabel(adm.roles.participant, { exact: true });
    expect(await participant.isChecked()).toBe(true);
    expect(await participant.isDisabled()).toBe(true);
    const facilitator = robinCard.getByLabel(adm.roles.facilitator, { exact: true });
    expect(await facilitator.isChecked()).toBe(false);
    // No email anywhere on the page.
    expect(await page.locator('body').textContent()).not.toMatch(/@example\.org/);

    // By keyboard: tick the box with Space, save with Enter.
    await facilitator.focus();
    await page.keyboard.press('Space');
    expect(await facilitator.isChecked()).toBe(true);
    await save(robinCard, 'Robin Álvarez').press('Enter');
    await robinCard.getByText(fill(adm.members.saved, { name: 'Robin Álvarez' })).waitFor();
    await screenshot(page, 'admin-members-en');

    const me = await robin.client.get('/api/me');
    expect(me.body.user.roles).toEqual(['participant', 'facilitator']);
    expect((await robina.client.get('/api/me')).body.user.roles).toEqual(['participant']);

    // The role filter finds them now, and not the namesake who stays a participant.
    await searchFor(page, 'alvar', 'facilitator');
    await expect.poll(() => rows(page)).toEqual(['Robin Álvarez']);
    await searchFor(page, 'alvar');
    await expect.poll(() => rows(page)).toEqual(['Robin Álvarez', 'Robina Alvares']);
  });

  it('shows the new facilitator the way to create a meeting', async () => {
    const { page, context } = await windowFor(robin);
    await page.goto(`${haven.url}/meetings`);
    await h1(page, dir.title).waitFor();
    await page.getByRole('link', { name: dir.newMeeting }).waitFor();
    // Not an admin: no Admin link in the header.
    expect(await page.locator('header').getByRole('link', { name: adm.link }).count()).toBe(0);
    await context.close();
  });

  it('links a member to a partner as staff, and explains a link made elsewhere meanwhile', async () => {
    const page = adminPage;
    await searchFor(page, 'Sam Staff');
    await openMember(page, 'Sam Staff');
    const samCard = card(page, 'Sam Staff');
    const select = samCard.getByLabel(adm.members.partner, { exact: true });
    await select.selectOption({ label: 'Riverside Recovery' });
    await save(samCard, 'Sam Staff').click();
    await samCard.getByText(fill(adm.members.saved, { name: 'Sam Staff' })).waitFor();
    await samCard.getByText(fill(adm.members.staffOf, { partner: 'Riverside Recovery' })).waitFor();
    expect((await ada.client.get(`/api/members/${sam.id}`)).body.member.partnerId).toBe(
      partners.riverside,
    );

    // Moving to another partner unlinks first, then links.
    await select.selectOption({ label: 'Hillside Care' });
    await save(samCard, 'Sam Staff').click();
    await samCard.getByText(fill(adm.members.staffOf, { partner: 'Hillside Care' })).waitFor();
    expect((await ada.client.get(`/api/members/${sam.id}`)).body.member.partnerId).toBe(
      partners.hillside,
    );

    // Someone else links Robina to Riverside while this page still shows her unlinked.
    await searchFor(page, 'Robina');
    await openMember(page, 'Robina Alvares');
    const robinaCard = card(page, 'Robina Alvares');
    const linked = await ada.client.post(`/api/partners/${partners.riverside}/staff`, {
      userId: robina.id,
    });
    expect(linked.status).toBe(200);
    await robinaCard
      .getByLabel(adm.members.partner, { exact: true })
      .selectOption({ label: 'Hillside Care' });
    await save(robinaCard, 'Robina Alvares').click();
    await robinaCard.getByRole('alert').getByText(adm.members.problems.otherPartner).waitFor();
    await screenshot(page, 'admin-members-partner-conflict-en');
    expect((await ada.client.get(`/api/members/${robina.id}`)).body.member.partnerId).toBe(
      partners.riverside,
    );
  });

  it('keeps the admin from removing their own admin role, and reads in Spanish', async () => {
    const page = adminPage;
    await searchFor(page, '', 'admin');
    await openMember(page, 'Ada Board');
    const own = card(page, 'Ada Board');
    await own.getByText(adm.members.you).waitFor();
    const adminBox = own.getByLabel(adm.roles.admin, { exact: true });
    expect(await adminBox.isChecked()).toBe(true);
    expect(await adminBox.isDisabled()).toBe(true);
    await own.getByText(adm.members.ownAdminHint).waitFor();

    await searchFor(page, 'alvar');
    await expect.poll(() => rows(page)).toContain('Robin Álvarez');
    await page.locator('header').getByLabel(en.language.label).selectOption('es');
    await h1(page, admEs.members.title).waitFor();
    await page.getByRole('search', { name: admEs.members.search.label }).waitFor();
    await page.getByRole('table', { name: admEs.members.table.caption }).waitFor();
    await page.getByRole('cell', { name: admEs.roles.facilitator }).first().waitFor();
    await screenshot(page, 'admin-members-es');
    // On a phone the page reflows: nothing runs off the side.
    await page.setViewportSize({ width: 390, height: 844 });
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-members-es-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('header').getByLabel(es.language.label).selectOption('en');
    await h1(page, adm.members.title).waitFor();
  });

  it('shows more members a page at a time', async () => {
    const page = adminPage;
    for (let n = 1; n <= 21; n++) await member(`Walker ${String(n).padStart(2, '0')}`);
    await searchFor(page, 'walker');
    const names = () => rows(page);
    await expect.poll(names).toHaveLength(20);
    await page.getByText(fill(adm.members.count_other, { count: 20, total: 21 })).waitFor();
    await page.getByRole('button', { name: adm.common.showMore }).click();
    await expect.poll(names).toHaveLength(21);
    expect(await names()).toEqual(
      Array.from({ length: 21 }, (_, i) => `Walker ${String(i + 1).padStart(2, '0')}`),
    );
    expect(await page.getByRole('button', { name: adm.common.showMore }).count()).toBe(0);
  });

  it('shows a participant a not-allowed message, and asks for no member data', async () => {
    const { page, context } = await windowFor(pat);
    const asked: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/members') || path.startsWith('/api/partners')) asked.push(path);
    });
    await page.goto(`${haven.url}/admin/members`);
    await h1(page, adm.members.title).waitFor();
    await page.getByText(adm.access.notAllowed).waitFor();
    expect(await page.getByRole('search').count()).toBe(0);
    expect(await page.locator('main article').count()).toBe(0);
    expect(await page.locator('main table').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const name of ['Robin', 'Robina', 'Sam Staff', 'Ada Board'])
      expect(text).not.toContain(name);
    expect(asked).toEqual([]);
    expect(await page.locator('header').getByRole('link', { name: adm.link }).count()).toBe(0);
    // The server refuses the same member regardless of the page.
    expect((await pat.client.get('/api/members?q=robin')).status).toBe(403);
    await screenshot(page, 'admin-members-not-allowed-en');
    await context.close();
  });

  it('asks a signed-out visitor to sign in, coming back here after', async () => {
    const { page, context } = await windowFor(null);
    await page.goto(`${haven.url}/admin/members?q=robin`);
    await h1(page, adm.members.title).waitFor();
    await page.getByText(adm.access.signedOut).waitFor();
    const signIn = page.locator('main').getByRole('link', { name: en.header.signIn });
    expect(await signIn.getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent('/admin/members?q=robin')}`,
    );
    await context.close();
  });

  it('met no unexpected console errors', () => {
    expect(problems).toEqual([]);
  });
});
