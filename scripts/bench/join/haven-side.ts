// Haven's side: a whole Haven as the tests start it (real Redis, the MongoDB stand-in, one
// mediasoup worker, the built client), a facilitator's browser with the camera on and
// auto-admit set through the UI, and joiners who are members on their own browser contexts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../../server/accounts/sessions.ts';
import { signUpAs } from '../../../tests/helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../tests/helpers/haven.ts';
import { onceMeetingAt } from '../../../tests/server/meetings/directory/fixtures.ts';
import type { Joiner } from './joiner.ts';
import { type JoinProbe, PROBE_SCRIPT } from './probe.ts';
import { requestsOf } from './signalling.ts';

const CLIENT_DIR = join(import.meta.dirname, '..', '..', '..', 'client', 'dist');
const RESULTS_DIR = join(CLIENT_DIR, '..', '..', 'bench-results');
const AGREEMENT = /keep who I see and what I hear/;
const JOIN = 'Join the meeting';

export interface HavenSide {
  haven: TestHaven;
  prepare(): Promise<Joiner>;
  /** Server-side handling time per event so far, from the socket event histogram. */
  eventTimes(): Promise<Map<string, { count: number; sumMs: number }>>;
  close(): Promise<void>;
}

type Member = Awaited<ReturnType<typeof signUpAs>>;

async function memberPage(haven: TestHaven, browser: Browser, member: Member, probe: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([
    { name: SESSION_COOKIE, value: member.client.cookie(SESSION_COOKIE) ?? '', url: haven.url },
  ]);
  if (probe) await context.addInitScript(PROBE_SCRIPT);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[haven ${member.email.split('-')[0]}] ${m.text()}`);
  });
  return { context, page };
}

async function fillJoinForm(page: Page, meetingId: string, url: string): Promise<void> {
  await page.goto(`${url}/meetings/${meetingId}/live`);
  await page.getByRole('checkbox', { name: AGREEMENT }).check({ timeout: 20_000 });
  await page.getByRole('button', { name: JOIN }).waitFor({ timeout: 20_000 });
}

/** Refused requests the page made, with what it sent (the probe records every frame). */
async function refusals(page: Page): Promise<string[]> {
  const probe = await page.evaluate(
    () => (window as unknown as { __joinProbe: JoinProbe }).__joinProbe,
  );
  return requestsOf(probe.frames)
    .filter((r) => (r.reply as { ok?: boolean } | null)?.ok === false)
    .map(
      (r) => `${r.event} refused: ${JSON.stringify(r.reply)}; sent ${JSON.stringify(r.payload)}`,
    );
}

/**
 * Turns the host's camera on, trying again if the server refuses (seen once: INVALID_PAYLOAD
 * on media:produce; the refusal is printed so it can be reported), up to three times.
 */
async function cameraOn(page: Page, camera: Locator): Promise<void> {
  const pressed = camera.and(page.locator('[aria-pressed="true"]'));
  let seen = 0;
  for (let attempt = 1; ; attempt++) {
    await camera.click({ timeout: 20_000 });
    try {
      await pressed.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      const refused = await refusals(page);
      for (const line of refused.slice(seen)) console.error(`[haven host] ${line}`);
      seen = refused.length;
      if (attempt === 3) {
        await page.screenshot({ path: join(RESULTS_DIR, 'join-host-failed.png') }).catch(() => {});
        throw error;
      }
      console.error(`[haven host] the camera did not turn on; trying again (${attempt}/3)`);
    }
  }
}

export async function startHavenSide(
  producerBrowser: Browser,
  joinerBrowser: Browser,
  joiners: number,
): Promise<HavenSide> {
  if (!existsSync(join(CLIENT_DIR, 'index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first');
  const haven = await startTestHaven({ clientDir: CLIENT_DIR });
  try {
    const host = await signUpAs(haven, ['facilitator'], { displayName: 'Fran' });
    const created = await host.client.post('/api/meetings', onceMeetingAt(-5));
    if (created.status !== 201) throw new Error(`creating the meeting failed: ${created.text}`);
    const meetingId = created.body.meeting.id as string;
    // Registration hashes a password (argon2): done up front, never during a measured join.
    const members: Member[] = [];
    for (let i = 0; i < joiners; i++)
      members.push(await signUpAs(haven, ['participant'], { displayName: `Joiner ${i + 1}` }));

    // The host opens the meeting by joining, turns the camera on and sets auto-admit.
    const { page: hostPage } = await memberPage(haven, producerBrowser, host, true);
    await fillJoinForm(hostPage, meetingId, haven.url);
    await hostPage.getByRole('button', { name: JOIN }).click();
    const controls = hostPage.getByRole('navigation', { name: 'Meeting controls' });
    const camera = controls.getByRole('button', { name: 'Camera', exact: true });
    await cameraOn(hostPage, camera);
    await controls.getByRole('button', { name: /^People/ }).click();
    const autoAdmit = hostPage.getByRole('checkbox', { name: 'Let people in without waiting' });
    // The box shows the meeting's setting, so it turns checked when the server's answer
    // arrives, not at the click (Playwright's check() expects the latter).
    await autoAdmit.click({ timeout: 20_000 });
    await autoAdmit.and(hostPage.locator(':checked')).waitFor({ timeout: 20_000 });

    return {
      haven,
      async prepare() {
        const member = members.shift();
        if (!member) throw new Error('no member left to join');
        const { context, page } = await memberPage(haven, joinerBrowser, member, true);
        await fillJoinForm(page, meetingId, haven.url);
        return {
          page,
          context,
          click: () => page.getByRole('button', { name: JOIN }).click(),
          close: () => context.close(),
        };
      },
      async eventTimes() {
        const metric = await haven.metrics.socketEventDuration.get();
        const out = new Map<string, { count: number; sumMs: number }>();
        for (const value of metric.values) {
          const event = String(value.labels.event);
          const entry = out.get(event) ?? { count: 0, sumMs: 0 };
          if (value.metricName?.endsWith('_count')) entry.count = value.value;
          else if (value.metricName?.endsWith('_sum')) entry.sumMs = value.value * 1000;
          out.set(event, entry);
        }
        return out;
      },
      close: () => haven.close(),
    };
  } catch (error) {
    await haven.close();
    throw error;
  }
}
