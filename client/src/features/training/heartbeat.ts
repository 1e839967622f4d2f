/** The server counts time from these beats, every 15-30 s while the item is visible. */
export const HEARTBEAT_MS = 30_000;

export interface HeartbeatOptions {
  beat: () => void;
  /** Defaults to `document`. */
  doc?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  intervalMs?: number;
}

/**
 * Beats once when the item is shown (or shown again) and then every `intervalMs` while it
 * stays visible; a hidden tab stops beating. Returns the function that stops for good.
 */
export function startHeartbeat({
  beat,
  doc = document,
  intervalMs = HEARTBEAT_MS,
}: HeartbeatOptions): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const stopTimer = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const sync = () => {
    const visible = doc.visibilityState === 'visible';
    if (visible && timer === null) {
      beat();
      timer = setInterval(beat, intervalMs);
    } else if (!visible) stopTimer();
  };
  sync();
  doc.addEventListener('visibilitychange', sync);
  return () => {
    stopTimer();
    doc.removeEventListener('visibilitychange', sync);
  };
}
