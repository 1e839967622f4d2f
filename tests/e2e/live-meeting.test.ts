import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHaven } from '../helpers/haven.ts';
import { onceMeetingAt } from '../server/meetings/directory/fixtures.ts';
import { signedInPage, startE2e, untilFlowing } from './helpers.ts';

/**
 * A facilitator and two participants in three Chromium contexts with fake cameras and
 * microphones, against a real Haven (server, Redis, mediasoup worker) inside a
 * loopback-only network namespace (scripts/e2e.mjs). Media is checked the way a person's
 * browser sees it: inbound RTP bytes per consumer from getStats().
 */
let haven: TestHaven;
let browser: Browser;
let meetingId: string;
const pages: Record<'fran' | 'ana' | 'ben', Page> = {} as never;

beforeAll(async () => {
  ({ haven, browser } = await startE2e());
  const fran = await signedInPage(haven, browser, ['facilitator'], 'Fran');
  const created = await fran.client.client.post('/api/meetings', onceMeetingAt(-5));
  if (created.status !== 201) throw new Error(`create failed: ${created.text}`);
  meetingId = created.body.meeting.id;
  pages.fran = fran.page;
  pages.ana = (await signedInPage(haven, browser, ['participant'], 'Ana')).page;
  pages.ben = (await signedInPage(haven, browser, ['participant'], 'Ben')).page;
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
});

const livePath = () => `/meetings/${meetingId}/live`;

async function joinFromPage(page: Page): Promise<void> {
  await page.goto(`${haven.url}${livePath()}`);
  await page.getByRole('checkbox', { name: /keep who I see and what I hear/ }).check();
  await page.getByRole('button', { name: 'Join the meeting' }).click();
}

async function turnOn(page: Page, control: 'Microphone' | 'Camera'): Promise<void> {
  const toggle = page.getByRole('navigation', { name: 'Meeting controls' }).getByRole('button', {
    name: control,
    exact: true,
  });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
}

function meeting() {
  const live = haven.haven.live.get(meetingId);
  if (!live) throw new Error('the meeting is not live');
  return live;
}
const peerIdOf = (name: string) => {
  const peer = meeting()
    .peers()
    .find((p) => p.displayName === name);
  if (!peer) throw new Error(`${name} is not in the meeting`);
  return peer.peerId;
};
/** The consumer (and so the track) on `viewer`'s side carrying `speaker`'s `kind`. */
const trackOf = (viewer: string, speaker: string, kind: 'audio' | 'video') =>
  meeting()
    .media.consumersOf(peerIdOf(viewer))
    .find((c) => c.producerPeerId === peerIdOf(speaker) && c.kind === kind)?.consumerId ?? '';

/** Opens the facilitator's action menu for `name`; its buttons are read inside it. */
async function actionsFor(page: Page, name: string) {
  const menu = page.locator('details', { has: page.getByText(`Actions for ${name}`) });
  await menu.getByText(`Actions for ${name}`).click();
  return menu;
}

/** Fran's audio and video rising on Ana's current consumers (new ones after a rebuild). */
const franReachesAna = (deltas: Map<string, { delta: number }>) =>
  (deltas.get(trackOf('Ana', 'Fran', 'audio'))?.delta ?? 0) > 0 &&
  (deltas.get(trackOf('Ana', 'Fran', 'video'))?.delta ?? 0) > 0;

const growing = (kind: string, deltas: Map<string, { kind: string; delta: number }>) =>
  [...deltas.values()].filter((d) => d.kind === kind && d.delta > 0).length;

