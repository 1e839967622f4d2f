import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * A trainer writes a course in the browser: creates the draft by keyboard, adds a module,
 * a reading and a quiz, moves the quiz first, previews it as a learner, publishes; a learner
 * then finds it on /training with its items in that order, and keeps what they completed
 * when the trainer publishes a second version. Every page passes axe-core; the editor fits a
 * phone. `TRAINING_SCREENSHOTS=dir` keeps screenshots.
 */
let haven: TestHaven;
let browser: Browser;
let trainer: Page;
let learner: Page;
let courseUrl = '';
const TITLE = 'Breathing through urges';
const shots = process.env.TRAINING_SCREENSHOTS;

const screenshot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/authoring-${name}.png`, fullPage: true });
};
/** The items' titles in the editor, in course order. */
const editorOrder = () => trainer.locator('.training-item-authoring strong').allTextContents();

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  trainer = (await signedInPage(haven, browser, ['trainer'], 'Tess')).page;
  learner = (await signedInPage(haven, browser, ['participant'], 'Lena')).page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

describe('a trainer writing a course', () => {
  it('tells a member who is not a trainer that the page is for trainers and admins', async () => {
    await learner.goto(`${haven.url}/training/authoring`);
    await learner.getByText('Only trainers and admins write courses.', { exact: false }).waitFor();
    expect(await learner.getByRole('button', { name: 'Create the draft' }).count()).toBe(0);
    expect(await axeViolations(learner)).toEqual([]);
  });

  it('creates a draft by keyboard from /training', async () => {
    await trainer.goto(`${haven.url}/training`);
    await tabTo(trainer, trainer.getByRole('link', { name: 'Write courses' }));
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('heading', { level: 1, name: 'Write courses' }).waitFor();
    await trainer.getByText('There are no courses yet.', { exact: false }).waitFor();
    expect(await axeViolations(trainer)).toEqual([]);

    await tabTo(trainer, trainer.getByRole('textbox', { name: 'Title', exact: true }));
    await trainer.keyboard.type(TITLE);
    await trainer.keyboard.press('Tab');
    await trainer.keyboard.type('Slow breathing when an urge rises.');
    await tabTo(trainer, trainer.getByRole('textbox', { name: 'Planned hours' }));
    await trainer.keyboard.press('ControlOrMeta+A');
    await trainer.keyboard.type('0,5');
    await tabTo(trainer, trainer.getByRole('button', { name: 'Create the draft' }));
    await trainer.keyboard.press('Enter');

    await trainer.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    courseUrl = trainer.url();
    expect(courseUrl).toMatch(/\/training\/authoring\/[a-f0-9]{24}$/);
    await trainer.getByText('This course is a draft: learners do not see it yet.').waitFor();
    expect(await trainer.getByRole('textbox', { name: 'Planned hours' }).inputValue()).toBe('0.5');
    expect(await axeViolations(trainer)).toEqual([]);
  });

  it('adds a module, a reading and a quiz, saying in words what a quiz still needs', async () => {
    await tabTo(trainer, trainer.getByRole('textbox', { name: 'Title of a new module' }));
    await trainer.keyboard.type('Calm');
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('heading', { level: 3, name: 'Module 1: Calm' }).waitFor();

    // The kind chooser starts on "Reading"; the new item's form takes the focus.
    await tabTo(trainer, trainer.getByRole('button', { name: 'Add an item' }));
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('heading', { level: 4, name: 'New item: Reading' }).waitFor();
    await trainer.keyboard.type('Why breathing helps');
    await trainer
      .getByRole('textbox', { name: 'Text (Markdown)' })
      .fill('# Slow breaths\n\nBreathe out for longer than you breathe in.');
    await tabTo(trainer, trainer.getByRole('button', { name: 'Save the item' }));
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('button', { name: 'Edit: Why breathing helps' }).waitFor();

    await trainer.getByRole('combobox', { name: 'Kind of item to add' }).selectOption('quiz');
    await trainer.getByRole('button', { name: 'Add an item' }).click();
    await trainer.getByRole('heading', { level: 4, name: 'New item: Quiz' }).waitFor();
    await trainer.keyboard.type('Check: breathing');
    await trainer
      .getByRole('textbox', { name: 'Question 1: the question' })
      .fill('Which breath should be longer?');
    await trainer.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Breathing in');
    await trainer.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Breathing out');
    // Saved without a correct option or an explanation: the form says what to fix.
    await trainer.getByRole('button', { name: 'Save the item' }).click();
    await trainer.getByText('Please mark exactly one option as correct.').waitFor();
    const explanation = trainer.getByRole('textbox', { name: /^Question 1: explanation/ });
    expect(await explanation.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(trainer)).toEqual([]);
    await screenshot(trainer, 'quiz-problems');

    await trainer.getByRole('radio', { name: 'Option 2 is correct' }).check();
    await explanation.fill('A longer out-breath slows the heart.');
    await tabTo(trainer, trainer.getByRole('button', { name: 'Save the item' }));
    await trainer.keyboard.press('Enter');
    await trainer.getByRole('button', { name: 'Edit: Check: breathing' }).waitFor();
    expect(await editorOrder()).toEqual(['Why breathing helps', 'Check: breathing']);
  });

  it('moves the quiz first with the keyboard, keeping the focus on the button used', async () => {
    await tabTo(trainer, trainer.getByRole('button', { name: 'Move up: Check: breathing' }));
    await trainer.keyboard.press('Enter');
    await expect.poll(editorOrder).toEqual(['Check: breathing', 'Why breathing helps']);
    await expect
      .poll(() => trainer.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move up: Check: breathing');
    // Stored, not only shown: the server's draft has the new order after a reload.
    await trainer.reload();
    await trainer.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await editorOrder()).toEqual(['Check: breathing', 'Why breathing helps']);
    expect(await axeViolations(trainer)).toEqual([]);
    await screenshot(trainer, 'editor');
  });

  it('previews the draft as a learner, the quiz graded in the page', async () => {
    await trainer.getByRole('button', { name: 'Preview as a learner' }).click();
    await trainer.getByRole('heading', { level: 2, name: 'Preview' }).waitFor();
    const previewed = await trainer
      .locator('.training-preview .training-items button')
      .allTextContents();
    expect(previewed).toEqual(['Check: breathing', 'Why breathing helps']);

    await trainer.getByRole('button', { name: 'Why breathing helps' }).click();
    await trainer.getByRole('heading', { level: 2, name: 'Slow breaths' }).waitFor();
    await trainer.getByText('Breathe out for longer than you breathe in.').waitFor();

    await trainer.getByRole('button', { name: 'Check: breathing' }).click();
    await trainer.getByRole('radio', { name: 'Breathing out' }).check();
    await trainer.getByRole('button', { name: 'Submit answers' }).click();
    await trainer.getByRole('heading', { level: 2, name: 'You passed' }).waitFor();
    await trainer.getByText('A longer out-breath slows the heart.').waitFor();
    expect(await axeViolations(trainer)).toEqual([]);
    await screenshot(trainer, 'preview');
  });

  it('publishes after a confirmation, and a learner finds the course in the new order', async () => {
    await trainer.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = trainer.getByRole('dialog', { name: `Publish “${TITLE}”?` });
    await dialog
      .getByText('Publishing makes the course visible to learners.', { exact: false })
      .waitFor();
    expect(await axeViolations(trainer)).toEqual([]);
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await trainer.getByRole('status').filter({ hasText: 'Version 1 is published.' }).waitFor();
    await trainer
      .getByText('Version 1 is published, and the draft has no changes since.')
      .waitFor();

    await learner.goto(`${haven.url}/training`);
    await learner.getByRole('link', { name: TITLE }).click();
    await learner.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await learner.getByRole('heading', { level: 2, name: 'Module 1: Calm' }).waitFor();
    const items = await learner.locator('.training-items li a').allTextContents();
    expect(items).toEqual(['Check: breathing', 'Why breathing helps']);
    expect(await axeViolations(learner)).toEqual([]);
  });

  it('says in words that an unchanged course has nothing new to publish', async () => {
    await trainer.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = trainer.getByRole('dialog', { name: `Publish “${TITLE}”?` });
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Nothing has changed since the last version' })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('publishes an edit as version 2, and the learner keeps the item they completed', async () => {
    await learner.getByRole('link', { name: 'Why breathing helps', exact: true }).click();
    await learner.getByRole('button', { name: 'Mark as done' }).click();
    await learner.getByText('You have completed this item.').waitFor();

    await trainer.getByRole('button', { name: 'Back to editing' }).click();
    await trainer.getByRole('heading', { level: 2, name: 'Modules and items' }).waitFor();
    const moduleTitle = trainer.getByRole('textbox', { name: 'Title of module 1' });
    await moduleTitle.fill('Calm breathing');
    await moduleTitle.press('Enter');
    await trainer.getByRole('heading', { level: 3, name: 'Module 1: Calm breathing' }).waitFor();
    await trainer
      .getByText('Version 1 is published. The draft has changes learners do not see yet.')
      .waitFor();
    await trainer.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = trainer.getByRole('dialog', { name: `Publish “${TITLE}”?` });
    await dialog
      .getByText(
        'Publishing creates version 2. Learners who started an earlier version keep it until they choose to move to the new one, and the items they completed stay completed.',
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await trainer.getByRole('status').filter({ hasText: 'Version 2 is published.' }).waitFor();

    await learner.goto(courseUrl.replace('/training/authoring/', '/training/courses/'));
    await learner.getByRole('button', { name: 'Move to the newer version' }).click();
    await learner.getByRole('heading', { level: 2, name: 'Module 1: Calm breathing' }).waitFor();
    await learner.getByText('1 of 2 items completed').waitFor();
  });

  it('uploads a video file into a new video item, its address filled in for the author', async () => {
    await trainer.getByRole('combobox', { name: 'Kind of item to add' }).selectOption('video');
    await trainer.getByRole('button', { name: 'Add an item' }).click();
    await trainer.getByRole('heading', { level: 4, name: 'New item: Video' }).waitFor();
    await trainer.keyboard.type('A breathing exercise, filmed');
    // A WebM's signature (EBML) and some bytes: Haven checks what the file is, not its name.
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(4096, 7)]);
    await trainer
      .getByLabel('Upload a video')
      .setInputFiles({ name: 'breathing.webm', mimeType: 'video/webm', buffer: webm });
    await trainer.getByText('The video is uploaded.').waitFor();
    const address = trainer.getByRole('textbox', { name: /^Address of the video/ });
    expect(await address.inputValue()).toMatch(/^\/api\/training\/videos\/[0-9a-f]{24}$/);
    const stored = await trainer.request.get(`${haven.url}${await address.inputValue()}`);
    expect(stored.status()).toBe(200);
    expect(Buffer.from(await stored.body()).equals(webm)).toBe(true);
    expect(await axeViolations(trainer)).toEqual([]);
  });

  it('fits a phone', async () => {
    const phone = (await signedInPage(haven, browser, ['trainer'], 'Pat', { phone: true })).page;
    await phone.goto(courseUrl);
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await phone.getByRole('button', { name: 'Edit: Check: breathing' }).click();
    await phone.getByRole('heading', { level: 4, name: 'Edit: Check: breathing' }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'phone');
    await phone.goto(`${haven.url}/training/authoring`);
    await phone.getByRole('link', { name: TITLE, exact: true }).waitFor();
    // A published course also links to its progress, named with the course.
    await phone.getByRole('link', { name: `Progress of “${TITLE}”` }).waitFor();
    await phone.getByText('Published: version 2').waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
  });
});
