import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dir from '../../../../client/src/features/meetings/directory/locales/en.json' with {
  type: 'json',
};
import dirEs from '../../../../client/src/features/meetings/directory/locales/es.json' with {
  type: 'json',
};
import live from '../../../../client/src/features/meetings/live/locales/en.json' with {
  type: 'json',
};
import en from '../../../../client/src/i18n/locales/en.json' with { type: 'json' };
import es from '../../../../client/src/i18n/locales/es.json' with { type: 'json' };
import { signUpAs } from '../../../helpers/api-client.ts';
import { launchChromium } from '../../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';

// The meeting directory in the built client, served by a real Haven, in Chromium. The
// browser lives in Madrid; the test meetings are kept in London time, an hour behind.
let haven: TestHaven;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const PASSWORD = 'correct horse battery';
/** Set HAVEN_SCREENSHOTS=<dir> to keep pictures of the pages for a person to look at. */
const screenshotDir = process.env.HAVEN_SCREENSHOTS;
/** Answers the contract prescribes, which Chrome logs: signed-out /api/me, a refused schedule. */
const EXPECTED = [
  { path: '/api/me', status: '401' },
  { path: '/api/meetings', status: '400' },
];

let facilitator: { email: string; client: Awaited<ReturnType<typeof signUpAs>>['client'] };
let participant: { email: string };
const meetings = {} as Record<'english' | 'spanish' | 'twoDays' | 'family', { id: string }>;
const TWO_DAYS = 'Late Tuesday and Thursday group';
const FAMILY = 'Family and friends circle';

