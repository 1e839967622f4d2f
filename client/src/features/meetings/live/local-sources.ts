import type { StoreApi } from 'zustand';
import { openCamera, openMicrophone, openScreen } from './devices.ts';
import type { MediaSession } from './media-session.ts';
import { mayShareScreen, mayUnmute } from './model.ts';
import type { selfOf } from './room-state.ts';
import { codeOf } from './signalling.ts';
import { type LiveState, type NoticeKey, patchLocal, setBusy, setProblem } from './store.ts';
import { localKey, type TrackRegistry } from './tracks.ts';

/**
 * This browser's own microphone, camera and screen in a meeting: opening them, sending
 * them through the MediaSession, the buttons' state in the store, and what happens when the
 * browser or a facilitator ends one. The tracks outlive a media rebuild (they live in the
 * TrackRegistry), so after a reconnect or a worker restart the same ones are sent again.
 */
export interface LocalSourcesDeps {
  store: StoreApi<LiveState>;
  tracks: TrackRegistry;
  media: MediaSession;
  /** The devices chosen on the join page, once joined. */
  devices: () => { micDeviceId?: string | null; cameraDeviceId?: string | null } | null;
  self: () => ReturnType<typeof selfOf> | undefined;
  notice: (key: NoticeKey, code?: LiveState['joinError']) => void;
}

export class LocalSources {
  readonly #deps: LocalSourcesDeps;
  readonly #store: StoreApi<LiveState>;
  readonly #tracks: TrackRegistry;
  readonly #media: MediaSession;

  constructor(deps: LocalSourcesDeps) {
    this.#deps = deps;
    this.#store = deps.store;
    this.#tracks = deps.tracks;
    this.#media = deps.media;
  }

  async produceWhatWasOn(firstEntry: boolean): Promise<void> {
    const local = this.#store.getState().local;
    // The microphone is opened on first entry, so the browser asks for it now and not in
    // the middle of the meeting, but it is sent only once the person unmutes. Everyone
    // enters muted, and a paused producer still gives every other browser a consumer to
    // negotiate: thirty listeners would be hundreds of idle consumers, and each join slower.
    if (firstEntry) await this.#openMic();
    const mic = this.#tracks.get(localKey('mic'));
    if (mic && local.micOn) await this.#media.produce('mic', mic, false);
    const camera = this.#tracks.get(localKey('camera'));
    if (camera && local.cameraOn && !local.audioOnly) await this.#media.produce('camera', camera);
    const screen = this.#tracks.get(localKey('screen'));
    if (screen && local.screenOn) await this.#media.produce('screen', screen);
  }

  async #openMic(): Promise<void> {
    if (this.#tracks.get(localKey('mic'))) return;
    const opened = await openMicrophone(this.#deps.devices()?.micDeviceId);
    if ('problem' in opened) {
      setProblem(this.#store, 'mic', opened.problem);
      return;
    }
    setProblem(this.#store, 'mic', null);
    this.#tracks.set(localKey('mic'), opened.track);
  }

  /** Unmute is resumeProducer; the server refuses it (FORBIDDEN) after a facilitator mute. */
  async toggleMic(): Promise<void> {
    const local = this.#store.getState().local;
    if (local.busy.mic) return;
    const turnOn = !local.micOn;
    if (turnOn && !mayUnmute(this.#deps.self())) return this.#deps.notice('stillMuted');
    setBusy(this.#store, 'mic', true);
    try {
      if (turnOn && !this.#media.producerId('mic')) {
        // Not sent yet (everyone enters muted), or blocked at entry: open it if need be.
        await this.#openMic();
        const track = this.#tracks.get(localKey('mic'));
        if (!track) return;
        await this.#media.produce('mic', track, false);
      } else {
        await this.#media.setPaused('mic', !turnOn);
      }
      patchLocal(this.#store, { micOn: turnOn });
    } catch (error) {
      this.#deps.notice('actionFailed', codeOf(error));
    } finally {
      setBusy(this.#store, 'mic', false);
    }
  }

  async toggleCamera(): Promise<void> {
    const local = this.#store.getState().local;
    if (local.busy.camera || local.audioOnly) return;
    setBusy(this.#store, 'camera', true);
    try {
      if (local.cameraOn) await this.stopSource('camera');
      else await this.#startSource('camera');
    } finally {
      setBusy(this.#store, 'camera', false);
    }
  }

  async toggleScreen(): Promise<void> {
    const local = this.#store.getState().local;
    const room = this.#store.getState().room;
    if (local.busy.screen || !room) return;
    if (!local.screenOn && !mayShareScreen(this.#deps.self(), room.settings)) return;
    setBusy(this.#store, 'screen', true);
    try {
      if (local.screenOn) await this.stopSource('screen');
      else await this.#startSource('screen');
    } finally {
      setBusy(this.#store, 'screen', false);
    }
  }

  async #startSource(source: 'camera' | 'screen'): Promise<void> {
    const opened =
      source === 'camera'
        ? await openCamera(this.#deps.devices()?.cameraDeviceId)
        : await openScreen();
    if ('problem' in opened) {
      // Cancelling the screen picker is a choice, not a problem to explain.
      if (source === 'camera' || opened.problem !== 'blocked')
        setProblem(this.#store, source, opened.problem);
      return;
    }
    setProblem(this.#store, source, null);
    this.#tracks.set(localKey(source), opened.track);
    try {
      await this.#media.produce(source, opened.track);
      patchLocal(this.#store, source === 'camera' ? { cameraOn: true } : { screenOn: true });
    } catch (error) {
      opened.track.stop();
      this.#tracks.set(localKey(source), null);
      this.#deps.notice('actionFailed', codeOf(error));
    }
  }

  async stopSource(source: 'camera' | 'screen'): Promise<void> {
    patchLocal(this.#store, source === 'camera' ? { cameraOn: false } : { screenOn: false });
    this.#tracks.get(localKey(source))?.stop();
    this.#tracks.set(localKey(source), null);
    await this.#media.closeProducer(source);
  }

  /** The browser ended a track: an unplugged microphone, or "Stop sharing" in its own bar. */
  async trackEnded(source: 'mic' | 'camera' | 'screen'): Promise<void> {
    if (source !== 'mic') return this.stopSource(source);
    this.#tracks.set(localKey('mic'), null);
    patchLocal(this.#store, { micOn: false });
    await this.#media.closeProducer('mic');
  }

  mutedByFacilitator(source: 'mic' | 'camera' | 'screen'): void {
    if (source === 'mic') {
      this.#media.pauseLocally('mic');
      patchLocal(this.#store, { micOn: false });
      this.#deps.notice('mutedByFacilitator');
    } else {
      void this.stopSource(source);
      this.#deps.notice(source === 'camera' ? 'videoStopped' : 'screenStopped');
    }
  }
}
