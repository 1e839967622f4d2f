import type { BrowserContext, Page } from 'playwright-core';
import type { JoinProbe } from './probe.ts';

/** A page ready to join: loaded, form filled, one click from joining. */
export interface Joiner {
  page: Page;
  context: BrowserContext;
  click(): Promise<void>;
  close(): Promise<void>;
}

export interface JoinSample {
  /** Click to first remote video frame, in ms. */
  ms: number;
  /** The click, as epoch ms (to see how close together a burst's clicks were). */
  clickAt: number;
  probe: JoinProbe;
}

/** Waits for the joiner's first remote frame and reads what the probe recorded. */
export async function sampleOf(joiner: Joiner, timeoutMs = 20_000): Promise<JoinSample> {
  await joiner.page.waitForFunction(
    () => (window as unknown as { __joinProbe: JoinProbe }).__joinProbe.frame !== null,
    null,
    { timeout: timeoutMs, polling: 100 },
  );
  return joiner.page.evaluate(() => {
    const probe = (window as unknown as { __joinProbe: JoinProbe }).__joinProbe;
    return {
      ms: (probe.frame ?? 0) - (probe.click ?? 0),
      clickAt: performance.timeOrigin + (probe.click ?? 0),
      probe,
    };
  });
}
