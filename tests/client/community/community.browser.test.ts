import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cm from '../../../client/src/features/community/locales/en.json' with { type: 'json' };
import shell from '../../../client/src/i18n/locales/en.json' with { type: 'json' };
import { launchChromium } from '../../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { expectStatus, fill, inDays, type Member, member, windowFor } from './helpers.ts';

// The community pages in Chromium, on a real Haven, with data arranged through the API.
// Screenshots of the same pages: community-screens.browser.test.ts.
let haven: TestHaven;
let browser: Browser;
const problems: string[] = [];

let fran: Member; // facilitator: creates the group and an event
let robin: Member; // participant, listed in member lists
let alex: Member; // participant
let mo: Member; // site moderator
let ada: Member; // admin
const pages = {} as Record<'robin' | 'alex' | 'mo' | 'ada', Page>;
let groupId = '';
let eventId = '';
let postId = '';

beforeAll(async () => {
  haven = await startTestHaven({
    // HAVEN_CLIENT_DIR: a build of one's own, when others rebuild client/dist meanwhile.
    clientDir:
      process.env.HAVEN_CLIENT_DIR ?? join(import.meta.dirname, '..', '..', '..', 'client', 'dist'),
  });
  browser = await launchChromium();
  [fran, robin, alex, mo, ada] = await Promise.all([
    member(haven, 'Fran', ['facilitator']),
    member(haven, 'Robin', ['participant'], { listed: true }),
    member(haven, 'Alex'),
    member(haven, 'Mo', ['moderator']),
    member(haven, 'Ada', ['admin']),
  ]);
  for (const [key, who] of [
    ['robin', robin],
    ['alex', alex],
    ['mo', mo],
    ['ada', ada],
  ] as const) {
    pages[key] = (await windowFor(browser, haven, who, problems)).page;
  }
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const main = (page: Page) => page.locator('main');
const open = async (page: Page, path: string, title: string) => {
  await page.goto(`${haven.url}${path}`);
  await h1(page, title).waitFor();
};

describe('the community, as members use it', () => {
  it('asks a signed-out visitor to sign in, and to come back here after', async () => {
    const { page, context } = await windowFor(browser, haven, null, problems);
    await open(page, '/groups?kind=area', cm.groups.title);
    await page.getByText(cm.session.signedOut).waitFor();
    const signIn = main(page).getByRole('link', { name: cm.session.signIn });
    expect(await signIn.getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent('/groups?kind=area')}`,
    );
    await context.close();
  });

  it('joins a group and sees the member count change', async () => {
    const created = await expectStatus<{ group: { id: string } }>(
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
    groupId = created.group.id;
    const page = pages.robin;

    await open(page, '/groups', cm.groups.title);
    // Only facilitators, moderators and admins are offered "Create a group".
    expect(await main(page).getByRole('link', { name: cm.groups.create }).count()).toBe(0);
    await page.getByLabel(cm.groups.country).selectOption('ES');
    await page.getByLabel(cm.groups.city).fill('sevilla');
    // Filters apply as they change (the city after a short pause): no button to press.
    await page.waitForURL(/\/groups\?country=ES&city=sevilla$/);
    const card = main(page).getByRole('listitem').filter({ hasText: 'Sevilla Centre' });
    await card.getByText(fill(cm.groups.memberCount_one, { count: 1 })).waitFor();
    await card.getByRole('link', { name: 'Sevilla Centre' }).click();

    await h1(page, 'Sevilla Centre').waitFor();
    await page.getByText(fill(cm.groups.memberCount_one, { count: 1 })).waitFor();
    await page.getByText(cm.groups.membersHidden).waitFor();
    await page.getByText(cm.groups.chatText).waitFor();
    await page.getByRole('button', { name: cm.groups.join }).click();
    await page.getByRole('status').getByText(cm.groups.joined).waitFor();
    await page.getByText(fill(cm.groups.memberCount_other, { count: 2 })).waitFor();
    // Now a member: the list explains who is shown, and where to choose.
    await page.getByText(cm.groups.membersExplained).waitFor();
    const members = page.locator('.cm-member-list');
    await members.getByText(`Robin ${cm.groups.you}`).waitFor();
    await members.getByText('Fran').waitFor();
    expect(await page.getByRole('link', { name: cm.groups.privacyLink }).getAttribute('href')).toBe(
      '/account',
    );
    // Robin is not a moderator here: no appointing.
    expect(await page.getByRole('button', { name: /moderator/ }).count()).toBe(0);

    await page.getByRole('link', { name: cm.groups.back }).click();
    await h1(page, cm.groups.title).waitFor();
    const updated = main(page).getByRole('listitem').filter({ hasText: 'Sevilla Centre' });
    await updated.getByText(fill(cm.groups.memberCount_other, { count: 2 })).waitFor();
    await updated.getByText(cm.groups.youAreMember).waitFor();
  });

  it('RSVPs to an event with one place left, and a second member finds it full', async () => {
    const created = await expectStatus<{ event: { id: string } }>(
      fran.client.post('/api/events', {
        title: 'Picnic in the park',
        description: 'Bring something to share.',
        kind: 'social',
        startsAt: inDays(10, 16),
        endsAt: inDays(10, 18),
        timeZone: 'Europe/Madrid',
        location: { type: 'online', url: 'https://meet.example.org/picnic' },
        capacity: 2,
        groupId,
      }),
      201,
    );
    eventId = created.event.id;
    await expectStatus(fran.client.post(`/api/events/${eventId}/rsvp`, { going: true }), 200);

    const robinPage = pages.robin;
    await open(robinPage, '/events', cm.events.title);
    const card = main(robinPage).getByRole('listitem').filter({ hasText: 'Picnic in the park' });
    await card.getByText(fill(cm.events.placesLeft_one, { count: 1 })).waitFor();
    // The viewer's zone (London) and the event's own (Madrid) differ: both are given.
    await card.getByText('your time (Europe/London)', { exact: false }).waitFor();
    await card.getByText('(Europe/Madrid)', { exact: false }).waitFor();
    await card.getByText(fill(cm.events.groupIs, { name: 'Sevilla Centre' })).waitFor();

    // Alex opens the page while a place is still free…
    const alexPage = pages.alex;
    await open(alexPage, `/events/${eventId}`, 'Picnic in the park');
    await alexPage.getByText(cm.events.linkWhenGoing).waitFor();
    expect(await alexPage.getByRole('link', { name: cm.events.joinLink }).count()).toBe(0);

    // …and Robin takes it.
    await card.getByRole('link', { name: 'Picnic in the park' }).click();
    await h1(robinPage, 'Picnic in the park').waitFor();
    await robinPage.getByRole('button', { name: cm.events.imGoing }).click();
    await robinPage.getByRole('status').getByText(cm.events.rsvpDone).waitFor();
    await robinPage.getByText(cm.events.full, { exact: true }).waitFor();
    await robinPage.getByText(fill(cm.events.going_other, { count: 2 })).waitFor();
    const link = robinPage.getByRole('link', { name: cm.events.joinLink });
    expect(await link.getAttribute('href')).toBe('https://meet.example.org/picnic');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    // Alex's click meets the 409 and is told kindly, with the page brought up to date.
    await alexPage.getByRole('button', { name: cm.events.imGoing }).click();
    await alexPage.getByRole('alert').getByText(cm.events.fullNow).waitFor();
    await alexPage.getByText(cm.events.full, { exact: true }).waitFor();
    expect(await alexPage.getByRole('button', { name: cm.events.imGoing }).count()).toBe(0);
    await expect
      .poll(() => alexPage.evaluate(() => document.activeElement?.textContent))
      .toBe(cm.events.rsvpTitle);
    await alexPage.reload();
    await alexPage.getByText(cm.events.fullText).waitFor();

    // Giving the place back frees it.
    await robinPage.getByRole('button', { name: cm.events.notGoing }).click();
    await robinPage.getByRole('status').getByText(cm.events.rsvpUndone).waitFor();
    await robinPage.getByText(fill(cm.events.placesLeft_one, { count: 1 })).waitFor();
  });

  it('organises an event, and the organiser sees who is going', async () => {
    const page = pages.robin;
    await open(page, '/events', cm.events.title);
    await main(page).getByRole('link', { name: cm.events.create }).click();
    await h1(page, cm.eventForm.newTitle).waitFor();
    await page.getByRole('button', { name: cm.eventForm.create }).click();
    await page.getByRole('alert').getByText(shell.forms.fixFields).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');

    await page.getByLabel(cm.eventForm.title).fill('Coffee and a walk');
    await page.getByLabel(cm.eventForm.description).fill('An easy walk by the river.');
    const day = inDays(20).slice(0, 10);
    await page.getByLabel(cm.eventForm.startsAt).fill(`${day}T10:00`);
    await page.getByLabel(cm.eventForm.endsAt).fill(`${day}T09:00`);
    await page.getByRole('button', { name: cm.eventForm.create }).click();
    await page.getByText(cm.problems.endBeforeStart).waitFor();
    await page.getByLabel(cm.eventForm.endsAt).fill(`${day}T12:00`);
    await page.getByLabel(cm.eventForm.capacity).fill('8');
    await page.getByRole('button', { name: cm.eventForm.create }).click();

    await h1(page, 'Coffee and a walk').waitFor();
    await page.getByText(cm.notices.eventCreated).waitFor();
    await page.getByText(fill(cm.events.placesLeft_other, { count: 8 })).waitFor();
    await page.getByRole('heading', { name: cm.events.attendees }).waitFor();
    await page.getByText(cm.events.nobodyYet).waitFor();
    await page.getByRole('link', { name: cm.events.edit }).waitFor();
  });

  it('shares a post and comments on it', async () => {
    const page = pages.robin;
    await open(page, '/posts', cm.posts.title);
    await main(page).getByRole('link', { name: cm.posts.share }).click();
    await h1(page, cm.newPost.title).waitFor();
    await page.getByRole('radio', { name: cm.posts.kinds.article }).check();
    await page.getByLabel(cm.newPost.titleLabel).fill('Riding out an urge');
    await page.getByLabel(cm.newPost.articleUrl).fill('not a link');
    await page.getByLabel(cm.newPost.bodyWithLink).fill('This article on urge surfing helped me.');
    await page.getByRole('button', { name: cm.newPost.submit }).click();
    await page.getByText(cm.problems.url).waitFor();
    await page.getByText(shell.forms.problems.required).waitFor(); // the point
    await page.getByLabel(cm.newPost.articleUrl).fill('https://example.org/urge-surfing');
    await page.getByRole('radio', { name: /^Point 2:/ }).check();
    await page.getByRole('button', { name: cm.newPost.submit }).click();

    await h1(page, 'Riding out an urge').waitFor();
    postId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByText(cm.notices.postShared).waitFor();
    await page.getByText('Point 2: Coping with Urges').waitFor();
    const link = page.getByRole('link', { name: cm.posts.read });
    expect(await link.getAttribute('href')).toBe('https://example.org/urge-surfing');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.locator('main iframe, main video, main embed').count()).toBe(0);

    await page.getByLabel(cm.comments.add).fill('Writing it down helped me too.');
    await page.getByRole('button', { name: cm.comments.submit }).click();
    await page.getByRole('status').getByText(cm.comments.added).waitFor();
    await page.locator('.cm-comment').getByText('Writing it down helped me too.').waitFor();
    await page.getByRole('heading', { name: fill(cm.comments.title_one, { count: 1 }) }).waitFor();

    // In the feed, filtered by its point, with its author.
    await page.getByRole('link', { name: cm.posts.back }).click();
    await h1(page, cm.posts.title).waitFor();
    await page.getByLabel(cm.posts.point).selectOption('2');
    await page.getByRole('button', { name: cm.posts.apply }).click();
    await page.waitForURL(/\/posts\?point=2$/);
    const card = main(page).getByRole('listitem').filter({ hasText: 'Riding out an urge' });
    await card.getByText(/^Robin, /).waitFor();
    await card.getByText(fill(cm.posts.comments_one, { count: 1 })).waitFor();
  });

  it('reports a post; a moderator hides it and it leaves the feed', async () => {
    const page = pages.alex;
    await open(page, `/posts/${postId}`, 'Riding out an urge');
    const opener = page.getByRole('button', {
      name: fill(cm.report.openLabel, { what: cm.report.thisPost }),
    });
    const dialog = page.getByRole('dialog', { name: cm.report.titlePost });
    const focusedInDialog = () =>
      page.evaluate(() => Boolean(document.activeElement?.closest('dialog')));

    // Escape closes it and gives focus back to the opener.
    await opener.click();
    await dialog.waitFor();
    await expect.poll(focusedInDialog).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: cm.report.send }).click();
    await dialog.getByText(shell.forms.problems.required).waitFor();
    await dialog.getByRole('radio', { name: cm.report.reasons.spam }).check();
    await dialog.getByLabel(cm.report.note).fill('Looks like an advert to me.');
    await dialog.getByRole('button', { name: cm.report.send }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText(cm.report.sent).waitFor();
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);

    // Members are not offered moderation; a moderator is, from the feed.
    await open(page, '/posts', cm.posts.title);
    expect(await main(page).getByRole('link', { name: cm.moderation.link }).count()).toBe(0);
    const modPage = pages.mo;
    await open(modPage, '/posts', cm.posts.title);
    await main(modPage).getByRole('link', { name: cm.moderation.link }).click();
    await h1(modPage, cm.moderation.title).waitFor();
    const report = main(modPage).getByRole('listitem').filter({ hasText: 'Riding out an urge' });
    await report.getByText(cm.report.reasons.spam).waitFor();
    await report
      .getByText(fill(cm.moderation.note, { note: 'Looks like an advert to me.' }))
      .waitFor();
    await report.getByText(fill(cm.moderation.author, { name: 'Robin' })).waitFor();
    expect(await report.getByText('Alex').count()).toBe(0); // never the reporter
    await report.getByRole('button', { name: cm.moderation.hide.post }).click();
    await modPage
      .getByRole('dialog')
      .getByRole('button', { name: cm.moderation.hide.post })
      .click();
    await modPage.getByRole('status').getByText(cm.moderation.outcome.hide).waitFor();
    await report.waitFor({ state: 'detached' });

    await page.reload();
    await h1(page, cm.posts.title).waitFor();
    await page.getByRole('status').filter({ hasText: cm.posts.empty }).waitFor();
    expect(await main(page).getByText('Riding out an urge').count()).toBe(0);
    // Its author still sees it, marked hidden.
    await open(pages.robin, `/posts/${postId}`, 'Riding out an urge');
    await pages.robin.getByText(cm.posts.hidden).waitFor();
  });

  it('sends feedback, an admin answers it, and the member sees the answer', async () => {
    const page = pages.robin;
    await open(page, '/feedback', cm.feedback.title);
    await page.getByText(cm.feedback.anonymousHint).waitFor();
    await page.getByLabel(cm.feedback.topic).selectOption('meetings');
    await page.getByLabel(cm.feedback.message).fill('Could we have more evening meetings?');
    await page.getByRole('button', { name: cm.feedback.send }).click();
    await page.getByRole('status').getByText(cm.feedback.sent).waitFor();
    const mine = main(page).getByRole('listitem').filter({ hasText: 'more evening meetings' });
    await mine.getByText(cm.feedback.statuses.new).waitFor();
    expect(await main(page).getByRole('link', { name: cm.allFeedback.link }).count()).toBe(0);

    // Anonymous feedback is not kept with the member, so it is not listed.
    await page.getByLabel(cm.feedback.topic).selectOption('haven');
    await page.getByLabel(cm.feedback.message).fill('Sent without my name.');
    await page.getByRole('checkbox', { name: cm.feedback.anonymous }).check();
    await page.getByRole('button', { name: cm.feedback.send }).click();
    await page.getByRole('status').getByText(cm.feedback.sentAnonymously).waitFor();
    expect(await main(page).getByText('Sent without my name.').count()).toBe(0);

    const adminPage = pages.ada;
    await open(adminPage, '/feedback', cm.feedback.title);
    await main(adminPage).getByRole('link', { name: cm.allFeedback.link }).click();
    await h1(adminPage, cm.allFeedback.title).waitFor();
    const item = main(adminPage).getByRole('listitem').filter({ hasText: 'more evening meetings' });
    await item.getByText(/^From Robin, /).waitFor();
    await main(adminPage)
      .getByRole('listitem')
      .filter({ hasText: 'Sent without my name.' })
      .getByText(/^From Anonymous, /)
      .waitFor();
    await item.getByLabel(cm.allFeedback.status).selectOption('planned');
    await item
      .getByLabel(cm.allFeedback.response)
      .fill('Yes: two new evening meetings start next month.');
    await item.getByRole('button', { name: cm.allFeedback.save }).click();
    await item.getByRole('status').getByText(cm.allFeedback.saved).waitFor();
    await adminPage.getByLabel(cm.allFeedback.statusFilter).selectOption('planned');
    await adminPage.waitForURL(/status=planned/);
    await main(adminPage)
      .getByText(fill(cm.allFeedback.shown_one, { count: 1 }))
      .waitFor();

    await page.reload();
    await h1(page, cm.feedback.title).waitFor();
    await mine.getByText(cm.feedback.statuses.planned).waitFor();
    await mine.getByText('Yes: two new evening meetings start next month.').waitFor();
  });

  it('offers group moderators to appoint listed members', async () => {
    const page = pages.mo; // site moderators may act on any group
    await open(page, `/groups/${groupId}`, 'Sevilla Centre');
    const appoint = page.getByRole('button', {
      name: fill(cm.groups.makeModerator, { name: 'Robin' }),
    });
    await appoint.click();
    await page
      .getByRole('status')
      .getByText(fill(cm.groups.appointed, { name: 'Robin' }))
      .waitFor();
    await page
      .getByRole('button', { name: fill(cm.groups.removeModerator, { name: 'Robin' }) })
      .waitFor();
  });

  it('runs without console errors (the 401 and 409 the contract prescribes aside)', () => {
    expect(problems).toEqual([]);
  });
});
