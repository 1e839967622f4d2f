// What the joining page records, installed before any of its own scripts (addInitScript):
// performance.now() at the click on a "Join…" button, at the first requestVideoFrameCallback
// of any <video> that appears afterwards (the joiner's own camera is off, so every video is a
// remote one), and every Socket.IO event or ack frame on the page's WebSockets (raw text,
// parsed later in Node so the page does no extra work during the join).

export interface Frame {
  t: number;
  dir: 'out' | 'in';
  data: string;
}

export interface JoinProbe {
  click: number | null;
  frame: number | null;
  frames: Frame[];
}

export function installProbe(): void {
  const probe: JoinProbe = { click: null, frame: null, frames: [] };
  (window as unknown as { __joinProbe: JoinProbe }).__joinProbe = probe;

  window.addEventListener(
    'click',
    (event) => {
      if (probe.click !== null) return;
      const button = (event.target as Element | null)?.closest?.('button');
      if (button && /^\s*Join\b/.test(button.textContent ?? '')) probe.click = performance.now();
    },
    true,
  );

  const watched = new WeakSet<HTMLVideoElement>();
  const watch = (video: HTMLVideoElement) => {
    if (watched.has(video)) return;
    watched.add(video);
    video.requestVideoFrameCallback(() => {
      const now = performance.now();
      if (probe.click !== null && probe.frame === null && now > probe.click) probe.frame = now;
    });
  };
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (node instanceof HTMLVideoElement) watch(node);
        else if (node instanceof Element) node.querySelectorAll('video').forEach(watch);
      }
  }).observe(document, { childList: true, subtree: true });

  // Socket.IO over engine.io: "42" is an event, "43" an ack; pings and the rest are skipped.
  const keep = (dir: 'out' | 'in', data: unknown) => {
    if (typeof data === 'string' && (data.startsWith('42') || data.startsWith('43')))
      probe.frames.push({ t: performance.now(), dir, data });
  };
  const Native = window.WebSocket;
  class Recorded extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event) => keep('in', event.data));
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      keep('out', data);
      super.send(data as never);
    }
  }
  window.WebSocket = Recorded;
}

/**
 * The probe as an init script's source. tsx compiles with esbuild's keepNames, which wraps
 * named functions in a `__name` helper the page does not have; defining it first keeps the
 * serialised function runnable.
 */
export const PROBE_SCRIPT = {
  content: `var __name = (f) => f;\n(${installProbe.toString()})();`,
};
