import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, startHeartbeat } from '../../../client/src/features/training/heartbeat.ts';

/** A document whose visibility the test switches, firing `visibilitychange` like a browser. */
function fakeDocument(initial: DocumentVisibilityState = 'visible') {
  const target = new EventTarget();
  const doc = {
    visibilityState: initial,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    set(state: DocumentVisibilityState) {
      doc.visibilityState = state;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
  return doc;
}

describe('heartbeats', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('beats on opening and every 30 s while visible', () => {
    const beat = vi.fn();
    const stop = startHeartbeat({ beat, doc: fakeDocument() as never });
    expect(HEARTBEAT_MS).toBe(30_000);
    expect(beat).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(29_999);
    expect(beat).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(beat).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(60_000);
    expect(beat).toHaveBeenCalledTimes(4);
    stop();
  });

  it('stops while hidden and starts again, at once, when shown', () => {
    const beat = vi.fn();
    const doc = fakeDocument();
    const stop = startHeartbeat({ beat, doc: doc as never });
    doc.set('hidden');
    vi.advanceTimersByTime(120_000);
    expect(beat).toHaveBeenCalledTimes(1);
    doc.set('visible');
    expect(beat).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(30_000);
    expect(beat).toHaveBeenCalledTimes(3);
    stop();
  });

  it('does not beat for a page opened hidden, and never after leaving', () => {
    const beat = vi.fn();
    const doc = fakeDocument('hidden');
    const stop = startHeartbeat({ beat, doc: doc as never });
    vi.advanceTimersByTime(90_000);
    expect(beat).not.toHaveBeenCalled();
    doc.set('visible');
    expect(beat).toHaveBeenCalledTimes(1);
    stop();
    doc.set('hidden');
    doc.set('visible');
    vi.advanceTimersByTime(120_000);
    expect(beat).toHaveBeenCalledTimes(1);
  });
});
