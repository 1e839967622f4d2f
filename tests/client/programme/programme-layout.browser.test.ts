import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import { launchChromium } from '../../helpers/browser.ts';
import type { TestHaven } from '../../helpers/haven.ts';
import { DESKTOP, Person, PHONE, startProgrammeHaven } from './browser-helpers.ts';

// Every programme page, in English and Spanish, on a desktop and a 390px phone: nothing may
// overflow sideways, and with HAVEN_SCREENSHOTS=<dir> each is kept for a person to look at.
let haven: TestHaven;
let browser: Browser;
let admin: Awaited<ReturnType<typeof signUpAs>>;
const pages: Array<[string, string]> = [];

beforeAll(async () => {
  haven = await startProgrammeHaven();
  browser = await launchChromium();
  // An advisor and admin, so the proposal and enquiry pages show their forms.
  admin = await signUpAs(haven, ['advisor', 'admin'], { displayName: 'Layout Admin' });
  const { body } = await admin.client.post('/api/worksheets', {
    tool: 'change-plan',
    title: 'Spring',
    content: {
      changesIWant: 'Stop drinking on weeknights.',
      steps: ['Tell my partner', 'Plan Friday evenings'],
      peopleWhoCanHelp: [{ who: 'My sister', how: 'A call on Fridays' }],
    },
  });
  const proposals = await admin.client.get('/api/proposals?state=under-review');
  const partners = await admin.client.get('/api/partners');
  pages.push(
    ['library', '/library'],
    ['publication', '/library/disarm-coping-with-urges'],
    ['tools', '/tools'],
    ['worksheet', `/tools/${body.worksheet.id}`],
    ['proposals', '/proposals'],
    ['propose', '/proposals/new'],
    ['proposal', `/proposals/${proposals.body.items[0].id}`],
    ['partners', '/partners'],
    ['partner', `/partners/${partners.body.items[0].id}`],
    ['collaborate', '/collaborate'],
    ['enquiries', '/collaborate/enquiries'],
  );
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('the programme’s pages at two sizes and in two languages', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('fit a %s screen in English and Spanish', async (size, viewport) => {
    const visitor = await Person.open(haven, browser, viewport);
    await visitor.signIn(admin.email, '/library');
    for (const language of ['en', 'es'] as const) {
      await visitor.setLanguage(language);
      for (const [name, path] of pages) {
        await visitor.goto(path);
        await visitor.page.locator('main h1').waitFor();
        await visitor.page.waitForFunction(() => !document.querySelector('.loading-status'));
        const overflow = await visitor.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} (${language}, ${size}) scrolls sideways`).toBe(0);
        await visitor.screenshot(`tour-${name}-${language}-${size}`);
      }
    }
    expect(visitor.problems).toEqual([]);
    await visitor.close();
  });
});
