import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../client/src/features/email-address/locales/en.json' with { type: 'json' };
import shell from '../../client/src/i18n/locales/en.json' with { type: 'json' };
import { ApiClient } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { linkIn, nextMailTo } from '../helpers/mail.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e } from './helpers.ts';

/**
 * Joining on a phone (issue 18): the sign-up form answers "check your email", the email as
 * the SMTP catcher received it, its link signs the newcomer in and lands them at home; a
 * used link says so and offers a new one; an email change asked on the account page is
 * confirmed at its link's own page.
 * Every page passes axe-core and fits 390 pixels.
 */
let haven: TestHaven;
let browser: Browser;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('joining through the confirmation email', () => {
  it('sign-up → check your email → the link signs in at home; used again, it offers a new one', async () => {
    const email = `joiner-${process.pid}-${Date.now()}@example.org`;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${haven.url}/signup`);
    await page.getByLabel(shell.signUp.displayName).fill('Noor');
    await page.getByLabel(shell.signUp.email).fill(email);
    await page.getByLabel(shell.signUp.password, { exact: true }).fill('a long enough passphrase');
    const mail = nextMailTo(haven, email);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.checkEmail.title }).waitFor();
    await page.getByText(en.checkEmail.text.replace('{{email}}', email)).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    // Not signed in until the link is opened.
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);

    // Signing in before confirming says what to do.
    await page.goto(`${haven.url}/login`);
    await page.getByLabel(shell.signIn.email).fill(email);
    await page.getByLabel(shell.signIn.password, { exact: true }).fill('a long enough passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText(en.signIn.notVerified).waitFor();
    await page.getByRole('link', { name: en.signIn.resendLink }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const link = linkIn(await mail);
    expect(link.startsWith(`${haven.url}/verify-email#token=`)).toBe(true);
    await page.goto(link);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText(shell.flash.emailConfirmed.replace('{{name}}', 'Noor')).waitFor();
    await page
      .getByRole('heading', { level: 1, name: shell.home.title.replace('{{name}}', 'Noor') })
      .waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    // The same link again, in another browser: used, and a new one can be asked for.
    const other = await browser.newContext(PHONE);
    const second = await other.newPage();
    await second.goto(link);
    await second.getByRole('alert').getByText(en.verify.linkDead).waitFor();
    expect(second.url()).toBe(`${haven.url}/verify-email`);
    await second.getByLabel(en.resend.email).fill(email);
    await second.getByRole('button', { name: en.resend.submit }).click();
    await second.getByText(en.resend.sent).waitFor();
    expect(await axeViolations(second)).toEqual([]);
    expect(await fitsWidth(second)).toBe(true);
    await other.close();
    await context.close();
  });

  it("changes the email from the account page, confirmed at the link's own page", async () => {
    const {
      page,
      client: member,
      context,
    } = await signedInPage(haven, browser, ['participant'], 'Ravi');
    await page.setViewportSize(PHONE.viewport);
    const newEmail = `moved-${process.pid}-${Date.now()}@example.org`;
    await page.goto(`${haven.url}/account`);
    const section = page.getByRole('region', { name: en.changeForm.title });
    await section.getByText(en.changeForm.text.replace('{{email}}', member.email)).waitFor();
    // A wrong password is said in words, and nothing is sent.
    await section.getByLabel(en.changeForm.newEmail).fill(newEmail);
    await section.getByLabel(en.changeForm.currentPassword, { exact: true }).fill('not it');
    await section.getByRole('button', { name: en.changeForm.submit }).click();
    await section.getByText("Your current password isn't right").first().waitFor();
    const mail = nextMailTo(haven, newEmail);
    await section
      .getByLabel(en.changeForm.currentPassword, { exact: true })
      .fill('correct horse battery');
    await section.getByRole('button', { name: en.changeForm.submit }).click();
    await section
      .getByRole('status')
      .getByText(en.changeForm.sent.replace('{{email}}', newEmail))
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    // Nothing changes until the link is opened.
    expect((await member.client.get('/api/me')).body.user.email).toBe(member.email);

    const link = linkIn(await mail);
    expect(link.startsWith(`${haven.url}/confirm-email#token=`)).toBe(true);
    await page.goto(link);
    await page.getByRole('status').getByText(en.change.done).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    expect((await member.client.get('/api/me')).body.user.email).toBe(newEmail);
    await context.close();
  });
  it('says when a locked-out sign-in can try again', async () => {
    const { client: member } = await signedInPage(haven, browser, ['participant'], 'Lena');
    // Ten wrong passwords from this address, by a client with no device cookie.
    const stranger = await ApiClient.signedOut(haven.url);
    for (let i = 0; i < 10; i += 1) {
      const tried = await stranger.post('/api/auth/login', {
        email: member.email,
        password: `wrong ${i}`,
      });
      expect(tried.status).toBe(401);
    }
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${haven.url}/login`);
    await page.getByLabel(shell.signIn.email).fill(member.email);
    await page.getByLabel(shell.signIn.password, { exact: true }).fill('correct horse battery');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(shell.signIn.tooManyTries_other.replace('{{count}}', '15'))
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
