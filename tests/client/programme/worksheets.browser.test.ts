import { describe, expect, it } from 'vitest';
import pen from '../../../client/src/features/programme/locales/en.json' with { type: 'json' };
import pes from '../../../client/src/features/programme/locales/es.json' with { type: 'json' };
import en from '../../../client/src/i18n/locales/en.json' with { type: 'json' };
import { axeViolations } from '../../e2e/helpers.ts';
import { fill, type Person, PHONE, programmeSuite } from './browser-helpers.ts';

// Private worksheets in the built client, served by a real Haven with the demo seed.
const { member, people } = programmeSuite();

describe('private worksheets', () => {
  let worksheetPath = '';
  let owner: Person;

  it('lets a participant fill in an urge log, save it, and find it after a reload', async () => {
    const alex = await member(['participant'], 'Alex P');
    owner = alex.browser;
    const page = alex.browser.page;
    await alex.browser.goto('/tools');
    await page.getByText(pen.tools.signedOut).waitFor();
    expect(
      await page.locator('main').getByRole('link', { name: en.header.signIn }).getAttribute('href'),
    ).toBe('/login?next=%2Ftools');
    await alex.browser.signIn(alex.email, '/tools');
    await alex.browser.h1(en.sections.tools.title).waitFor();
    await page.getByText(pen.tools.privateTitle).waitFor();
    await page.getByText(pen.tools.none).waitFor();
    await alex.browser.screenshot('tools-en-desktop');

    const urgeLog = pen.tools.names['urge-log'];
    const start = page.getByRole('link', { name: fill(pen.tools.startOne, { tool: urgeLog }) });
    const stored = async () => (await alex.client.get('/api/worksheets')).body.items.length;
    const drafts = () =>
      page.evaluate(
        () => Object.keys(localStorage).filter((key) => key.startsWith('haven.draft.')).length,
      );
    // Start opens an unsaved editor: looking and leaving stores nothing, and asks nothing.
    await start.click();
    await alex.browser.h1(urgeLog).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tools/new/urge-log');
    await page.getByText(pen.worksheet.unsavedNew).waitFor();
    await page.getByRole('link', { name: pen.worksheet.back }).click();
    await page.getByText(pen.tools.none).waitFor();
    expect(await stored()).toBe(0);
    await start.click();
    await page.getByText(pen.worksheet.private).waitFor();

    await page.getByRole('button', { name: pen.worksheet.lists.entries.add }).click();
    const entry = page.getByRole('group', {
      name: fill(pen.worksheet.lists.entries.item, { number: 1 }),
    });
    // The new entry's first field has focus, ready to type.
    await expect
      .poll(() =>
        entry
          .getByLabel(pen.worksheet.fields.when.label)
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await entry.getByLabel(pen.worksheet.fields.when.label).fill('2026-05-03T18:30');
    await entry.getByLabel(pen.worksheet.fields.intensity.label).selectOption('7');
    await entry
      .getByLabel(pen.worksheet.fields.trigger.label)
      .fill('Walking past the pub after work');
    await entry
      .getByLabel(pen.worksheet.fields.whatIDid.label)
      .fill('Called my sister and kept walking');
    await entry
      .getByLabel(pen.worksheet.fields.outcome.label)
      .fill('It faded within twenty minutes');
    await page.getByLabel(pen.worksheet.title).fill('After work');

    // Unsaved changes: a link in the app asks first, and "stay" stays.
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: pen.worksheet.back }).click();
    await expect.poll(() => dialogs).toEqual([`confirm: ${pen.worksheet.leaveConfirm}`]);
    expect(new URL(page.url()).pathname).toBe('/tools/new/urge-log');
    expect(await stored()).toBe(0);

    // The draft is in this browser only; a reload asks (beforeunload), then offers it back.
    await expect.poll(drafts).toBe(1);
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    await alex.browser.h1(urgeLog).waitFor();
    expect(dialogs[1]).toBe('beforeunload');
    const offer = page.getByRole('region', { name: pen.worksheet.draftLabel });
    await offer
      .getByRole('status')
      .getByText(/^You have unsaved changes from /)
      .waitFor();
    expect(await page.getByLabel(pen.worksheet.title).inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await alex.browser.screenshot('worksheet-draft-en-desktop');
    await offer.getByRole('button', { name: pen.worksheet.draftRestore }).click();
    await offer.waitFor({ state: 'detached' });
    expect(await page.getByLabel(pen.worksheet.title).inputValue()).toBe('After work');
    const restored = page.getByRole('group', {
      name: fill(pen.worksheet.lists.entries.item, { number: 1 }),
    });
    expect(await restored.getByLabel(pen.worksheet.fields.trigger.label).inputValue()).toBe(
      'Walking past the pub after work',
    );
    expect(await restored.getByLabel(pen.worksheet.fields.when.label).inputValue()).toBe(
      '2026-05-03T18:30',
    );
    expect(await stored()).toBe(0);

    // The first save creates it, takes the worksheet's own address and drops the draft.
    await page.getByRole('button', { name: pen.worksheet.save }).click();
    await page.getByRole('status').getByText(pen.notices.worksheetSaved).waitFor();
    await alex.browser.h1('After work').waitFor();
    worksheetPath = new URL(page.url()).pathname;
    expect(worksheetPath).toMatch(/^\/tools\/[a-f0-9]{24}$/);
    expect(await stored()).toBe(1);
    expect(await drafts()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await alex.browser.screenshot('worksheet-en-desktop');

    await page.reload();
    await alex.browser.h1('After work').waitFor();
    const saved = page.getByRole('group', {
      name: fill(pen.worksheet.lists.entries.item, { number: 1 }),
    });
    await expect
      .poll(() => saved.getByLabel(pen.worksheet.fields.trigger.label).inputValue())
      .toBe('Walking past the pub after work');
    expect(await saved.getByLabel(pen.worksheet.fields.when.label).inputValue()).toBe(
      '2026-05-03T18:30',
    );
    expect(await saved.getByLabel(pen.worksheet.fields.intensity.label).inputValue()).toBe('7');
    expect(await saved.getByLabel(pen.worksheet.fields.outcome.label).inputValue()).toBe(
      'It faded within twenty minutes',
    );

    // Printed: the answers as a table, without the form around them.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.worksheet-form').isVisible()).toBe(false);
    await page
      .locator('.worksheet-print td', { hasText: 'Called my sister and kept walking' })
      .waitFor();
    await alex.browser.screenshot('worksheet-en-print');
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize(PHONE);
    await alex.browser.setLanguage('es');
    await page.getByRole('button', { name: pes.worksheet.save }).waitFor();
    await alex.browser.screenshot('worksheet-es-phone');
    await alex.browser.goto('/tools');
    await page.getByRole('link', { name: 'After work' }).waitFor();
    await alex.browser.screenshot('tools-es-phone');
  });

  it('keeps the worksheet from every other member', async () => {
    const sam = await member(['participant', 'admin'], 'Sam O');
    sam.browser.expected.push({ status: 404, path: /^\/api\/worksheets\/[a-f0-9]{24}$/ });
    await sam.browser.signIn(sam.email, worksheetPath);
    await sam.browser.h1(pen.worksheet.notFoundTitle).waitFor();
    await sam.browser.page.getByText(pen.worksheet.notFound).waitFor();
    expect(await sam.browser.page.getByText('Walking past the pub').count()).toBe(0);
    await sam.browser.goto('/tools');
    await sam.browser.page.getByText(pen.tools.none).waitFor();
    expect(
      (await sam.client.get(`/api${worksheetPath.replace('/tools', '/worksheets')}`)).status,
    ).toBe(404);
  });

  it('deletes a worksheet only after its owner confirms', async () => {
    const { page } = owner;
    await owner.goto(worksheetPath);
    await page.getByRole('button', { name: pes.worksheet.delete }).click();
    const dialog = page.getByRole('dialog', { name: pes.worksheet.deleteTitle });
    await dialog.getByRole('button', { name: pes.worksheet.deleteCancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: pes.worksheet.delete }).click();
    await dialog.getByRole('button', { name: pes.worksheet.deleteConfirm }).click();
    await page.getByText(pes.notices.worksheetDeleted).waitFor();
    await page.getByText(pes.tools.none).waitFor();
  });
});

it('met no unexpected console errors on any page', () => {
  expect(people.flatMap((p) => p.problems)).toEqual([]);
});
