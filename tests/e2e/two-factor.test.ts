import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/accounts/sessions.ts';
import { ApiClient } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e } from './helpers.ts';

/**
 * Issue 18: a member turns on two-step sign-in on the account page (the key read from the
 * page, the code made with otplib as an authenticator app would), keeps the recovery codes,
 * signs out and back in with password then code; then, from the sessions section, signs out
 * a second browser (a phone) signed in as them. axe-clean, and the account page fits 390px.
 */
let haven: TestHaven;
let browser: Browser;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

/** The code for the period `offset` periods from now (the server takes one either side). */
const codeFor = (secret: string, offset: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describe('two-step sign-in in the browser', () => {
  it('enrols, signs in with a code, and signs out other sessions', async () => {
    const { page, context, client } = await signedInPage(haven, browser, ['participant'], 'Inés');
    await page.goto(`${haven.url}/account`);
    const section = page.locator('#two-factor');
    await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await section.getByTestId('two-factor-key').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await section.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Each step of this test uses its own period: a code is never accepted twice.
    await section.getByLabel('Code from the app').fill(await codeFor(secret, -1));
    await section.getByRole('button', { name: 'Turn on' }).click();
    const recovery = section.getByRole('status').filter({ hasText: 'Your recovery codes' });
    await recovery.waitFor();
    expect(await recovery.getByRole('listitem').count()).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await recovery.getByRole('button', { name: 'I have kept them' }).click();
    await section.getByText('Two-step sign-in is on. Recovery codes left: 10.').waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${haven.url}/`);
    await page.goto(`${haven.url}/login`);
    await page.getByLabel('Email address').fill(client.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Code', { exact: true }).fill(await codeFor(secret, 0));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);

    // A second session of the same member, on a phone: password, then the next code.
    const phoneClient = await ApiClient.signedOut(haven.url);
    const first = await phoneClient.post('/api/auth/login', {
      email: client.email,
      password: PASSWORD,
    });
    expect(first.body).toEqual({ twoFactorRequired: true });
    const second = await phoneClient.post('/api/auth/login/two-factor', {
      code: await codeFor(secret, 1),
    });
    expect(second.status).toBe(200);
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.addCookies([
      { name: SESSION_COOKIE, value: phoneClient.cookie(SESSION_COOKIE) ?? '', url: haven.url },
    ]);
    const phonePage = await phone.newPage();
    await phonePage.goto(`${haven.url}/account`);
    await phonePage
      .locator('#two-factor')
      .getByText('Two-step sign-in is on. Recovery codes left: 10.')
      .waitFor();
    expect(await fitsWidth(phonePage)).toBe(true);
    expect(await axeViolations(phonePage)).toEqual([]);
    expect(await phonePage.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);

    await page.goto(`${haven.url}/account`);
    await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
    await page.getByText('1 other session was signed out.').waitFor();
    expect(await phonePage.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await phone.close();
    await context.close();
  });

  it('tells an admin refused for want of two-step sign-in why, and where to turn it on', async () => {
    const { page, context } = await signedInPage(haven, browser, ['admin'], 'Board Admin');
    await page.goto(`${haven.url}/admin/members`);
    const policy = page.getByRole('checkbox', { name: 'Require two-step sign-in for admins' });
    await policy.waitFor();
    expect(await policy.isChecked()).toBe(false);
    // Turning it on unenrolled is refused and the box put back, with the way to enrol.
    await policy.click();
    await page
      .getByRole('link', { name: 'Turn on two-step sign-in on your account page' })
      .waitFor();
    expect(await policy.isChecked()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await haven.haven.services.adminTwoFactor.update({ twoFactorRequiredForAdmins: true });
    try {
      await page.reload();
      await page
        .getByRole('alert')
        .getByText('The organisation requires admins to use two-step sign-in.')
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page
        .getByRole('link', { name: 'Turn on two-step sign-in on your account page' })
        .click();
      await page.waitForURL(`${haven.url}/account#two-factor`);
      await page
        .locator('#two-factor')
        .getByRole('button', { name: 'Set up two-step sign-in' })
        .waitFor();
    } finally {
      await haven.haven.services.adminTwoFactor.update({ twoFactorRequiredForAdmins: false });
    }
    await context.close();
  });
});
