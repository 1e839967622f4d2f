import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import adm from '../../../client/src/features/admin/locales/en.json' with { type: 'json' };
import sen from '../../../client/src/features/support/locales/en.json' with { type: 'json' };
import ses from '../../../client/src/features/support/locales/es.json' with { type: 'json' };
import { seedSupport } from '../../../server/support/seed.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { fill, Person, PHONE } from '../programme/browser-helpers.ts';

// The crisis help page signed out on a phone, a member's own country by default, and an
// admin editing a country's lines, in the built client served by a real Haven, in Chromium.
let haven: TestHaven;
let browser: Browser;

beforeAll(async () => {
  haven = await startTestHaven({
    clientDir:
      process.env.HAVEN_CLIENT_DIR ?? join(import.meta.dirname, '..', '..', '..', 'client', 'dist'),
  });
  await seedSupport({ connection: haven.mongo.connection });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('crisis help', () => {
  it('is one tap from the footer for anyone, on a phone, with numbers to call', async () => {
    const visitor = await Person.open(haven, browser, PHONE);
    await visitor.goto('/');
    await visitor.page.locator('footer').getByRole('link', { name: sen.footerLink }).click();
    await visitor.h1(sen.page.title).waitFor();
    const panel = visitor.page.getByRole('region', { name: sen.panel.heading });
    await panel.getByText(sen.panel.general).waitFor();
    // Waited for, not read at once: the example badges come with the lines, after the note.
    await panel.getByText(sen.panel.example).first().waitFor();

    await visitor.page.getByLabel(sen.page.country).selectOption('GB');
    const call = panel.getByRole('link', {
      name: fill(sen.panel.call, { number: '01632 960001' }),
    });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:01632960001');
    expect(visitor.page.url()).toMatch(/\/support\?country=GB$/);

    await visitor.page.getByLabel(sen.page.country).selectOption('JP');
    await panel.getByText(fill(sen.panel.fallback, { country: 'Japan' })).waitFor();

    const overflow = await visitor.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await visitor.setLanguage('es');
    await visitor.page.getByRole('heading', { name: ses.panel.heading }).waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.close();
  });

  it('opens on the member’s own country', async () => {
    const member = await signUpAs(haven, ['participant']);
    await member.client.fetchCsrf();
    const saved = await member.client.patch('/api/me', { area: { country: 'AU' } });
    expect(saved.status).toBe(200);
    const visitor = await Person.open(haven, browser);
    await visitor.signIn(member.email, '/support');
    const panel = visitor.page.getByRole('region', { name: sen.panel.heading });
    await panel.getByText(fill(sen.panel.forCountry, { country: 'Australia' })).waitFor();
    await panel
      .getByRole('link', { name: fill(sen.panel.call, { number: '+61 2 5550 0101' }) })
      .waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.close();
  });
});

describe('the admin editor', () => {
  it('adds, reorders and saves a country’s lines, then deletes them', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const visitor = await Person.open(haven, browser);
    await visitor.signIn(admin.email, '/admin/support');
    const page = visitor.page;
    await visitor.h1(sen.admin.title).waitFor();
    await page.getByLabel(sen.admin.country).selectOption('NZ');
    await page.getByText(fill(sen.admin.nothingYet, { country: 'New Zealand' })).waitFor();
    const chosen = () => page.getByLabel(sen.admin.country).inputValue();

    for (const [name, url] of [
      ['Second service', 'https://example.org/two'],
      ['First service', 'https://example.org/one'],
    ]) {
      await page.getByRole('button', { name: sen.admin.addLine }).click();
      const line = page.getByRole('group').last();
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).name))
        .toMatch(/^name-/);
      await page.keyboard.type(name as string);
      await line.getByLabel(sen.admin.fields.url).fill(url as string);
    }
    await page.getByRole('button', { name: fill(sen.admin.moveUp, { n: 2 }) }).click();
    // The moved line's "down" button keeps focus, so the keyboard stays where it was.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(fill(sen.admin.moveDown, { n: 1 }));
    await page.getByLabel(sen.admin.donationUrl).fill('http://example.org/give');
    await page
      .getByRole('button', { name: fill(sen.admin.save, { country: 'New Zealand' }) })
      .click();
    await page.getByText(sen.admin.problems.https).waitFor();
    await page.getByLabel(sen.admin.donationUrl).fill('https://example.org/give/nz');
    await page
      .getByRole('button', { name: fill(sen.admin.save, { country: 'New Zealand' }) })
      .click();
    await page.getByText(fill(sen.admin.saved, { country: 'New Zealand' })).waitFor();
    expect(await chosen()).toBe('NZ');

    const anyone = new ApiClient(haven.url);
    const nz = await anyone.get('/api/support/resources?country=NZ');
    expect(nz.body).toMatchObject({
      fallback: false,
      donationUrl: 'https://example.org/give/nz',
      crisisLines: [
        { name: 'First service', example: false },
        { name: 'Second service', example: false },
      ],
    });

    await page
      .getByRole('button', { name: fill(sen.admin.delete, { country: 'New Zealand' }) })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: sen.admin.deleteConfirm }).click();
    await page.getByText(fill(sen.admin.deleted, { country: 'New Zealand' })).waitFor();
    expect((await anyone.get('/api/support/resources?country=NZ')).body.fallback).toBe(true);
    expect(visitor.problems).toEqual([]);
    await visitor.close();
  });

  it('shows a member without the role the not-allowed message and no data', async () => {
    const member = await signUpAs(haven, ['moderator']);
    const visitor = await Person.open(haven, browser);
    await visitor.signIn(member.email, '/admin/support');
    await visitor.page.getByText(adm.access.notAllowed).waitFor();
    expect(await visitor.page.getByLabel(sen.admin.country).count()).toBe(0);
    await visitor.close();
  });
});