beforeAll(async () => {
  haven = await startTestHaven({
    clientDir: join(import.meta.dirname, '..', '..', '..', '..', 'client', 'dist'),
  });
  facilitator = await signUpAs(haven, ['facilitator'], { displayName: 'Fran' });
  participant = await signUpAs(haven, [], { displayName: 'Pat', timeZone: 'Europe/Madrid' });
  const startsOn = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
  const weekly = (weekdays: number[], localTime: string) => ({
    kind: 'weekly',
    weekdays,
    localTime,
    timeZone: 'Europe/London',
    startsOn,
  });
  const create = async (body: Record<string, unknown>) => {
    const answer = await facilitator.client.post('/api/meetings', {
      description: 'A friendly peer-support meeting.',
      type: 'open',
      format: 'online',
      language: 'en',
      durationMinutes: 60,
      ...body,
    });
    expect(answer.status, answer.text).toBe(201);
    return answer.body.meeting as { id: string };
  };
  meetings.english = await create({
    title: 'Tuesday evening check-in',
    recurrence: weekly([2], '19:00'),
  });
  meetings.spanish = await create({
    title: 'Reunión de los miércoles',
    language: 'es',
    recurrence: weekly([3], '19:00'),
  });
  // 23:30 in London is 00:30 the next day in Madrid.
  meetings.twoDays = await create({ title: TWO_DAYS, recurrence: weekly([2, 4], '23:30') });
  meetings.family = await create({
    title: FAMILY,
    type: 'specialised',
    audience: 'family-and-friends',
    eligibility: {
      requiresConfirmation: true,
      statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
    },
    recurrence: weekly([1, 2, 3, 4, 5, 6, 7], '12:00'),
  });

  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const path = message.location().url.replace(haven.url, '');
    if (EXPECTED.some((e) => e.path === path && message.text().includes(e.status))) return;
    problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

async function screenshot(name: string) {
  if (screenshotDir)
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

const h1 = (name: string) => page.getByRole('heading', { level: 1, name });
const filters = () => page.getByRole('search', { name: dir.filters.label });
const cardTitles = () => page.locator('.meeting-card-title').allTextContents();
const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
const weekDay = (index: number) => page.locator('.week-day').nth(index);

async function signIn(email: string) {
  await h1(en.signIn.title).waitFor();
  await page.getByLabel(en.signIn.email).fill(email);
  await page.getByLabel(en.signIn.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: en.signIn.submit }).click();
}

describe('the meeting directory', () => {
  it('filters by language, and the filtered view survives a reload from its address', async () => {
    await page.goto(`${haven.url}/meetings`);
    await h1(dir.title).waitFor();
    await expect.poll(cardTitles).toContain('Reunión de los miércoles');
    expect(await cardTitles()).toHaveLength(4);
    expect(await page.getByRole('link', { name: dir.newMeeting }).count()).toBe(0);

    await filters().getByLabel(dir.filters.language).selectOption({ label: 'Spanish' });
    await expect.poll(cardTitles).toEqual(['Reunión de los miércoles']);
    expect(new URL(page.url()).search).toBe('?language=es');
    await page.getByText(dir.list.count_one.replace('{{count}}', '1')).waitFor();
    await screenshot('directory-list-filtered-en');

    await page.reload();
    await expect.poll(cardTitles).toEqual(['Reunión de los miércoles']);
    expect(await filters().getByLabel(dir.filters.language).inputValue()).toBe('es');

    await filters().getByRole('button', { name: dir.filters.clear }).click();
    await expect.poll(cardTitles).toHaveLength(4);
    expect(new URL(page.url()).search).toBe('');
  });

  it("shows a two-weekday meeting on both of its days in the viewer's zone", async () => {
    const occurrenceRequests: string[] = [];
    const onRequest = (request: { url: () => string }) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('/occurrences')) occurrenceRequests.push(pathname);
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: dir.view.week }).click();
    await page.locator('.week-grid').waitFor();
    expect(new URL(page.url()).search).toBe('?view=week');
    const entry = (day: number) => weekDay(day).getByRole('link', { name: TWO_DAYS });
    // Tuesday and Thursday 23:30 in London are Wednesday and Friday 00:30 in Madrid.
    await expect.poll(() => entry(2).count()).toBe(1);
    page.off('request', onRequest);
    // The whole week in one request, not one per meeting.
    expect(occurrenceRequests).toEqual(['/api/meetings/occurrences']);
    expect(await entry(4).count()).toBe(1);
    expect(await page.getByRole('link', { name: TWO_DAYS }).count()).toBe(2);
    expect(await entry(2).textContent()).toContain('00:30');
    await screenshot('directory-week-en');

    // Arrow keys move like a calendar: right to the next day with meetings, End to the last.
    await entry(2).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toContain(FAMILY);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => weekDay(3).evaluate((day) => day.contains(document.activeElement)))
      .toBe(true);
    await page.keyboard.press('End');
    await expect
      .poll(() => weekDay(6).evaluate((day) => day.contains(document.activeElement)))
      .toBe(true);

    // Next week has the same pattern; "Previous week" comes back.
    const heading = await page.locator('.week-nav h2').textContent();
    await page.getByRole('button', { name: dir.week.next }).click();
    await expect.poll(() => page.locator('.week-nav h2').textContent()).not.toBe(heading);
    expect(new URL(page.url()).searchParams.get('week')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => entry(2).count()).toBe(1);
    expect(await entry(4).count()).toBe(1);
    await page.getByRole('button', { name: dir.week.previous }).click();
    await expect.poll(() => page.locator('.week-nav h2').textContent()).toBe(heading);
  });

  it('asks to confirm before joining a specialised meeting, then opens the live room', async () => {
    await page.goto(`${haven.url}/meetings/${meetings.family.id}`);
    await h1(FAMILY).waitFor();
    expect(
      await page.getByRole('link', { name: dir.meeting.addToCalendar }).getAttribute('href'),
    ).toBe(`/api/meetings/${meetings.family.id}/calendar.ics`);

    await page.getByRole('link', { name: dir.join.signIn }).click();
    expect(new URL(page.url()).search).toBe(`?next=%2Fmeetings%2F${meetings.family.id}`);
    await signIn(participant.email);
    await h1(FAMILY).waitFor();

    const statement = page.getByLabel(
      dir.statements['family-or-friend-of-someone-with-addictive-behaviour'],
    );
    await page.getByRole('button', { name: dir.join.button }).click();
    await page.getByText(dir.join.confirmRequired).waitFor();
    expect(await statement.getAttribute('aria-invalid')).toBe('true');
    expect(await statement.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot('directory-join-confirm-en');

    await statement.check();
    await page.getByRole('button', { name: dir.join.button }).click();
    // No host has opened it: the live page says so, under the meeting's title.
    await page.getByText(live.notLive.text).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/meetings/${meetings.family.id}/live`);
    await h1(FAMILY).waitFor();
    await page.getByRole('button', { name: live.notLive.checkAgain }).waitFor();
  });

  it('shows a participant no "New meeting" entry, and says who creates meetings', async () => {
    await page.goto(`${haven.url}/meetings`);
    await expect.poll(cardTitles).toHaveLength(4);
    expect(await page.getByRole('link', { name: dir.newMeeting }).count()).toBe(0);
    await page.goto(`${haven.url}/meetings/new`);
    await page.getByText(dir.form.notAllowed).waitFor();
    expect(await page.locator('form.meeting-form').count()).toBe(0);
    await page.locator('header').getByRole('button', { name: en.header.signOut }).click();
    await h1(en.hero.title).waitFor();
  });

  it('lets a facilitator create a meeting through the form and find it listed', async () => {
    await page.goto(`${haven.url}/login?next=%2Fmeetings`);
    await signIn(facilitator.email);
    await h1(dir.title).waitFor();
    await page.getByRole('link', { name: dir.newMeeting }).click();
    await h1(dir.form.newTitle).waitFor();

    const form = page.locator('form.meeting-form');
    await form.getByLabel(dir.form.title).fill('Thursday lunchtime meeting');
    await form.getByLabel(dir.form.description).fill('Half an hour of check-ins over lunch.');
    // A one-off in the past: the server refuses it and the form says where.
    await form.getByLabel(dir.form.kinds.once).check();
    await form.getByLabel(dir.form.localDateTime).fill('2020-01-02T12:30');
    await form.getByRole('button', { name: dir.form.create }).click();
    await page.getByRole('alert').getByText(en.forms.fixFields).waitFor();
    await form.getByText(dir.form.problems.schedule).waitFor();
    await screenshot('directory-form-errors-en');

    await form.getByLabel(dir.form.kinds.weekly).check();
    await form.getByLabel('Thursday').check();
    await form.getByLabel('Monday').check();
    await form.getByLabel(dir.form.localTime).fill('12:30');
    await form.getByLabel(dir.form.duration).fill('45');
    await form.getByLabel(dir.form.language).selectOption('es');
    await form.getByRole('button', { name: dir.form.create }).click();

    await h1('Thursday lunchtime meeting').waitFor();
    await page.getByText(dir.form.created).waitFor();
    await page.getByText('Every Monday and Thursday at 12:30').waitFor();
    await page.getByRole('link', { name: dir.meeting.back }).click();
    await expect.poll(cardTitles).toContain('Thursday lunchtime meeting');
  });

  it('lets the facilitator set the meeting’s agenda: rename, reorder, remove, add', async () => {
    await page.locator('.meeting-card-title').getByText('Thursday lunchtime meeting').click();
    await h1('Thursday lunchtime meeting').waitFor();
    await page.getByRole('link', { name: dir.meeting.edit }).click();
    await h1(dir.form.editTitle).waitFor();
    const agenda = page.getByRole('group', { name: dir.form.agenda.title });
    const fill = (text: string, position: number) => text.replace('{{position}}', String(position));
    await agenda.getByRole('button', { name: fill(dir.form.agenda.remove, 6) }).click();
    await agenda.getByRole('button', { name: fill(dir.form.agenda.up, 2) }).click();
    await agenda.getByLabel(fill(dir.form.agenda.name, 2)).fill('Opening words');
    await agenda.getByRole('button', { name: dir.form.agenda.add }).click();
    // A custom segment without a name is caught before anything is sent.
    await page.getByRole('button', { name: dir.form.save }).click();
    await page.getByRole('alert').getByText(en.forms.fixFields).waitFor();
    await agenda.getByLabel(fill(dir.form.agenda.name, 6)).fill('Reading');
    await agenda.getByLabel(fill(dir.form.agenda.minutes, 6)).fill('7');
    await page.getByRole('button', { name: dir.form.save }).click();
    await h1('Thursday lunchtime meeting').waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const stored = await fetch(`${haven.url}/api/meetings/${id}`).then((r) => r.json());
    expect(stored.meeting.agenda).toEqual([
      { kind: 'checkin', minutes: 15 },
      { kind: 'welcome', title: 'Opening words', minutes: 5 },
      { kind: 'agenda', minutes: 3 },
      { kind: 'working', minutes: 45 },
      { kind: 'hat', minutes: 3 },
      { kind: 'custom', title: 'Reading', minutes: 7 },
    ]);
    await page.getByRole('link', { name: dir.meeting.back }).click();
    await h1(dir.title).waitFor();
  });

  it('lets the facilitator delete it after confirming', async () => {
    await page.locator('.meeting-card-title').getByText('Thursday lunchtime meeting').click();
    await h1('Thursday lunchtime meeting').waitFor();
    await page.getByRole('link', { name: dir.meeting.edit }).click();
    await h1(dir.form.editTitle).waitFor();
    expect(await page.getByLabel(dir.form.title).inputValue()).toBe('Thursday lunchtime meeting');
    await page.getByRole('button', { name: dir.delete.open }).click();
    const dialog = page.getByRole('dialog', { name: dir.delete.dialogTitle });
    await dialog.getByRole('button', { name: dir.delete.confirm }).click();
    await h1(dir.title).waitFor();
    await page.getByText(dir.delete.done).waitFor();
    await expect.poll(cardTitles).toHaveLength(4);
    expect(await cardTitles()).not.toContain('Thursday lunchtime meeting');
  });

  it('fits a phone and a desktop, in Spanish and English, without sideways scrolling', async () => {
    const paths = {
      list: '/meetings',
      week: '/meetings?view=week',
      meeting: `/meetings/${meetings.family.id}`,
      form: '/meetings/new',
    };
    const ready = {
      list: '.meeting-card',
      week: '.week-grid',
      meeting: '.upcoming-dates',
      form: 'form.meeting-form',
    };
    for (const language of ['es', 'en'] as const) {
      const label = language === 'es' ? en.language.label : es.language.label;
      // Signed in on a phone the language control is behind "Menu": switch on a desktop.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.locator('header').getByLabel(label).selectOption(language);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
          await page.goto(`${haven.url}${path}`);
          await page.locator(ready[name]).first().waitFor();
          const title = language === 'es' ? dirEs.title : dir.title;
          if (name === 'list') await h1(title).waitFor();
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(sideways, `${name} in ${language} at ${width}px`).toBeLessThanOrEqual(0);
          await screenshot(`directory-${name}-${language}-${width}`);
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('runs without console errors (no CSP violations, no unexpected failed requests)', () => {
    expect(problems).toEqual([]);
  });
});
