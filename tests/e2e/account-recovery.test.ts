import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { linkIn, nextMailTo } from '../helpers/mail.ts';
import { axeViolations, fitsWidth, startE2e, tabTo } from './helpers.ts';

/**
 * A member who forgot their password, on a phone: "Forgot your password?" from the sign-in
 * page, the email as the SMTP catcher received it, its link, a new password, and signing in
 * with it. Every page passes axe-core and fits 390 pixels.
 */
let haven: TestHaven;
let browser: Browser;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('recovering an account in the browser', () => {
  it('forgot password → email link → new password → sign in', async () => {
    const member = await signUpAs(haven, ['participant'], { displayName: 'Rosa' });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${haven.url}/login`);
    const forgot = page.getByRole('link', { name: 'Forgot your password?' });
    await tabTo(page, forgot);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    const mail = nextMailTo(haven, member.email);
    await page.getByLabel('Email address').fill(member.email);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('an email with a link is on its way').waitFor();
    const link = linkIn(await mail);
    expect(link.startsWith(`${haven.url}/reset-password#token=`)).toBe(true);

    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // The token leaves the address bar (and so the history) once read.
    expect(page.url()).toBe(`${haven.url}/reset-password`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByLabel('New password', { exact: true }).fill('my fresh passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('every device was signed out').waitFor();
    expect((await member.client.get('/api/me')).status).toBe(401);

    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill('my fresh passphrase');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(200);
    await context.close();
  });
});
