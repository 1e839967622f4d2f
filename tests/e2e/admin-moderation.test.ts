import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import adm from '../../client/src/features/admin/locales/en.json' with { type: 'json' };
import cmEn from '../../client/src/features/community/locales/en.json' with { type: 'json' };
import { signUpAs } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * Issue 18, findings 5 and 6: the admin members page is a compact table (search by name or
 * whole email, role and partner filters, a total) whose rows lead to one member's own page;
 * enquiries are in the admin's menu; moderation shows an item reported twice once, asks
 * before hiding, and offers Undo.
 */
let haven: TestHaven;
let browser: Browser;
let ada: Awaited<ReturnType<typeof signedInPage>>;
let mo: Awaited<ReturnType<typeof signedInPage>>;
const cm = cmEn;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

let hester: { id: string; email: string };
let tally3: Awaited<ReturnType<typeof signUpAs>>;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  ada = await signedInPage(haven, browser, ['admin'], 'Ada Board');
  hester = await signUpAs(haven, ['participant'], { displayName: 'Hester Quill' });
  for (let n = 1; n <= 2; n++)
    await signUpAs(haven, ['participant'], { displayName: `Tally ${n}` });
  tally3 = await signUpAs(haven, ['participant'], { displayName: 'Tally 3' });
  mo = await signedInPage(haven, browser, ['moderator'], 'Morgan Mod', { phone: true });
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('the admin members table', () => {
  it('finds a member by whole email in a captioned table, with the total, axe-clean', async () => {
    const { page } = ada;
    await page.goto(`${haven.url}/admin/members`);
    await h1(page, adm.members.title).waitFor();
    // Enquiries are in the admin's menu.
    await page.locator('header').getByRole('link', { name: adm.enquiriesLink }).waitFor();
    const search = page.getByRole('search', { name: adm.members.search.label });
    await search.getByLabel(adm.members.search.name).fill(hester.email.toUpperCase());
    await search.getByLabel(adm.members.search.name).press('Enter');
    const table = page.getByRole('table', { name: adm.members.table.caption });
    await expect
      .poll(() => table.getByRole('rowheader').allTextContents())
      .toEqual(['Hester Quill']);
    expect(await page.locator('body').textContent()).not.toContain('@example.org');
    const headers = await table
      .locator('thead th')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('scope')));
    expect(new Set(headers)).toEqual(new Set(['col']));

    await search.getByLabel(adm.members.search.name).fill('tally');
    await search.getByRole('button', { name: adm.members.search.submit }).click();
    await page.getByText(fill(adm.members.count_other, { count: 3, total: 3 })).waitFor();
    // The partner filter is offered, the address keeps the search.
    await search.getByLabel(adm.members.search.partner).waitFor();
    expect(new URL(page.url()).search).toBe('?q=tally');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('edits one member on their own page by keyboard, and shows a refusal in words', async () => {
    const { page } = ada;
    const edit = page.getByRole('link', {
      name: fill(adm.members.table.edit, { name: 'Tally 2' }),
    });
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    await h1(page, adm.member.title).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/members\/[a-f0-9]{24}$/);
    const facilitator = page.getByLabel(adm.roles.facilitator, { exact: true });
    await facilitator.focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('button', { name: fill(adm.members.saveFor, { name: 'Tally 2' }) })
      .press('Enter');
    await page.getByText(fill(adm.members.saved, { name: 'Tally 2' })).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Her own page: the admin box is locked, and says why.
    await page.goto(`${haven.url}/admin/members/${ada.client.id}`);
    await h1(page, adm.member.title).waitFor();
    const adminBox = page.getByLabel(adm.roles.admin, { exact: true });
    expect(await adminBox.isDisabled()).toBe(true);
    await page.getByText(adm.members.ownAdminHint).waitFor();

    // The server refuses a save (the member deleted their account meanwhile): said in words.
    await page.goto(`${haven.url}/admin/members/${tally3.id}`);
    await h1(page, adm.member.title).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tally 3' }).waitFor();
    expect((await tally3.client.delete('/api/me')).status).toBe(204);
    await page.getByLabel(adm.roles.trainer, { exact: true }).check();
    await page
      .getByRole('button', { name: fill(adm.members.saveFor, { name: 'Tally 3' }) })
      .click();
    await page.getByRole('alert').getByText(adm.members.problems.memberGone).waitFor();
  });

  it('fits a phone: the table scrolls inside its labelled region, not the page', async () => {
    const context = await browser.newContext(PHONE);
    await context.addCookies(await ada.context.cookies());
    const page = await context.newPage();
    await page.goto(`${haven.url}/admin/members?q=tally`);
    await page.getByRole('region', { name: adm.members.table.caption }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('moderation by reported item', () => {
  let postId: string;

  beforeAll(async () => {
    const author = await signedInPage(haven, browser, ['participant'], 'Robin');
    const created = await author.client.client.post('/api/posts', {
      kind: 'idea',
      title: 'Reported by two members',
      body: 'Words two members found hurtful.',
      point: 2,
    });
    expect(created.status, created.text).toBe(201);
    postId = created.body.post.id;
    await author.context.close();
    for (const reason of ['harmful', 'spam']) {
      const reporter = await signUpAs(haven, ['participant'], {
        displayName: `Reporter ${reason}`,
      });
      const filed = await reporter.client.post(`/api/posts/${postId}/report`, { reason });
      expect(filed.status, filed.text).toBe(201);
    }
  });

  it('shows the item once with both reasons, asks before hiding, and undoes it (phone)', async () => {
    const { page } = mo;
    await page.goto(`${haven.url}/moderation`);
    await h1(page, cm.moderation.title).waitFor();
    const entries = page.locator('main li.cm-report-card').filter({
      hasText: 'Reported by two members',
    });
    await entries.first().waitFor();
    expect(await entries.count()).toBe(1);
    const entry = entries.first();
    await entry.getByText(fill(cm.moderation.openReports_other, { count: 2 })).waitFor();
    expect(
      await entry
        .getByRole('list', { name: cm.moderation.reportsOnIt })
        .getByRole('listitem')
        .count(),
    ).toBe(2);
    await entry.getByText(cm.report.reasons.harmful).waitFor();
    await entry.getByText(cm.report.reasons.spam).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Hiding asks first; Escape keeps it visible, and focus returns to the button.
    const hide = entry.getByRole('button', { name: cm.moderation.hide.post });
    await tabTo(page, hide);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: cm.moderation.hide.postTitle });
    await dialog.waitFor();
    expect(await focused(page)).toBe(cm.moderation.hide.cancel);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe(cm.moderation.hide.post);
    const status = async () =>
      (await mo.client.client.get(`/api/posts/${postId}`)).body.post.status as string;
    expect(await status()).toBe('visible');

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: cm.moderation.hide.post }).click();
    await page.getByRole('status').getByText(cm.moderation.outcome.hide).waitFor();
    await entry.waitFor({ state: 'detached' });
    expect(await status()).toBe('hidden');

    await page.getByRole('button', { name: cm.moderation.undo }).click();
    await page.getByRole('status').getByText(cm.moderation.outcome.unhide).waitFor();
    expect(await status()).toBe('visible');
    await entries
      .first()
      .getByText(fill(cm.moderation.openReports_other, { count: 2 }))
      .waitFor();
    expect(await entries.count()).toBe(1);
  });

  it('dismisses every report of the item at once', async () => {
    const { page } = mo;
    const entry = page.locator('main li.cm-report-card').filter({
      hasText: 'Reported by two members',
    });
    await entry
      .getByRole('button', { name: fill(cm.moderation.dismissAll_other, { count: 2 }) })
      .click();
    await page.getByRole('status').getByText(cm.moderation.outcome.dismiss).waitFor();
    await entry.waitFor({ state: 'detached' });
    const open = await mo.client.client.get('/api/reports/items?limit=100');
    expect(
      open.body.items.filter((i: { target: { postId: string } }) => i.target.postId === postId),
    ).toEqual([]);
  });
});
