import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import community from '../../client/src/features/community/locales/en.json' with { type: 'json' };
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e } from './helpers.ts';

/**
 * Issue 18, finding 9, on a phone: an event offers its calendar file and says "you're
 * going" once; "Until" before "From" is explained; group filters apply without a button.
 */
let haven: TestHaven;
let browser: Browser;
let kai: Awaited<ReturnType<typeof signedInPage>>;
let eventId: string;
const ev = community.events;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  kai = await signedInPage(haven, browser, ['facilitator'], 'Kai', { phone: true });
  const api = kai.client.client;
  for (const [name, city] of [
    ['Harbour walkers', 'Bristol'],
    ['Valley readers', 'Leeds'],
  ] as const) {
    const created = await api.post('/api/groups', {
      name,
      description: 'Meets weekly.',
      language: 'en',
      kind: 'area',
      area: { city, country: 'GB' },
    });
    expect(created.status, created.text).toBe(201);
  }
  const event = await api.post('/api/events', {
    title: 'Recovery café evening',
    description: 'Tea and an open mic.',
    kind: 'social',
    startsAt: '2099-03-01T18:00:00Z',
    endsAt: '2099-03-01T20:00:00Z',
    timeZone: 'Europe/London',
    location: { type: 'in-person', venue: 'The café', city: 'Bristol', country: 'GB' },
    capacity: 10,
  });
  expect(event.status, event.text).toBe(201);
  eventId = event.body.event.id;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('events and groups on a phone', () => {
  it("offers the event's calendar file and confirms an RSVP once", async () => {
    const { page } = kai;
    await page.goto(`${haven.url}/events/${eventId}`);
    const link = page.getByRole('link', { name: ev.addToCalendar });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/api/events/${eventId}/calendar.ics`);
    await page.getByRole('button', { name: ev.imGoing }).click();
    await page.getByText(ev.rsvpDone).waitFor();
    expect(await page.getByText(ev.youAreGoingText).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('explains an "Until" before "From" instead of showing nothing', async () => {
    const { page } = kai;
    await page.goto(`${haven.url}/events?from=2099-05-10&to=2099-05-01`);
    await page.getByRole('alert').filter({ hasText: ev.fromAfterTo }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('applies group filters at once, the typed city after a pause', async () => {
    const { page } = kai;
    await page.goto(`${haven.url}/groups`);
    const cards = page.locator('.cm-cards h3');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await page.getByRole('button', { name: community.groups.apply }).count()).toBe(0);
    await page.getByLabel(community.groups.city).fill('Leeds');
    await expect.poll(() => cards.allTextContents()).toEqual(['Valley readers']);
    expect(new URL(page.url()).search).toBe('?city=Leeds');
    expect(await axeViolations(page)).toEqual([]);
  });
});