describe('a live meeting in three browsers', () => {
  it('opens for the facilitator, who turns the camera and microphone on', async () => {
    await joinFromPage(pages.fran);
    await turnOn(pages.fran, 'Camera');
    await turnOn(pages.fran, 'Microphone');
    expect(
      meeting()
        .admitted()
        .map((p) => p.role),
    ).toEqual(['host']);
  });

  it('keeps participants in the waiting room until the facilitator lets them in', async () => {
    for (const page of [pages.ana, pages.ben]) {
      await joinFromPage(page);
      await page.getByText('You are in the waiting room').waitFor();
    }
    await pages.fran.getByRole('button', { name: /^People/ }).click();
    await pages.fran.getByRole('button', { name: 'Let everyone in' }).click();
    for (const page of [pages.ana, pages.ben]) {
      await turnOn(page, 'Camera');
      await turnOn(page, 'Microphone');
    }
    expect(meeting().admitted()).toHaveLength(3);
  });

  it('lets each person receive the others’ audio and video', async () => {
    for (const page of [pages.fran, pages.ana, pages.ben]) {
      await untilFlowing(
        page,
        'two audio and two video streams rising',
        (deltas) => growing('audio', deltas) >= 2 && growing('video', deltas) >= 2,
      );
    }
  });

  it('stops a muted participant’s audio at the others while the rest flows', async () => {
    await (await actionsFor(pages.fran, 'Ana'))
      .getByRole('button', { name: 'Mute', exact: true })
      .click();
    const anaAudio = trackOf('Ben', 'Ana', 'audio');
    const franAudio = trackOf('Ben', 'Fran', 'audio');
    expect(anaAudio).not.toBe('');
    await untilFlowing(
      pages.ben,
      'Ana silent at Ben while Fran is heard',
      (deltas) => deltas.get(anaAudio)?.delta === 0 && (deltas.get(franAudio)?.delta ?? 0) > 0,
    );
    expect(meeting().media.producerOf(peerIdOf('Ana'), 'mic')?.paused).toBe(true);
  });

  it('shows a help alert to the facilitator only, never in another participant’s browser', async () => {
    const chatOf = (page: Page) =>
      page
        .getByRole('navigation', { name: 'Meeting controls' })
        .getByRole('button', { name: 'Chat', exact: true });
    await chatOf(pages.ana).click();
    const controls = pages.ben.getByRole('navigation', { name: 'Meeting controls' });
    await controls.getByRole('button', { name: 'Help', exact: true }).click();
    await pages.ben.getByRole('textbox', { name: 'A few words (optional)' }).fill('Hard night');
    await pages.ben.getByRole('button', { name: 'Tell a facilitator' }).click();
    await pages.fran.getByText('Ben needs help').waitFor();
    await pages.fran.getByText('Hard night').waitFor();
    // A line Fran sends after the alert reaches Ana after anything sent to her before it.
    await chatOf(pages.fran).click();
    await pages.fran.getByRole('textbox', { name: 'Message' }).fill('Welcome back, everyone');
    await pages.fran.getByRole('button', { name: 'Send', exact: true }).click();
    await pages.ana.getByText('Welcome back, everyone').waitFor();
    expect(await pages.ana.getByText('Ben needs help').count()).toBe(0);
    expect(await pages.ana.getByText('Hard night').count()).toBe(0);
    await pages.fran
      .getByRole('button', { name: 'Seen: tell Ben a facilitator has seen it' })
      .click();
    await pages.ben.getByText('A facilitator has seen your message.').waitFor();
  });

  it('keeps media inside breakout rooms in the browsers, and brings everyone back', async () => {
    const fran = pages.fran;
    await fran
      .getByRole('navigation', { name: 'Meeting controls' })
      .getByRole('button', { name: 'Rooms', exact: true })
      .click();
    await fran.getByRole('radio', { name: 'Choose a room for each person' }).check();
    await fran
      .getByRole('combobox', { name: 'Ana', exact: true })
      .selectOption({ label: 'Room 1' });
    await fran
      .getByRole('combobox', { name: 'Ben', exact: true })
      .selectOption({ label: 'Room 2' });
    await fran.getByRole('button', { name: 'Open breakout rooms' }).click();
    await pages.ben.getByText('You are in room 2').first().waitFor();
    // Ben is alone in room 2: nothing reaches him, and the server holds no consumer for him.
    await untilFlowing(
      pages.ben,
      'nothing flowing to Ben',
      (deltas) => growing('audio', deltas) === 0 && growing('video', deltas) === 0,
    );
    expect(meeting().media.consumersOf(peerIdOf('Ben'))).toEqual([]);
    // Fran visits room 2: Ben sees and hears her, and still nothing of Ana.
    await fran.getByRole('button', { name: 'Join room 2' }).click();
    await untilFlowing(pages.ben, 'Fran at Ben', (deltas) => {
      const audio = deltas.get(trackOf('Ben', 'Fran', 'audio'))?.delta ?? 0;
      const video = deltas.get(trackOf('Ben', 'Fran', 'video'))?.delta ?? 0;
      return audio > 0 && video > 0;
    });
    expect(trackOf('Ben', 'Ana', 'video')).toBe('');
    await fran.getByRole('button', { name: 'Close all rooms now' }).first().click();
    await pages.ben.getByText(/The breakout rooms have closed/).waitFor();
    // Back together: Ben sees both again (Ana's microphone is still muted).
    await untilFlowing(pages.ben, 'two videos at Ben', (deltas) => growing('video', deltas) >= 2);
    // The People panel again, where the next steps find everyone's actions.
    await fran
      .getByRole('navigation', { name: 'Meeting controls' })
      .getByRole('button', { name: /^People/ })
      .click();
  });

  it('shows a removed participant the removed screen and refuses their rejoin', async () => {
    await (await actionsFor(pages.fran, 'Ben'))
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await pages.fran
      .getByRole('dialog')
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await pages.ben.getByRole('heading', { name: 'You were removed from the meeting' }).waitFor();
    await joinFromPage(pages.ben);
    await pages.ben.getByRole('heading', { name: 'You were removed from the meeting' }).waitFor();
    expect(
      meeting()
        .peers()
        .map((p) => p.displayName),
    ).not.toContain('Ben');
  });

  it('rejoins after a page reload, and media flows again', async () => {
    await pages.ana.reload();
    await pages.ana.getByRole('checkbox', { name: /keep who I see and what I hear/ }).check();
    await pages.ana.getByRole('button', { name: 'Join the meeting' }).click();
    await pages.ana.getByRole('navigation', { name: 'Meeting controls' }).waitFor();
    await untilFlowing(
      pages.ana,
      'Fran’s audio and video reaching Ana again',
      (deltas) => growing('audio', deltas) >= 1 && growing('video', deltas) >= 1,
    );
  });

  it('comes back within 5 seconds after the connection drops, and media flows again', async () => {
    const before = peerIdOf('Ana');
    const started = Date.now();
    // The server closes Ana's connection underneath Socket.IO, as a dropped network does:
    // her client sees a transport close, reconnects and joins again.
    meeting()
      .peers()
      .find((p) => p.peerId === before)
      ?.socket.conn.close();
    await expect.poll(() => peerIdOf('Ana'), { timeout: 5_000 }).not.toBe(before);
    await untilFlowing(
      pages.ana,
      'Fran’s audio and video on Ana’s new consumers',
      franReachesAna,
      5_000,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('moves to a live worker when its worker is killed, and media flows within 10 seconds', async () => {
    const pid = meeting().media.workerPid ?? 0;
    expect(pid).toBeGreaterThan(0);
    const started = Date.now();
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => meeting().media.workerPid, { timeout: 10_000 }).not.toBe(pid);
    await untilFlowing(
      pages.ana,
      'Fran’s audio and video after the worker restart',
      franReachesAna,
      10_000,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    // Without a reload: the same page, still in the room.
    await pages.ana.getByRole('navigation', { name: 'Meeting controls' }).waitFor();
  });
});
