import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { LANGUAGE_STORAGE_KEY } from '../../client/src/i18n/languages.ts';
import { SESSION_COOKIE } from '../../server/accounts/sessions.ts';
import { signUpAs } from '../helpers/api-client.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startTestHaven, type TestHaven } from '../helpers/haven.ts';

export const clientDir = join(import.meta.dirname, '..', '..', 'client', 'dist');

export async function startE2e(): Promise<{ haven: TestHaven; browser: Browser }> {
  const haven = await startTestHaven({ clientDir });
  const browser = await launchChromium();
  return { haven, browser };
}

/**
 * Every RTCPeerConnection the page makes is kept on `window.__pcs`, so the test reads the
 * same getStats() a person's browser computes, without any hook in Haven's own code.
 */
const capturePeerConnections = () => {
  const pcs: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = pcs;
  const Native = window.RTCPeerConnection;
  class Recorded extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      pcs.push(this);
    }
  }
  window.RTCPeerConnection = Recorded;
};

/** A member signed in on their own browser context (own cookies, own fake camera). */
export async function signedInPage(
  haven: TestHaven,
  browser: Browser,
  roles: string[],
  displayName: string,
  options: { phone?: boolean; language?: 'en' | 'es' } = {},
): Promise<{ page: Page; context: BrowserContext; client: Awaited<ReturnType<typeof signUpAs>> }> {
  const client = await signUpAs(haven, roles, { displayName });
  const context = await browser.newContext(
    options.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } },
  );
  await context.addCookies([
    { name: SESSION_COOKIE, value: client.client.cookie(SESSION_COOKIE) ?? '', url: haven.url },
  ]);
  await context.addInitScript(capturePeerConnections);
  if (options.language) {
    // The language a person picked with the header's control, as the client remembers it.
    await context.addInitScript(([key, language]) => localStorage.setItem(key, language), [
      LANGUAGE_STORAGE_KEY,
      options.language,
    ] as const);
  }
  const page = await context.newPage();
  return { page, context, client };
}

export interface InboundStream {
  trackIdentifier: string;
  kind: string;
  bytesReceived: number;
}

/**
 * Inbound RTP streams of the page, by track (mediasoup-client names a consumer's track
 * after the consumer id). The probator (mid "probator") is mediasoup's bandwidth probe,
 * never media: skipped.
 */
export function inboundStreams(page: Page): Promise<InboundStream[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ?? [];
    const streams: Array<{ trackIdentifier: string; kind: string; bytesReceived: number }> = [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((stat) => {
        if (stat.type !== 'inbound-rtp' || stat.mid === 'probator') return;
        streams.push({
          trackIdentifier: stat.trackIdentifier,
          kind: stat.kind,
          bytesReceived: stat.bytesReceived ?? 0,
        });
      });
    }
    return streams;
  });
}

/**
 * Waits until `check` holds for the bytes received per track growing between two reads
 * (polled: getStats has no event to await), or fails with what was seen last.
 */
export async function untilFlowing(
  page: Page,
  what: string,
  check: (growing: Map<string, { kind: string; delta: number }>) => boolean,
  timeoutMs = 20_000,
): Promise<Map<string, { kind: string; delta: number }>> {
  const deadline = Date.now() + timeoutMs;
  let last = new Map<string, { kind: string; delta: number }>();
  let before = await inboundStreams(page);
  while (Date.now() < deadline) {
    await page.waitForTimeout(700);
    const after = await inboundStreams(page);
    last = new Map();
    for (const stream of after) {
      const earlier = before.find((s) => s.trackIdentifier === stream.trackIdentifier);
      last.set(stream.trackIdentifier, {
        kind: stream.kind,
        delta: stream.bytesReceived - (earlier?.bytesReceived ?? 0),
      });
    }
    if (check(last)) return last;
    before = after;
  }
  throw new Error(`timed out waiting for ${what}; last deltas ${JSON.stringify([...last])}`);
}

const axeSource = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

/** What axe-core finds against WCAG 2.x A and AA on the page as it is now: rule and targets. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: Haven's CSP (script-src 'self') would refuse a
  // script tag, and should stay as it is for the test.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(await readFile(axeSource, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** Presses Tab until `target` has the focus, as a keyboard user would reach it. */
export async function tabTo(page: Page, target: Locator, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** True when nothing makes the page scroll sideways (the phone layout holds). */
export const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
