import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import aen from '../../../client/src/features/attendance/locales/en.json' with { type: 'json' };
import { launchChromium } from '../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

// The built client against a real Haven: the verification page's states and the slip page.
let haven: TestHaven;
let browser: Browser;
let slip: string;

beforeAll(async () => {
  haven = await startTestHaven({
    clientDir: join(import.meta.dirname, '..', '..', '..', 'client', 'dist'),
  });
  browser = await launchChromium();
  slip = haven.haven.attendanceSlips.issue({
    meetingTitle: 'Tuesday evening open meeting',
    meetingType: 'open',
    date: '2030-05-07',
    minutes: 55,
    name: 'Alex Browsertest',
  });
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

async function open(path: string, viewport = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport });
  const page = await context.newPage();
  await page.goto(`${haven.url}${path}`);
  return page;
}

describe('the attendance pages', () => {
  it('shows a valid slip with what it states', async () => {
    const page = await open(`/attendance/verify#slip=${slip}`);
    await page.getByRole('heading', { name: aen.verify.valid }).waitFor();
    const text = await page.locator('.slip-valid').innerText();
    expect(text).toContain('Alex Browsertest');
    expect(text).toContain('Tuesday evening open meeting');
    expect(text).toContain(aen.types.open);
    expect(text).toContain('55 minutes');
    expect(text).toMatch(/7 May 2030|May 7, 2030/);
    await page.context().close();
  });

  it('says a changed slip is not valid, and checks a pasted one', async () => {
    const [kid, payload, signature] = slip.split('.') as [string, string, string];
    const statement = JSON.parse(Buffer.from(payload, 'base64url').toString());
    statement.minutes = 300;
    const forged = `${kid}.${Buffer.from(JSON.stringify(statement)).toString('base64url')}.${signature}`;
    const page = await open(`/attendance/verify?slip=${forged}`);
    await page.getByRole('heading', { name: aen.verify.invalid }).waitFor();
    await page.getByText(aen.verify.reason.signature).waitFor();

    await page
      .getByLabel(aen.verify.pasteLabel)
      .fill(`${haven.url}/attendance/verify#slip=${slip}`);
    await page.getByRole('button', { name: aen.verify.check }).click();
    await page.getByRole('heading', { name: aen.verify.valid }).waitFor();

    await page.getByLabel(aen.verify.pasteLabel).fill('not a slip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(aen.verify.reason.input).waitFor();
    await page.context().close();
  });

  it('renders the printable slip with its link and QR code', async () => {
    const page = await open(`/attendance/slip#${slip}`, { width: 1280, height: 900 });
    await page.getByRole('heading', { name: aen.slip.heading }).waitFor();
    const article = page.locator('article.attendance-slip');
    expect(await article.innerText()).toContain('Alex Browsertest');
    const link = await article.locator('a.slip-link').getAttribute('href');
    expect(link).toBe(`${haven.url}/attendance/verify#slip=${slip}`);
    await page.getByRole('img', { name: aen.slip.qr }).waitFor();
    await page.getByRole('button', { name: aen.slip.print }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: aen.slip.download }).click();
    expect((await download).suggestedFilename()).toBe(`${aen.slip.fileName}-2030-05-07.pdf`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.slip-actions').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.context().close();
  });

  it('says so when the slip page has no slip', async () => {
    const page = await open('/attendance/slip');
    await page.getByText(aen.slip.missing).waitFor();
    await page.context().close();
  });
});
