import { useSyncExternalStore } from 'react';

/**
 * MediaStreamTracks live here, never in React state: keyed by consumer id for what others
 * send, and by `local:<source>` for this browser's own camera, microphone and screen.
 * Components subscribe to one key and attach the track to a <video>/<audio> by ref.
 */
export class TrackRegistry {
  #tracks = new Map<string, MediaStreamTrack>();
  #listeners = new Set<() => void>();

  get(key: string): MediaStreamTrack | null {
    return this.#tracks.get(key) ?? null;
  }

  set(key: string, track: MediaStreamTrack | null): void {
    if (track) this.#tracks.set(key, track);
    else if (!this.#tracks.delete(key)) return;
    for (const listener of [...this.#listeners]) listener();
  }

  keys(): string[] {
    return [...this.#tracks.keys()];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

export const localKey = (source: 'mic' | 'camera' | 'screen') => `local:${source}`;

export function useTrack(registry: TrackRegistry, key: string | null): MediaStreamTrack | null {
  return useSyncExternalStore(registry.subscribe, () => (key ? registry.get(key) : null));
}

/** Puts `track` (or nothing) into a media element, playing it when there is one. */
export function attachTrack(
  element: HTMLMediaElement | null,
  track: MediaStreamTrack | null,
): void {
  if (!element) return;
  const current = element.srcObject as MediaStream | null;
  if (current?.getTracks()[0] === track) return;
  element.srcObject = track ? new MediaStream([track]) : null;
  // Autoplay can be refused before any click; the join button was one, so this rarely fails.
  if (track) element.play().catch(() => undefined);
}
