import { Types } from 'mongoose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOf } from '../../server/infra/change-marks.ts';
import { type ApiClient, signUpAs } from '../helpers/api-client.ts';
import type { TestHaven } from '../helpers/haven.ts';
import { publishedCourse } from '../server/training/helpers.ts';
import { axeViolations, fitsWidth, startE2e } from './helpers.ts';
import {
  approveAnswer,
  basicsCourse,
  ok,
  pageSignedIn,
  screenshotTo,
} from './training-fixtures.ts';

/**
 * A partner's staff lead (partner staff holding the champion role) on a phone: the cohorts
 * page and a cohort's progress show only the organisation's own staff, counted on the
 * server, with nothing to change. Checked with axe-core and at phone width.
 */
let haven: TestHaven;
let browser: Browser;
let trainer: ApiClient;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  trainer = (await signUpAs(haven, ['trainer'], { displayName: 'Tess' })).client;
  await publishedCourse(trainer, basicsCourse);
  await publishedCourse(trainer); // "Coping with urges", with a written exercise
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('a partner’s staff lead in the browser', () => {
  it("shows a partner's staff lead, on a phone, their own staff only", async () => {
    const partnerId = new Types.ObjectId().toHexString();
    const pia = await signUpAs(haven, ['participant'], { partnerId, displayName: 'Pia' });
    const rui = await signUpAs(haven, ['participant'], { partnerId, displayName: 'Rui' });
    const created = await trainer.post('/api/cohorts', {
      name: 'Riverside staff',
      partnerId,
      memberIds: [pia.id, rui.id],
    });
    expect(created.status, created.text).toBe(201);
    const basics = (await trainer.get('/api/courses?limit=100')).body.items.find(
      (c: { title: string }) => c.title === 'Peer support basics',
    );
    const read = (await pia.client.get(`/api/courses/${basics.id}`)).body.course.modules[0]
      .items[0];
    await ok(pia.client.post(`/api/items/${read.id}/complete`, {}));
    // Pia's written exercise in "Coping with urges", approved by the trainer.
    const urges = (await trainer.get('/api/courses?limit=100')).body.items.find(
      (c: { title: string }) => c.title === 'Coping with urges',
    );
    const write = (
      await pia.client.get(`/api/courses/${urges.id}`)
    ).body.course.modules[0].items.find((it: { key: string }) => it.key === 'write');
    await ok(pia.client.post(`/api/items/${write.id}/submissions`, { text: 'It passed.' }), 201);
    await approveAnswer(trainer, pia.id, urges.id);
    // Rui leaves the partner: still in the cohort, no longer the staff lead's to see.
    await haven.haven.services.accountModels.User.updateOne(
      { _id: rui.id } as never,
      { $set: { partnerId: null } } as never,
    );
    await haven.haven.services.marks.move(markOf.user(String(rui.id)));

    // The staff lead: the partner's staff who holds the champion role.
    const lea = await signUpAs(haven, ['champion'], { partnerId, displayName: 'Lea' });
    const page = await pageSignedIn(browser, haven, lea.client, true);
    await page.goto(`${haven.url}/training`);
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await page.getByRole('link', { name: 'Cohorts and progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
    // The server counts only the members the staff lead may see.
    const card = page.getByRole('listitem').filter({ hasText: 'Riverside staff' });
    await card.getByText('1 member · Staff of a partner organisation', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Exercises to review' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'New cohort' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Riverside staff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside staff' }).waitFor();
    await page.getByText(/^As your organisation's staff lead you see its cohorts/).waitFor();
    const table = page.getByRole('region', { name: /^Progress in Riverside staff/ });
    await table.getByText('Pia', { exact: true }).waitFor();
    await table.getByText('Peer support basics').waitFor();
    expect(await table.getByText('Rui').count()).toBe(0);
    // The exercises column is the staff lead's too: the server counts, not the review queue.
    await table.getByRole('columnheader', { name: 'Exercises approved' }).waitFor();
    const piasUrges = table.getByRole('row').filter({ hasText: 'Coping with urges' });
    await piasUrges.getByRole('cell', { name: '1 of 1', exact: true }).waitFor();
    const piasBasics = table.getByRole('row').filter({ hasText: 'Peer support basics' });
    await piasBasics.getByRole('cell', { name: 'No exercises', exact: true }).waitFor();
    // No grant and no changes: a staff lead reads.
    expect(await page.getByRole('region', { name: 'Facilitator role' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotTo(process.env.TRAINING_SCREENSHOTS, page, 'cohort-phone');
    // The cohort's trainer still sees both.
    const forTrainer = await trainer.get(`/api/cohorts/${created.body.cohort.id}/progress`);
    expect(
      forTrainer.body.members.map((m: { displayName: string }) => m.displayName).sort(),
    ).toEqual(['Pia', 'Rui']);
  });
});
