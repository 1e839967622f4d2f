import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHaven } from '../helpers/haven.ts';
import { axeViolations, fitsWidth, signedInPage, startE2e, tabTo } from './helpers.ts';

/**
 * A group moderator's tools in the chat itself, by keyboard: slow mode, which every member
 * is told of and the server enforces, and muting a member, who then cannot write.
 */
let haven: TestHaven;
let browser: Browser;
let groupId: string;
let fran: Page;
let ben: Page;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  const founder = await signedInPage(haven, browser, ['facilitator'], 'Fran');
  const created = await founder.client.client.post('/api/groups', {
    name: 'Lighthouse group',
    description: 'A local group.',
    language: 'en',
    kind: 'area',
    area: { country: 'IE', city: 'Cork' },
  });
  if (created.status !== 201) throw new Error(`group not created: ${created.text}`);
  groupId = created.body.group.id;
  const b = await signedInPage(haven, browser, ['participant'], 'Ben', { phone: true });
  const joined = await b.client.client.post(`/api/groups/${groupId}/join`, {});
  if (joined.status !== 200) throw new Error(`could not join: ${joined.text}`);
  const shown = await b.client.client.patch('/api/me', {
    privacy: { showInGroupMemberLists: true },
  });
  if (shown.status !== 200) throw new Error(`privacy not saved: ${shown.text}`);
  fran = founder.page;
  ben = b.page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const line = (page: Page, text: string) =>
  page.getByRole('log').getByRole('listitem').filter({ hasText: text });

describe('a moderator in the group chat', () => {
  it('turns slow mode on by keyboard; members are told, and held to it', async () => {
    await ben.goto(`${haven.url}/groups/${groupId}/chat`);
    const box = ben.getByRole('textbox', { name: 'Message to the group' });
    await box.waitFor();
    await fran.goto(`${haven.url}/groups/${groupId}/chat`);
    const tools = fran.getByText('Moderator tools');
    await tabTo(fran, tools);
    await fran.keyboard.press('Enter');
    const slow = fran.getByRole('combobox', { name: 'Slow mode' });
    await tabTo(fran, slow);
    await slow.selectOption({ label: 'One message every 30 seconds' });
    await fran.getByRole('button', { name: 'Save slow mode' }).press('Enter');
    const said = 'Slow mode is on: one message every 30 seconds per member.';
    await fran.getByRole('status').filter({ hasText: said }).waitFor();
    expect(await axeViolations(fran)).toEqual([]);
    // Ben, on his phone, is told at once, and his second line is held back by the server.
    await ben.getByText(said).waitFor();
    await box.fill('First');
    await box.press('Enter');
    await line(ben, 'First').getByText(/^Ben/).waitFor();
    await box.fill('Second, too soon');
    await box.press('Enter');
    await line(ben, 'Second, too soon').getByText('Not sent.').waitFor();
    expect(await fitsWidth(ben)).toBe(true);
    expect(await axeViolations(ben)).toEqual([]);
  });

  it('mutes a member, who then cannot write', async () => {
    await fran.getByRole('combobox', { name: 'Slow mode' }).selectOption({ label: 'Off' });
    await fran.getByRole('button', { name: 'Save slow mode' }).click();
    await ben.getByText(/^Slow mode is on/).waitFor({ state: 'hidden' });
    await fran.getByRole('combobox', { name: 'Member' }).selectOption({ label: 'Ben' });
    await fran.getByRole('combobox', { name: 'What to do' }).selectOption({
      label: 'Mute for 1 hour',
    });
    await fran.getByRole('button', { name: 'Apply' }).click();
    await fran.getByRole('status').filter({ hasText: 'Ben is muted here.' }).waitFor();
    const box = ben.getByRole('textbox', { name: 'Message to the group' });
    await box.fill('Can I still write?');
    await box.press('Enter');
    const refused = line(ben, 'Can I still write?');
    await refused.getByText('Not sent.', { exact: true }).waitFor();
    // Said as what it is, not as a lack of permission to ask a facilitator about.
    await refused
      .getByRole('alert')
      .getByText(/^A moderator has muted you in this group for now/)
      .waitFor();
    // And for how long, above the lines.
    await ben.getByText(/^A moderator has muted you in this group for 60 more minutes/).waitFor();
    expect(await axeViolations(fran)).toEqual([]);
  });
});
