import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * The group chat as two members use it: Ana on a desktop in English, Ben on a phone in
 * Spanish, in one group. Each sees the other's lines arrive, who is typing, edits and
 * deletions; every page is checked with axe-core and, on the phone, for sideways scrolling.
 */
let haven: TestHaven;
let browser: Browser;
let groupId: string;
let ana: Page;
let ben: Page;
let fran: Page;
let anaId: string;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  const founder = await signedInPage(haven, browser, ['facilitator'], 'Fran');
  const created = await founder.client.client.post('/api/groups', {
    name: 'Harbour group',
    description: 'A local group.',
    language: 'en',
    kind: 'area',
    area: { country: 'AU', city: 'Sydney' },
  });
  if (created.status !== 201) throw new Error(`group not created: ${created.text}`);
  groupId = created.body.group.id;
  fran = founder.page;
  const a = await signedInPage(haven, browser, ['participant'], 'Ana');
  const b = await signedInPage(haven, browser, ['participant'], 'Ben', {
    phone: true,
    language: 'es',
  });
  for (const member of [a, b]) {
    const joined = await member.client.client.post(`/api/groups/${groupId}/join`, {});
    if (joined.status !== 200) throw new Error(`could not join: ${joined.text}`);
  }
  ana = a.page;
  anaId = a.client.id;
  ben = b.page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const log = (page: Page) => page.getByRole('log');
const line = (page: Page, text: string | RegExp) =>
  log(page).getByRole('listitem').filter({ hasText: text });

