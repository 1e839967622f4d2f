import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * Contacts and a private conversation as two members use them: Ana (desktop, English) asks
 * Ben (phone, Spanish) from their group chat's "Who is here"; Ben accepts; they write to each
 * other; Ben blocks Ana. Every page is checked with axe-core and, on the phone, for width.
 */
let haven: TestHaven;
let browser: Browser;
let groupId: string;
let ana: Page;
let ben: Page;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  const founder = await signedInPage(haven, browser, ['facilitator'], 'Fran');
  const created = await founder.client.client.post('/api/groups', {
    name: 'Riverside group',
    description: 'A local group.',
    language: 'en',
    kind: 'area',
    area: { country: 'NZ', city: 'Nelson' },
  });
  if (created.status !== 201) throw new Error(`group not created: ${created.text}`);
  groupId = created.body.group.id;
  const a = await signedInPage(haven, browser, ['participant'], 'Ana');
  const b = await signedInPage(haven, browser, ['participant'], 'Ben', {
    phone: true,
    language: 'es',
  });
  for (const member of [a, b]) {
    const joined = await member.client.client.post(`/api/groups/${groupId}/join`, {});
    if (joined.status !== 200) throw new Error(`could not join: ${joined.text}`);
  }
  // Ben lets the group's members see his name in its lists (off by default).
  const shown = await b.client.client.patch('/api/me', {
    privacy: { showInGroupMemberLists: true },
  });
  if (shown.status !== 200) throw new Error(`privacy not saved: ${shown.text}`);
  ana = a.page;
  ben = b.page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const log = (page: Page) => page.getByRole('log');
const line = (page: Page, text: string) =>
  log(page).getByRole('listitem').filter({ hasText: text });

describe('contacts and a private conversation in the browser', () => {
  it('lets a member ask another from the group chat’s "Who is here", by keyboard', async () => {
    await ben.goto(`${haven.url}/groups/${groupId}/chat`);
    await ben.getByRole('textbox', { name: 'Mensaje para el grupo' }).waitFor();
    await ana.goto(`${haven.url}/groups/${groupId}/chat`);
    await ana.getByText(/^Who is here/).click();
    const ask = ana.getByRole('button', { name: 'Ask Ben to be contacts' });
    await tabTo(ana, ask);
    await ana.keyboard.press('Enter');
    await ana.getByRole('status').filter({ hasText: 'Request sent to Ben' }).waitFor();
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('shows the request to the other, in Spanish on a phone, who accepts it', async () => {
    await ben.goto(`${haven.url}/contacts`);
    await ben.getByRole('heading', { name: '1 solicitud para ti' }).waitFor();
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ben)).toEqual([]);
    await ben.getByRole('button', { name: 'Aceptar a Ana' }).click();
    await ben.getByRole('heading', { name: 'Tus contactos (1)' }).waitFor();
    // Ana, on her contacts page, sees Ben as a contact, online (he has the page open).
    await ana.goto(`${haven.url}/contacts`);
    const row = ana.getByRole('listitem').filter({ hasText: 'Ben' });
    await row.getByText('online', { exact: true }).waitFor();
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('carries lines both ways between the two, with typing, unread and catch-up', async () => {
    await ana.getByRole('link', { name: 'Write to Ben' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Conversation with Ben' }).waitFor();
    await ana.getByText('Only the two of you can read this conversation.').waitFor();
    const box = ana.getByRole('textbox', { name: 'Message to Ben' });
    await box.fill('Coffee after Tuesday’s meeting?');
    await box.press('Enter');
    await line(ana, 'Coffee after').waitFor();
    // Ben's header counts the new line before he opens the conversation.
    // On his phone the navigation is folded: the count is on the header's "Menu" button.
    await ben.getByRole('button', { name: /Chats, 1/ }).waitFor();
    await ben.goto(`${haven.url}/chats`);
    await ben.getByRole('link', { name: 'Conversación con Ana' }).click();
    await ben.getByRole('heading', { level: 1, name: 'Conversación con Ana' }).waitFor();
    await line(ben, 'Coffee after').waitFor();
    const reply = ben.getByRole('textbox', { name: 'Mensaje para Ana' });
    await reply.pressSequentially('¡Sí!');
    await ana.getByText('Ben is typing…').waitFor();
    await reply.press('Enter');
    await line(ana, '¡Sí!').waitFor();
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ben)).toEqual([]);
    expect(await axeViolations(ana)).toEqual([]);
  });

  it('stops everything when one blocks the other; the blocked one can only read', async () => {
    await ben.goto(`${haven.url}/contacts`);
    await ben.getByRole('button', { name: 'Bloquear a Ana' }).click();
    await ben.getByRole('button', { name: 'Sí, bloquear' }).click();
    await ben.getByRole('heading', { name: 'Bloqueados (1)' }).waitFor();
    // Ana, still in the conversation, is told only that they are no longer contacts.
    await ana
      .getByText('You are no longer contacts: you can read this conversation, but not write to it.')
      .waitFor();
    await line(ana, '¡Sí!').waitFor();
    // No message box to write in (the server would refuse it: private-messages.test.ts),
    // nor replies or reactions to offer; a line can still be reported.
    await ana.getByRole('textbox', { name: 'Message to Ben' }).waitFor({ state: 'detached' });
    const his = line(ana, '¡Sí!');
    expect(await his.getByRole('button', { name: /^(Reply to|React to) Ben/ }).count()).toBe(0);
    await his.getByRole('button', { name: /^Report Ben/ }).waitFor();
    expect(await axeViolations(ana)).toEqual([]);
    expect(await axeViolations(ben)).toEqual([]);
  });
});
