import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../client/src/i18n/locales/en.json' with { type: 'json' };
import es from '../../client/src/i18n/locales/es.json' with { type: 'json' };
import type { TestHaven } from '../helpers/haven.ts';
import { onceMeetingAt } from '../server/meetings/directory/fixtures.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * A newcomer's first use (issue 18): the landing page leads with "Find a meeting"; a
 * signed-in member's "/" is their home, its meetings in the first language of their profile; on a phone the signed-in header folds behind a
 * keyboard-usable "Menu"; the language a member picks follows them to another browser.
 */
let haven: TestHaven;
let browser: Browser;
let una: Awaited<ReturnType<typeof signedInPage>>;
const GROUP = 'Harbour evening circle';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const homeTitle = (name: string, words = en) => words.home.title.replace('{{name}}', name);

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  una = await signedInPage(haven, browser, ['facilitator'], 'Una');
  const created = await una.client.client.post('/api/groups', {
    name: GROUP,
    description: 'A quiet hour after work.',
    language: 'en',
    kind: 'topic',
    topic: 'Evenings',
  });
  expect(created.status, created.text).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('first use', () => {
  it('leads a visitor to the meeting directory from the landing page', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(haven.url);
    await h1(page, en.hero.title).waitFor();
    const first = page.locator('main a').first();
    expect(await first.textContent()).toBe(en.hero.findMeeting);
    expect(await page.getByText(en.comingSoon.badge).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await first.click();
    expect(new URL(page.url()).pathname).toBe('/meetings');
    await context.close();
  });

  it('gives a signed-in member a home with their group and empty states', async () => {
    const { page } = una;
    await page.goto(haven.url);
    await h1(page, homeTitle('Una')).waitFor();
    const groups = page.getByRole('region', { name: en.home.groups.title });
    await groups.getByRole('link', { name: GROUP }).waitFor();
    const worksheets = page.getByRole('region', { name: en.home.worksheets.title });
    await worksheets.getByText(en.home.worksheets.empty).waitFor();
    await page
      .getByRole('region', { name: en.home.news.title })
      .getByText(en.home.news.empty)
      .waitFor();
    expect(await page.getByRole('heading', { level: 1, name: en.hero.title }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows a member's next meetings in the first language of their profile", async () => {
    const { page, client } = una;
    const made = async (body: Record<string, unknown>) => {
      const created = await client.client.post('/api/meetings', body);
      expect(created.status, created.text).toBe(201);
    };
    // The Spanish meeting starts later than the English one: only the language puts it first.
    await made(onceMeetingAt(180, { title: 'Reunión de la tarde', language: 'es' }));
    await made(onceMeetingAt(60, { title: 'Morning check-in', language: 'en' }));
    const setLanguages = async (languages: string[]) => {
      const saved = await client.client.patch('/api/me', { languages });
      expect(saved.status, saved.text).toBe(200);
    };
    const meetings = page.getByRole('region', { name: en.home.meetings.title });

    await setLanguages(['es']);
    await page.goto(haven.url);
    await meetings.getByRole('link', { name: 'Reunión de la tarde' }).waitFor();
    expect(await meetings.getByRole('link', { name: 'Morning check-in' }).count()).toBe(0);
    await meetings
      .getByText(en.home.meetings.inLanguage.replace('{{language}}', 'Spanish'))
      .waitFor();
    const inSpanish = meetings.getByRole('link', {
      name: en.home.meetings.allInLanguage.replace('{{language}}', 'Spanish'),
    });
    expect(await inSpanish.getAttribute('href')).toBe('/meetings?language=es');
    expect(await axeViolations(page)).toEqual([]);

    // No meeting in French yet: the soonest in any language, and the section says so.
    await setLanguages(['fr']);
    await page.reload();
    await meetings.getByRole('link', { name: 'Morning check-in' }).waitFor();
    await meetings.getByRole('link', { name: 'Reunión de la tarde' }).waitFor();
    await meetings
      .getByText(en.home.meetings.noneInLanguage.replace('{{language}}', 'French'))
      .waitFor();
  });

  it('folds the signed-in header behind a keyboard-usable Menu on a phone', async () => {
    const context = await browser.newContext(PHONE);
    await context.addCookies(await una.context.cookies());
    const page = await context.newPage();
    await page.goto(haven.url);
    await h1(page, homeTitle('Una')).waitFor();
    const menu = page.getByRole('button', { name: en.header.menu });
    const meetingsLink = page
      .getByRole('navigation', { name: en.nav.label })
      .getByRole('link', { name: en.sections.meetings.nav });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await meetingsLink.isVisible()).toBe(false);
    const header = await page.locator('header.site-header').boundingBox();
    expect(header?.height).toBeLessThan(844 / 6);

    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await meetingsLink.waitFor();
    expect(await page.getByRole('button', { name: en.header.signOut }).isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await meetingsLink.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    // Opened again, following a link closes the menu on the new page.
    await page.keyboard.press('Space');
    await meetingsLink.click();
    await page.waitForURL(`${haven.url}/meetings`);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('applies the language a member chose in one browser when they sign in on another', async () => {
    const { page } = una;
    await page.goto(haven.url);
    await h1(page, homeTitle('Una')).waitFor();
    await page.getByLabel(en.language.label).selectOption('es');
    await h1(page, homeTitle('Una', es)).waitFor();
    await expect
      .poll(async () => (await una.client.client.get('/api/me')).body.user.uiLanguage)
      .toBe('es');

    const other = await browser.newContext({ locale: 'en-GB' });
    const page2 = await other.newPage();
    await page2.goto(`${haven.url}/login`);
    await h1(page2, en.signIn.title).waitFor();
    await page2.getByLabel(en.signIn.email).fill(una.client.email);
    await page2.getByLabel(en.signIn.password, { exact: true }).fill('correct horse battery');
    await page2.getByRole('button', { name: en.signIn.submit }).click();
    await page2.locator('html[lang="es"]').waitFor();
    await page2.goto(haven.url);
    await h1(page2, homeTitle('Una', es)).waitFor();
    await other.close();
  });
});