describe('group chat in the browser, in English and Spanish, on desktop and phone', () => {
  it('leads a member from the group page to its chat, by keyboard', async () => {
    await ana.goto(`${haven.url}/groups/${groupId}`);
    const open = ana.getByRole('link', { name: 'Open the group chat' });
    await tabTo(ana, open);
    await ana.keyboard.press('Enter');
    await ana.waitForURL(/\/chat$/);
    await ana.getByRole('heading', { level: 1, name: 'Harbour group: chat' }).waitFor();
    await ana.getByText('No messages yet. Say hello!').waitFor();
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('shows the chat in Spanish on a phone, fitting its width and axe-clean', async () => {
    await ben.goto(`${haven.url}/groups/${groupId}/chat`);
    await ben.getByRole('textbox', { name: 'Mensaje para el grupo' }).waitFor();
    await ben.getByText('Todavía no hay mensajes. ¡Saluda!').waitFor();
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ben)).toEqual([]);
  });

  it("delivers each member's line to the other, links made safe", async () => {
    const box = ana.getByRole('textbox', { name: 'Message to the group' });
    await box.fill('Hello all, see https://example.org/help');
    await box.press('Enter');
    await line(ana, 'Hello all').waitFor();
    await line(ben, 'Hello all').waitFor();
    const link = line(ben, 'Hello all').getByRole('link', { name: 'https://example.org/help' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await link.getAttribute('target')).toBe('_blank');
    await ben.getByRole('heading', { name: 'Hoy' }).waitFor();

    const reply = ben.getByRole('textbox', { name: 'Mensaje para el grupo' });
    await reply.pressSequentially('Hola Ana');
    await ana.getByText('Ben is typing…').waitFor();
    await reply.press('Shift+Enter');
    await reply.pressSequentially('¿qué tal?');
    await reply.press('Enter');
    await line(ana, 'Hola Ana').waitFor();
    expect(await line(ana, 'Hola Ana').locator('.chat-text').innerText()).toBe(
      'Hola Ana\n¿qué tal?',
    );
    // Once the line arrived, the typing notice goes.
    await ana.getByText('Ben is typing…').waitFor({ state: 'hidden' });
    expect(await line(ana, 'Hello all').count()).toBe(1);
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
    expect(await axeViolations(ben)).toEqual([]);
  });

  it('shows a reply with its quote, and a reaction with who pressed it', async () => {
    await line(ben, 'Hello all').getByRole('button', { name: 'Responder a Ana' }).click();
    await ben.getByText('Respondiendo a Ana').waitFor();
    const box = ben.getByRole('textbox', { name: 'Mensaje para el grupo' });
    await box.fill('Gracias');
    await box.press('Enter');
    const answered = line(ana, 'Gracias');
    await answered.locator('blockquote').getByText('Hello all').waitFor();

    // By keyboard: "React" takes the focus to the first emoji; Escape closes the row, and
    // choosing closes it too, the focus back on "React" each time.
    const react = line(ben, 'Hello all').getByRole('button', {
      name: 'Reaccionar al mensaje de Ana',
    });
    const focused = (locator: typeof react) =>
      locator.evaluate((el) => el === document.activeElement);
    const first = line(ben, 'Hello all').getByRole('button', { name: 'Reaccionar con 👍' });
    await react.focus();
    await ben.keyboard.press('Enter');
    await expect.poll(() => focused(first)).toBe(true);
    await ben.keyboard.press('Escape');
    await first.waitFor({ state: 'detached' });
    expect(await focused(react)).toBe(true);
    await ben.keyboard.press('Enter');
    await expect.poll(() => focused(first)).toBe(true);
    await ben.keyboard.press('Enter');
    const thumbs = line(ana, 'Hello all').getByRole('button', { name: '👍 1 reaction' });
    await thumbs.waitFor();
    expect(await thumbs.getAttribute('aria-pressed')).toBe('false');
    const own = line(ben, 'Hello all').getByRole('button', { name: '👍 1 reacción' });
    expect(await own.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => focused(react)).toBe(true);
    // Past every line's buttons to the message box in one step.
    await ben.getByRole('button', { name: 'Ir al cuadro de mensaje' }).focus();
    await ben.keyboard.press('Enter');
    expect(await focused(box)).toBe(true);
    expect(
      await line(ben, 'Hello all')
        .getByRole('button', { name: /^Reaccionar con/ })
        .count(),
    ).toBe(0);
    expect(await axeViolations(ben)).toEqual([]);
  });

  it('shows an edit and a deletion to the other member', async () => {
    const mine = line(ana, 'Hello all');
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = ana.getByRole('textbox', { name: 'Edit your message' });
    await edit.fill('Hello everyone');
    await ana.getByRole('button', { name: 'Save' }).click();
    await line(ben, 'Hello everyone').getByText('editado').waitFor();
    // Done editing, the focus is back on "Edit", not lost at the top of the page.
    const editAgain = line(ana, 'Hello everyone').getByRole('button', {
      name: 'Edit',
      exact: true,
    });
    expect(await editAgain.evaluate((el) => el === document.activeElement)).toBe(true);

    const remove = line(ana, 'Hello everyone').getByRole('button', { name: 'Delete', exact: true });
    // Escape cancels the question, the focus back on "Delete".
    await remove.click();
    await ana.keyboard.press('Escape');
    await ana.getByRole('button', { name: 'Yes, delete' }).waitFor({ state: 'detached' });
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    await remove.click();
    await ana.getByRole('button', { name: 'Yes, delete' }).click();
    // The line is a tombstone, and Ben's reply quotes it as deleted, not by its words.
    const gone = (page: Page, text: string) => line(page, text).and(page.locator('.chat-gone'));
    await gone(ben, 'Mensaje eliminado').waitFor();
    await gone(ana, 'Message deleted').waitFor();
    await line(ben, 'Gracias').locator('blockquote').getByText('Mensaje eliminado').waitFor();
    expect(await line(ben, 'Hello everyone').count()).toBe(0);
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ana)).toEqual([]);
    expect(await axeViolations(ben)).toEqual([]);
  });

  it('says it is reconnecting when the connection drops, and catches up after', async () => {
    // Ana's connection breaks and cannot come back for now; Ben writes meanwhile.
    await ana.route('**/socket.io/**', (route) => route.abort());
    for (const socket of await haven.haven.sockets.chat.fetchSockets())
      if (socket.data.user?.id === anaId) socket.disconnect(true);
    await ana.getByText('Connection lost. Reconnecting…').waitFor();
    expect(await axeViolations(ana)).toEqual([]);
    const box = ben.getByRole('textbox', { name: 'Mensaje para el grupo' });
    await box.fill('¿Seguís ahí?');
    await box.press('Enter');
    await line(ben, '¿Seguís ahí?').getByText('Ben').waitFor();
    await ana.unroute('**/socket.io/**');
    await line(ana, '¿Seguís ahí?').waitFor({ timeout: 20_000 });
    await ana.getByText('Connection lost. Reconnecting…').waitFor({ state: 'hidden' });
  });

  it("lets the group's moderator delete another member's line", async () => {
    await fran.goto(`${haven.url}/groups/${groupId}/chat`);
    const gracias = line(fran, 'Gracias');
    await gracias.getByRole('button', { name: "Delete Ben's message" }).click();
    await fran.getByRole('button', { name: 'Yes, delete' }).click();
    await ana.getByText('Gracias').waitFor({ state: 'hidden' });
    expect(await line(ana, 'Message deleted').count()).toBe(2);
    // Members are offered no such button on others' lines.
    expect(
      await line(ana, 'Hola Ana')
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(0);
    expect(await axeViolations(fran)).toEqual([]);
  });

  it("lets a member report a line, and the group's moderator delete it from /moderation", async () => {
    await line(ana, 'Hola Ana').getByRole('button', { name: "Report Ben's message" }).click();
    const dialog = ana.getByRole('dialog', { name: 'Report a message from Ben' });
    await dialog.getByRole('radio', { name: 'It is harmful or unkind' }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await ana.getByText('Thank you for telling us. A moderator will look at it.').waitFor();
    // No Report on one's own lines.
    expect(
      await line(ana, 'Hello all')
        .getByRole('button', { name: /^Report/ })
        .count(),
    ).toBe(0);
    expect(await axeViolations(ana)).toEqual([]);
    // Fran moderates the group (not the site): the header leads there, to the chat section only.
    await fran.getByRole('link', { name: 'Moderation' }).click();
    await fran.getByRole('heading', { level: 2, name: 'Open reports of chat messages' }).waitFor();
    const card = fran.getByRole('listitem').filter({ hasText: 'Hola Ana' });
    await card.getByText('It is harmful or unkind').waitFor();
    await card.getByText('1 open report on this message').waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    // Deleting asks first; the dialog's question is axe-clean too.
    await card.getByRole('button', { name: 'Delete message' }).click();
    const confirm = fran.getByRole('dialog', { name: 'Delete this message?' });
    await confirm.waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    await confirm.getByRole('button', { name: 'Delete message' }).click();
    await fran.getByText('Message deleted. Members no longer see its text').waitFor();
    await line(ana, 'Hola Ana').waitFor({ state: 'detached' });
  });

  it('lists the chats with new lines, on the phone in Spanish', async () => {
    await ben.goto(`${haven.url}/chats`);
    await ben.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();
    await ben.getByRole('link', { name: 'Harbour group' }).waitFor();
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ben)).toEqual([]);
    const box = ana.getByRole('textbox', { name: 'Message to the group' });
    await box.fill('One more');
    await box.press('Enter');
    await ben.getByText('1 mensaje nuevo').waitFor();
  });
});

