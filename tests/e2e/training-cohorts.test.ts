import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signUpAs } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { publishedCourse } from '../server/training/helpers.ts';
import { axeViolations, signedInPage, startE2e, tabTo } from './helpers.ts';
import {
  approveAnswer,
  basicsCourse,
  ok,
  pageSignedIn,
  screenshotTo,
} from './training-fixtures.ts';

/**
 * Trainers, admins and a partner's staff lead in the browser (issue 17): a trainer filters
 * the review queue (the filters live in the address), approves an answer that completes the
 * facilitator track, creates a cohort, reads its progress and grants the facilitator role
 * (and reads the server's refusal for a member whose training the policy does not count as
 * complete); an admin turns on automatic grants; a member keeps a certificate verifiable and
 * prints one. A partner's staff lead is in training-staff-lead.test.ts. Every outcome is checked on
 * the server, every page with axe-core. `TRAINING_SCREENSHOTS=dir` keeps screenshots.
 */
let haven: TestHaven;
let browser: Browser;
let trainer: { page: Page; client: ApiClient; id: string };
type Learner = { client: ApiClient; id: string };
let fay: Learner;
let gil: Learner;
let hal: Learner;
let ivy: Learner;
let ola: Learner;
let leading: { id: string; items: Record<string, string> };
let extraFacilitator: { id: string };
let cohortUrl = '';
const shots = process.env.TRAINING_SCREENSHOTS;

const screenshot = (page: Page, name: string) => screenshotTo(shots, page, name);
const pageOf = (client: ApiClient, phone = false) => pageSignedIn(browser, haven, client, phone);
const rolesOf = async (learner: Learner) =>
  (await learner.client.get('/api/me')).body.user.roles as string[];
