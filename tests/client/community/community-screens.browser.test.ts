import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cm from '../../../client/src/features/community/locales/en.json' with { type: 'json' };
import cmEs from '../../../client/src/features/community/locales/es.json' with { type: 'json' };
import { launchChromium } from '../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { expectStatus, inDays, type Member, member, windowFor } from './helpers.ts';

/**
 * HAVEN_SCREENSHOTS=<dir> saves the community pages, filled with data arranged through the
 * API, in English and Spanish at 1280 and 390 px, for a person to look at. Skipped otherwise.
 */
const screenshotDir = process.env.HAVEN_SCREENSHOTS ?? '';
const WIDTHS = [
  [1280, 'desktop'],
  [390, 'mobile'],
] as const;

// biome-ignore format: keeps the reason on the line of the conditional run
describe.runIf(Boolean(screenshotDir))('the community pages, to look at', () => { // skipped unless HAVEN_SCREENSHOTS=<dir>: it only saves screenshots for people to look at
  let haven: TestHaven;
  let browser: Browser;
  const problems: string[] = [];
  const ids = { group: '', event: '', post: '', reported: '' };
  let robin: Member;
  let windows: { robin: Page; mo: Page; ada: Page; visitor: Page };

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    haven = await startTestHaven({
      clientDir:
        process.env.HAVEN_CLIENT_DIR ??
        join(import.meta.dirname, '..', '..', '..', 'client', 'dist'),
    });
    browser = await launchChromium();
    const [fran, alex, mo, ada] = await Promise.all([
      member(haven, 'Fran', ['facilitator'], { listed: true }),
      member(haven, 'Alex'),
      member(haven, 'Mo', ['moderator']),
      member(haven, 'Ada', ['admin']),
    ]);
    robin = await member(haven, 'Robin', ['participant'], { listed: true });

    const group = await expectStatus<{ group: { id: string } }>(
      fran.client.post('/api/groups', {
        name: 'Sevilla Centre',
        description: 'A local group for people in and around Sevilla.\nWe meet monthly.',
        language: 'es',
        kind: 'area',
        area: { country: 'ES', city: 'Sevilla' },
        timeZone: 'Europe/Madrid',
      }),
      201,
    );
    ids.group = group.group.id;
    for (const who of [robin, alex])
      await expectStatus(who.client.post(`/api/groups/${ids.group}/join`), 200);

    const picnic = await expectStatus<{ event: { id: string } }>(
      fran.client.post('/api/events', {
        title: 'Picnic in the park',
        description: 'Bring something to share.',
        kind: 'social',
        startsAt: inDays(10, 16),
        endsAt: inDays(10, 18),
        timeZone: 'Europe/Madrid',
        location: {
          type: 'in-person',
          venue: 'Parque de María Luisa',
          city: 'Sevilla',
          country: 'ES',
        },
        capacity: 12,
        groupId: ids.group,
      }),
      201,
    );
    ids.event = picnic.event.id;
    await expectStatus(robin.client.post(`/api/events/${ids.event}/rsvp`, { going: true }), 200);
    await expectStatus(
      robin.client.post('/api/events', {
        title: 'Coffee and a walk',
        description: 'An easy walk by the river.',
        kind: 'social',
        startsAt: inDays(20, 10),
        endsAt: inDays(20, 12),
        timeZone: 'Europe/London',
        location: { type: 'online', url: 'https://meet.example.org/coffee' },
        capacity: 8,
      }),
      201,
    );

    const article = await expectStatus<{ post: { id: string } }>(
      robin.client.post('/api/posts', {
        kind: 'article',
        title: 'Riding out an urge',
        body: 'This article on urge surfing helped me.',
        url: 'https://example.org/urge-surfing',
        point: 2,
      }),
      201,
    );
    ids.post = article.post.id;
    await expectStatus(
      alex.client.post(`/api/posts/${ids.post}/comments`, {
        body: 'Writing it down helped me too.',
      }),
      201,
    );
    const idea = await expectStatus<{ post: { id: string } }>(
      alex.client.post('/api/posts', {
        kind: 'idea',
        title: 'Ten minutes of walking',
        body: 'When an urge comes, I walk around the block before deciding anything.\nBy the time I am back it has usually passed.',
        point: 2,
      }),
      201,
    );
    ids.reported = idea.post.id;
    await expectStatus(
      robin.client.post(`/api/posts/${ids.reported}/report`, { reason: 'off-topic' }),
      201,
    );

    const feedback = await expectStatus<{ feedback: { id: string } }>(
      robin.client.post('/api/feedback', {
        topic: 'meetings',
        message: 'Could we have more evening meetings?',
      }),
      201,
    );
    await expectStatus(
      ada.client.patch(`/api/feedback/${feedback.feedback.id}`, {
        status: 'planned',
        response: 'Yes: two new evening meetings start next month.',
      }),
      200,
    );
    await expectStatus(
      alex.client.post('/api/feedback', {
        topic: 'haven',
        message: 'Sent without my name.',
        anonymous: true,
      }),
      201,
    );

    windows = {
      robin: (await windowFor(browser, haven, robin, problems)).page,
      mo: (await windowFor(browser, haven, mo, problems)).page,
      ada: (await windowFor(browser, haven, ada, problems)).page,
      visitor: (await windowFor(browser, haven, null, problems)).page,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await haven?.close();
  });

  const shoot = (page: Page, name: string, fullPage = true) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });

  /** Opens a page in `language` and waits until its data is in ("Loading…" gone). */
  async function show(page: Page, path: string, title: string, language: 'en' | 'es') {
    await page.goto(`${haven.url}${path}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const loading = language === 'es' ? cmEs.loading : cm.loading;
    await expect.poll(() => page.getByText(loading, { exact: true }).count()).toBe(0);
  }

  it('saves the member pages, in English and Spanish, wide and narrow', async () => {
    const page = windows.robin;
    for (const [language, words] of [
      ['en', cm],
      ['es', cmEs],
    ] as const) {
      await page.goto(haven.url);
      await page.evaluate((l) => localStorage.setItem('haven.language', l), language);
      const shots: Array<[string, string, string]> = [
        ['groups', '/groups', words.groups.title],
        ['group', `/groups/${ids.group}`, 'Sevilla Centre'],
        ['events', '/events', words.events.title],
        ['event', `/events/${ids.event}`, 'Picnic in the park'],
        ['event-new', '/events/new', words.eventForm.newTitle],
        ['posts', '/posts', words.posts.title],
        ['post', `/posts/${ids.post}`, 'Riding out an urge'],
        ['share', '/posts/new', words.newPost.title],
        ['feedback', '/feedback', words.feedback.title],
      ];
      for (const [width, label] of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, path, title] of shots) {
          await show(page, path, title, language);
          await shoot(page, `${name}-${language}-${label}`);
        }
        // The report dialog over a post (the viewport only: it is modal).
        await show(page, `/posts/${ids.reported}`, 'Ten minutes of walking', language);
        await page.getByRole('button', { name: words.report.open, exact: false }).click();
        await page.getByRole('dialog', { name: words.report.titlePost }).waitFor();
        await shoot(page, `report-dialog-${language}-${label}`, false);
        await page.keyboard.press('Escape');
      }
    }
    await page.evaluate(() => localStorage.setItem('haven.language', 'en'));
  });

  it('saves the way in for someone signed out', async () => {
    const page = windows.visitor;
    for (const [language, words] of [
      ['en', cm],
      ['es', cmEs],
    ] as const) {
      await page.goto(haven.url);
      await page.evaluate((l) => localStorage.setItem('haven.language', l), language);
      for (const [width, label] of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${haven.url}/events`);
        await page.getByText(words.session.signedOut).waitFor();
        await shoot(page, `signed-out-${language}-${label}`);
      }
    }
  });

  it('saves the moderators’ and admins’ pages', async () => {
    for (const [page, path, title, name] of [
      [windows.mo, '/moderation', cm.moderation.title, 'moderation'],
      [windows.ada, '/feedback/all', cm.allFeedback.title, 'feedback-all'],
    ] as const) {
      for (const [width, label] of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await show(page, path, title, 'en');
        await shoot(page, `${name}-en-${label}`);
      }
    }
  });

  it('ran without console errors', () => {
    expect(problems).toEqual([]);
  });
});
