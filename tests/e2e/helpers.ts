import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
): Promise<{ page: Page; context: BrowserContext; client: Awaited<ReturnType<typeof signUpAs>> }> {
  const client = await signUpAs(haven, roles, { displayName });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([
    { name: SESSION_COOKIE, value: client.client.cookie(SESSION_COOKIE) ?? '', url: haven.url },
  ]);
  await context.addInitScript(capturePeerConnections);
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