const approve = (learner: Learner, courseId: string) =>
  approveAnswer(trainer.client, learner.id, courseId);

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  const tess = await signedInPage(haven, browser, ['trainer'], 'Tess');
  trainer = { page: tess.page, client: tess.client.client, id: tess.client.id };
  const basics = await publishedCourse(trainer.client, basicsCourse);
  const urges = await publishedCourse(trainer.client);
  leading = await publishedCourse(trainer.client, {
    title: 'Leading a meeting',
    track: 'facilitator',
    modules: [
      {
        key: 'lead',
        title: 'Leading',
        items: [
          { key: 'read', kind: 'reading', title: 'Before', markdown: '# Before', minutes: 10 },
          {
            key: 'plan',
            kind: 'exercise',
            title: 'Plan a meeting',
            prompt: 'Describe how you open a meeting.',
            minutes: 20,
          },
        ],
      },
    ],
  });
  extraFacilitator = await publishedCourse(trainer.client, {
    title: 'Holding a hard moment',
    track: 'facilitator',
  });

  const learner = async (name: string) => {
    const made = await signUpAs(haven, ['participant'], { displayName: name });
    return { client: made.client, id: made.id };
  };
  fay = await learner('Fay');
  gil = await learner('Gil');
  hal = await learner('Hal');
  ivy = await learner('Ivy');
  ola = await learner('Ola');
  // Fay, Hal and Ivy complete foundations, then everything in "Leading a meeting" but the
  // exercise, which waits for a trainer. Gil and Ola send the foundations course's exercise.
  for (const who of [fay, hal, ivy, gil]) {
    await ok(who.client.post(`/api/items/${basics.items.read}/complete`, {}));
  }
  for (const who of [fay, hal, ivy]) {
    await ok(who.client.post(`/api/items/${leading.items.read}/complete`, {}));
    await ok(
      who.client.post(`/api/items/${leading.items.plan}/submissions`, {
        text: 'I welcome everyone and read the agenda.',
      }),
      201,
    );
  }
  for (const who of [gil, ola]) {
    await ok(
      who.client.post(`/api/items/${urges.items.write}/submissions`, {
        text: 'It rose and passed.',
      }),
      201,
    );
  }
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('trainers, admins and staff leads in the browser', () => {
  it('filters the review queue by course and status, in an address that survives a reload', async () => {
    const { page } = trainer;
    await page.goto(`${haven.url}/training`);
    await page.getByRole('link', { name: 'Exercises to review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exercises to review' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ola: Write' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const filters = page.getByRole('search', { name: 'Filter the answers' });
    await filters.getByRole('combobox', { name: 'Course' }).selectOption({
      label: 'Leading a meeting (In English)',
    });
    await filters.getByRole('button', { name: 'Show answers' }).click();
    await page.waitForURL(`**/training/reviews?course=${leading.id}`);
    await page.getByRole('heading', { level: 2, name: 'Hal: Plan a meeting' }).waitFor();
    await page.getByRole('status').filter({ hasText: '3 answers on this page.' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Ola: Write' }).count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Fay: Plan a meeting' }).waitFor();
    expect(
      await page
        .getByRole('combobox', { name: 'Course' })
        .evaluate((el) => (el as HTMLSelectElement).value),
    ).toBe(leading.id);
    expect(await page.getByRole('heading', { level: 2, name: 'Gil: Write' }).count()).toBe(0);

    const answer = page.getByRole('listitem').filter({ hasText: 'Fay: Plan a meeting' });
    await answer.getByRole('button', { name: 'Approve' }).click();
    await answer.getByRole('status').filter({ hasText: 'Approved. Fay can see it.' }).waitFor();
    // The approval completed Fay's facilitator course, so her record holds the track.
    const record = (await fay.client.get('/api/training/record')).body.record;
    expect(record.facilitatorTrainingComplete).toBe(true);

    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Approved' });
    await page.getByRole('button', { name: 'Show answers' }).click();
    await page.waitForURL(`**/training/reviews?status=approved&course=${leading.id}`);
    const approved = page.getByRole('listitem').filter({ hasText: 'Fay: Plan a meeting' });
    await approved.getByText('Approved', { exact: true }).waitFor();
    expect(await approved.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Hal: Plan a meeting' }).count()).toBe(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reviews-filtered');
  });

  it('creates a cohort from the learners it can name, and reads its progress', async () => {
    // The policy now names a second facilitator course, so Hal's completion of "Leading a
    // meeting" does not complete his track: the grant below is refused for him.
    const admin = await signUpAs(haven, ['admin'], { displayName: 'Ada' });
    await ok(
      admin.client.patch('/api/training/settings', {
        facilitatorCourseIds: [leading.id, extraFacilitator.id],
      }),
    );
    await approve(hal, leading.id);

    const { page } = trainer;
    await page.goto(`${haven.url}/training`);
    await page.getByRole('link', { name: 'Cohorts and progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
    await page.getByText('You follow no cohorts yet.').waitFor();
    await page.getByRole('textbox', { name: 'Name of the cohort' }).fill('Spring intake');
    const members = page.getByRole('group', { name: 'Members' });
    for (const name of ['Fay', 'Gil', 'Hal'])
      await members.getByRole('checkbox', { name, exact: true }).check();
    await members.getByText('3 members chosen.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the cohort' }).click();

    await page.getByRole('heading', { level: 1, name: 'Spring intake' }).waitFor();
    cohortUrl = page.url();
    expect(cohortUrl).toMatch(/\/training\/cohorts\/[a-f0-9]{24}$/);
    const table = page.getByRole('region', {
      name: 'Progress in Spring intake, by member and course',
    });
    await table.getByRole('table').waitFor();
    const faysRows = table.locator('tbody').filter({ hasText: 'Fay' });
    const faysLeading = faysRows.getByRole('row').filter({ hasText: 'Leading a meeting' });
    await faysLeading.getByText('2 of 2', { exact: true }).waitFor();
    await faysLeading.getByText(/^Completed on /).waitFor();
    // Its one written exercise approved (the server's count, for the version Fay takes).
    await faysLeading.getByRole('cell', { name: '1 of 1', exact: true }).waitFor();
    const gilsUrges = table
      .locator('tbody')
      .filter({ hasText: 'Gil' })
      .getByRole('row')
      .filter({ hasText: 'Coping with urges' });
    await gilsUrges.getByText('0 of 4', { exact: true }).waitFor();
    // Gil's answer waits for a trainer: not approved yet.
    await gilsUrges.getByRole('cell', { name: '0 of 1', exact: true }).waitFor();
    await gilsUrges.getByText('In progress', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cohort-desktop');

    const cohorts = (await trainer.client.get('/api/cohorts')).body.items;
    expect(cohorts).toHaveLength(1);
    expect(new Set(cohorts[0].memberIds)).toEqual(new Set([fay.id, gil.id, hal.id]));
  });

  it('grants the facilitator role to a member whose track is complete, and says why not for another', async () => {
    const { page } = trainer;
    const grants = page.getByRole('region', { name: 'Facilitator role' });
    await grants.getByText('Fay · completed Leading a meeting').waitFor();
    // Gil completed no facilitator course: nothing to grant him.
    expect(await grants.getByRole('button', { name: /Gil/ }).count()).toBe(0);
    expect(await rolesOf(fay)).not.toContain('facilitator');

    const grantFay = grants.getByRole('button', { name: 'Grant the facilitator role to Fay' });
    await tabTo(page, grantFay);
    await page.keyboard.press('Enter');
    await grants
      .getByRole('status')
      .filter({ hasText: 'Fay now holds the facilitator role.' })
      .waitFor();
    expect(await rolesOf(fay)).toContain('facilitator');

    await grants.getByRole('button', { name: 'Grant the facilitator role to Hal' }).click();
    await grants
      .getByRole('status')
      .filter({
        hasText: "The role was not granted: Hal's facilitator training is not complete yet.",
      })
      .waitFor();
    expect(await rolesOf(hal)).not.toContain('facilitator');
    expect(
      (await hal.client.get('/api/training/record')).body.record.facilitatorTrainingComplete,
    ).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cohort-grants');
  });

  it("filters the review queue by the cohort, from the cohort's page", async () => {
    const { page } = trainer;
    await page.getByRole('link', { name: "This cohort's answers to review" }).click();
    await page.getByRole('heading', { level: 2, name: 'Gil: Write' }).waitFor();
    expect(page.url()).toMatch(/\/training\/reviews\?cohort=[a-f0-9]{24}$/);
    // Ola and Ivy are not in the cohort; Fay's and Hal's answers are approved.
    expect(await page.getByRole('heading', { level: 2, name: 'Ola: Write' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: /^Ivy/ }).count()).toBe(0);
    await page.getByRole('status').filter({ hasText: '1 answer on this page.' }).waitFor();
    expect(
      await page
        .getByRole('combobox', { name: 'Cohort' })
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe('Spring intake');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets an admin turn on automatic facilitator grants, which the next completion follows', async () => {
    const { page, client: abe } = await signedInPage(haven, browser, ['admin'], 'Abe');
    const client = abe.client;
    await page.goto(`${haven.url}/training/cohorts`);
    await page.getByRole('link', { name: 'Spring intake' }).waitFor();
    // Admins may search the member directory from the new cohort's form.
    const members = page.getByRole('group', { name: 'Members' });
    await members.getByRole('searchbox', { name: 'Find members by name' }).fill('tess');
    await members.getByRole('button', { name: 'Find' }).click();
    await members.getByText('1 member found and added to the list.').waitFor();
    await members.getByRole('checkbox', { name: 'Tess', exact: true }).waitFor();
    const policy = page.getByRole('region', { name: 'Training policy' });
    const box = policy.getByRole('checkbox', { name: 'Grant the facilitator role automatically' });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await policy
      .getByRole('status')
      .filter({ hasText: 'Saved: the facilitator role is now granted automatically.' })
      .waitFor();
    expect((await client.get('/api/training/settings')).body.settings.autoGrantFacilitator).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'policy');
    await page.reload();
    await page
      .getByRole('checkbox', { name: 'Grant the facilitator role automatically' })
      .and(page.locator(':checked'))
      .waitFor();

    // With the policy's course list back to "any facilitator course", Ivy's approved answer
    // completes her track and grants the role by itself.
    await ok(client.patch('/api/training/settings', { facilitatorCourseIds: [] }));
    expect(await rolesOf(ivy)).not.toContain('facilitator');
    await approve(ivy, leading.id);
    expect(await rolesOf(ivy)).toContain('facilitator');
  });

  it('lets a member choose the printed name, keep a certificate verifiable, and print one', async () => {
    const page = await pageOf(fay.client);
    await page.goto(`${haven.url}/training/certificates`);
    const leadingCertificate = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Leading a meeting' }) });
    await leadingCertificate.waitFor();
    await page.getByRole('heading', { level: 2, name: 'Peer support basics' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const keep = leadingCertificate.getByRole('checkbox', {
      name: 'Keep this certificate verifiable if I delete my account',
    });
    await keep.check();
    await leadingCertificate
      .getByRole('status')
      .filter({ hasText: 'Saved: this certificate stays verifiable' })
      .waitFor();
    const mine = (await fay.client.get('/api/certificates')).body.certificates as Array<{
      code: string;
      courseTitle: string;
      keepVerifiableAfterDeletion: boolean;
    }>;
    const byTitle = new Map(mine.map((c) => [c.courseTitle, c]));
    expect(byTitle.get('Leading a meeting')?.keepVerifiableAfterDeletion).toBe(true);
    expect(byTitle.get('Peer support basics')?.keepVerifiableAfterDeletion).toBe(false);

    await leadingCertificate
      .getByRole('textbox', { name: 'Name on the certificate' })
      .fill('Fay Fairweather');
    await leadingCertificate.getByRole('button', { name: 'Use this name' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print this name on the certificate?' });
    await dialog.getByText('“Fay Fairweather” will be printed').waitFor();
    await dialog.getByRole('button', { name: 'Use this name' }).click();
    await leadingCertificate
      .getByText('You have chosen the name on this certificate; it cannot be changed again.')
      .waitFor();
    await leadingCertificate.getByText('Fay Fairweather', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'certificates-choices');

    // "Print this certificate": the print dialog is stubbed (it counts), and with print
    // styles on, only that certificate is on the paper; "Print certificates" prints them all.
    await page.evaluate(() => {
      const w = window as unknown as { prints: number };
      w.prints = 0;
      window.print = () => {
        w.prints += 1;
      };
    });
    const basicsCertificate = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Peer support basics' }) });
    const onPaper = async () => {
      await page.emulateMedia({ media: 'print' });
      const shown = [await leadingCertificate.isVisible(), await basicsCertificate.isVisible()];
      await page.emulateMedia({ media: 'screen' });
      return shown;
    };
    await leadingCertificate
      .getByRole('button', { name: 'Print this certificate: Leading a meeting' })
      .click();
    expect(await page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(1);
    expect(await onPaper()).toEqual([true, false]);
    await page.getByRole('button', { name: 'Print certificates' }).click();
    expect(await page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(2);
    expect(await onPaper()).toEqual([true, true]);

    // Fay deletes her account: the kept certificate still verifies, as "a former member";
    // the other one is gone.
    await ok(fay.client.delete('/api/me'), 204);
    const visitor = await browser.newContext();
    const check = await visitor.newPage();
    await check.goto(`${haven.url}/certificates/verify/${byTitle.get('Leading a meeting')?.code}`);
    await check.getByRole('heading', { name: 'This certificate is valid' }).waitFor();
    await check.getByText('a former member', { exact: true }).waitFor();
    await check.goto(
      `${haven.url}/certificates/verify/${byTitle.get('Peer support basics')?.code}`,
    );
    await check.getByRole('heading', { name: 'No valid certificate has this code' }).waitFor();
    await visitor.close();
  });
});