const who = (page: Page) => page.locator('details.chat-who');
const member = (page: Page, name: string) =>
  who(page).getByRole('listitem').filter({ hasText: name });

describe('who is here, the header badge and @-mentions', () => {
  it('shows who is here to the members, in words, on desktop and phone', async () => {
    await ben.goto(`${haven.url}/groups/${groupId}/chat`);
    // Ana, Ben and Fran (the moderator, still on the chat) have it open.
    const summary = ben.getByText('Quién está aquí (3 en línea)');
    await summary.click();
    await member(ben, 'Ana').getByText('en línea', { exact: true }).waitFor();
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ben)).toEqual([]);
    await ana.getByText('Who is here (3 online)').click();
    await member(ana, 'Ben').getByText('online', { exact: true }).waitFor();
    await member(ana, 'Ana').getByText('(you)').waitFor();
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('offers the group’s members after "@", by keyboard, and marks the mention', async () => {
    const box = ana.getByRole('textbox', { name: 'Message to the group' });
    await box.focus();
    await box.pressSequentially('Thanks @f');
    const fran = ana.getByRole('option', { name: 'Fran' });
    await fran.waitFor();
    await box.press('Escape');
    await ana.getByRole('listbox').waitFor({ state: 'hidden' });
    await box.fill('');
    await box.pressSequentially('Thanks @be');
    const option = ana.getByRole('option', { name: 'Ben' });
    await option.waitFor();
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(ana)).toEqual([]);
    // Enter picks (it does not send while the list is open).
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Thanks @Ben ');
    await box.pressSequentially('for the tip');
    await box.press('Enter');
    const mention = line(ben, 'for the tip');
    await mention.locator('.chat-mention', { hasText: '@Ben' }).waitFor();
    await mention.getByText('te menciona').waitFor();
  });

  it('counts a new line on the header’s Chats link, on any page, until read', async () => {
    await ana.goto(`${haven.url}/groups/${groupId}`);
    const chats = ana.getByRole('link', { name: 'Chats', exact: true });
    await chats.waitFor();
    const box = ben.getByRole('textbox', { name: 'Mensaje para el grupo' });
    await box.fill('Una más');
    await box.press('Enter');
    const badge = ana.getByRole('link', { name: 'Chats, 1 unread' });
    await badge.waitFor();
    expect(await axeViolations(ana)).toEqual([]);
    await badge.click();
    await ana.getByRole('link', { name: 'Harbour group' }).click();
    await line(ana, 'Una más').waitFor();
    // Read: the badge goes.
    await chats.waitFor();
    // Three pages in this tab, one /chat connection: the header and the pages share it.
    const anas = (await haven.haven.sockets.chat.fetchSockets()).filter(
      (socket) => socket.data.user?.id === anaId,
    );
    expect(anas).toHaveLength(1);
  });

  it('shows a member away when their page goes to the background, offline once closed', async () => {
    await ana.getByText(/^Who is here/).click();
    await member(ana, 'Ben').getByText('online', { exact: true }).waitFor();
    // What the browser does when the tab is hidden: the page's visibility changes.
    await ben.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await member(ana, 'Ben').getByText('away', { exact: true }).waitFor();
    await ben.close();
    await member(ana, 'Ben').getByText('offline', { exact: true }).waitFor();
    await ana.getByText('Who is here (2 online)').waitFor();
    expect(await axeViolations(ana)).toEqual([]);
  });
});
