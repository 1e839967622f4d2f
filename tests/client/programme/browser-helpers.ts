import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import en from '../../../client/src/i18n/locales/en.json' with { type: 'json' };
import { seedAccounts } from '../../../server/accounts/seed.ts';
import { seedDirectory } from '../../../server/meetings/directory/seed.ts';
import { programmeModels } from '../../../server/programme/models.ts';
import { PublicationService } from '../../../server/programme/publications.ts';
import { seedProgramme } from '../../../server/programme/seed.ts';
import { signUpAs } from '../../helpers/api-client.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

/**
 * A real Haven serving the built client, with the demo seed (accounts, the programme, the
 * directory's meetings) and one publication whose text looks like markup.
 */
export async function startProgrammeHaven(): Promise<TestHaven> {
  const haven = await startTestHaven({
    clientDir: join(import.meta.dirname, '..', '..', '..', 'client', 'dist'),
  });
  const seed = await seedAccounts(haven.mongo.connection);
  await seedProgramme(seed);
  await seedDirectory(seed);
  await new PublicationService(programmeModels(haven.mongo.connection)).upsert({
    group: 'markup-check',
    slug: 'markup-check',
    language: 'en',
    kind: 'article',
    point: 4,
    title: 'Markup stays text',
    summary: 'A publication whose words look like HTML, to show they are never run.',
    body: [
      { type: 'heading', text: '<script>window.__pwned = 1</script>' },
      { type: 'paragraph', text: '<img src="x" onerror="window.__pwned = 1"> is only words.' },
    ],
  });
  return haven;
}

/** Failed requests the scenario provokes on purpose; Chrome logs each as a console error. */
export interface Expected {
  status: number;
  path: RegExp;
}

/** Set HAVEN_SCREENSHOTS=<dir> to keep full-page pictures of the programme's pages. */
export const screenshotDir = process.env.HAVEN_SCREENSHOTS;
if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * One person at one browser: their own context (cookies), a page, and the console errors
 * they met, except `/api/me` answering 401 when signed out and what `expected` lists.
 */
export class Person {
  readonly problems: string[] = [];
  readonly expected: Expected[] = [{ status: 401, path: /^\/api\/me$/ }];

  private constructor(
    readonly haven: TestHaven,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const path = message.location().url.replace(haven.url, '').split('?')[0] ?? '';
      const allowed = this.expected.some(
        (e) => e.path.test(path) && message.text().includes(String(e.status)),
      );
      if (!allowed) this.problems.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.problems.push(error.message));
  }

  static async open(haven: TestHaven, browser: Browser, viewport = DESKTOP): Promise<Person> {
    const context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      viewport,
    });
    return new Person(haven, context, await context.newPage());
  }

  goto(path: string) {
    return this.page.goto(`${this.haven.url}${path}`);
  }

  h1(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** Signs in through the sign-in page, coming back to `next`. */
  async signIn(email: string, next: string, password = 'correct horse battery') {
    await this.goto(`/login?next=${encodeURIComponent(next)}`);
    await this.page.getByLabel(en.signIn.email).fill(email);
    await this.page.getByLabel(en.signIn.password, { exact: true }).fill(password);
    await this.page.getByRole('button', { name: en.signIn.submit }).click();
    await this.page.waitForURL((url) => url.pathname === next.split('?')[0]);
  }

  async setLanguage(language: 'en' | 'es') {
    // Signed in, the page starts in the account's own language (kept in the profile), which
    // an earlier test may have switched: the control is found whatever language it shows.
    // Signed in on a phone, the language control is behind the header's "Menu".
    const menu = this.page.locator('header .menu-toggle');
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false')
      await menu.click();
    await this.page.locator('header .language-switcher select').selectOption(language);
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  }

  async screenshot(name: string) {
    if (!screenshotDir) return;
    await this.page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }

  close() {
    return this.context.close();
  }
}

/** `{{name}}` placeholders filled in, as i18next does. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * A file's programme Haven and browser, started before its tests and closed after: `person`
 * opens someone at a browser, `member` signs someone up with roles first, and `people`
 * keeps them all for the console-error check at the end.
 */
export function programmeSuite() {
  const suite = {
    haven: undefined as unknown as TestHaven,
    browser: undefined as unknown as Browser,
    people: [] as Person[],
    async person(viewport = DESKTOP) {
      const opened = await Person.open(suite.haven, suite.browser, viewport);
      suite.people.push(opened);
      return opened;
    },
    async member(roles: string[], displayName: string) {
      const account = await signUpAs(suite.haven, roles, { displayName });
      return { ...account, browser: await suite.person() };
    },
  };
  beforeAll(async () => {
    suite.haven = await startProgrammeHaven();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    for (const person of suite.people) await person.close();
    await suite.browser?.close();
    await suite.haven?.close();
  });
  return suite;
}
