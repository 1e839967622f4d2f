import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../client/src/i18n/locales/en.json' with { type: 'json' };
import es from '../../client/src/i18n/locales/es.json' with { type: 'json' };
import { launchChromium } from '../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../helpers/haven.ts';

// The built client, served by the real server, in real Chromium.
let haven: TestHaven;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  haven = await startTestHaven({
    clientDir: join(import.meta.dirname, '..', '..', 'client', 'dist'),
  });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-GB' });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Signed out, GET /api/me answers 401 by contract (docs/api.md); Chrome logs any 4xx.
    const signedOutAnswer =
      message.location().url === `${haven.url}/api/me` && message.text().includes('401');
    if (!signedOutAnswer) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('the landing page', () => {
  it('shows what Haven is and the live service status, in English', async () => {
    await page.goto(haven.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe(en.hero.title);
    await page.getByText(en.status.ok).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('starts keyboard navigation with the skip link', async () => {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe(en.app.skipToContent);
  });

  it('switches to Spanish from the labelled language control and remembers it', async () => {
    await page.getByLabel(en.language.label).selectOption('es');
    await page.getByRole('heading', { level: 1, name: es.hero.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: es.hero.title }).waitFor();
    await page.getByText(es.status.ok).waitFor();
  });

  it('runs without console errors (no CSP violations, no failed requests)', () => {
    expect(problems).toEqual([]);
  });
});
