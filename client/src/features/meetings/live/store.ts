import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import type { DeviceProblem, Outcome } from './model.ts';
import type { ConsumerInfo, RoomState } from './room-state.ts';

/**
 * The live room's plain data for React: what phase the person is in, the room as the server
 * described it, which consumers exist (their tracks stay in the MeetingClient) and the state
 * of this browser's own media. Only the MeetingClient writes here.
 */

export type Phase =
  /** Asking the server whether the meeting is open. */
  | 'checking'
  /** No host has opened it yet. */
  | 'notLive'
  /** The join form. */
  | 'ready'
  | 'joining'
  | 'waiting'
  | 'room'
  /** It is over for this person; `outcome` says why. */
  | 'closed';

export type MediaSourceName = 'mic' | 'camera' | 'screen';

export interface LocalMedia {
  micOn: boolean;
  cameraOn: boolean;
  screenOn: boolean;
  audioOnly: boolean;
  /** A toggle waiting for the server, so it is not pressed twice. */
  busy: Partial<Record<MediaSourceName | 'audioOnly' | 'hand', boolean>>;
  problems: Partial<Record<MediaSourceName, DeviceProblem>>;
}

/** Something to tell the person once (a refused action, being muted), in the status area. */
export type NoticeKey =
  | 'mutedByFacilitator'
  | 'videoStopped'
  | 'screenStopped'
  | 'stillMuted'
  | 'actionFailed'
  | 'mediaFailed';

export interface Notice {
  key: NoticeKey;
  code?: ErrorCode;
  at: number;
}

export interface LiveState {
  phase: Phase;
  /** True while the connection is down and the client is getting back in. */
  reconnecting: boolean;
  title: string | null;
  room: RoomState | null;
  consumers: Record<string, ConsumerInfo>;
  local: LocalMedia;
  outcome: Outcome | null;
  endReason: 'ended-by-host' | 'no-facilitator' | 'server-shutdown' | null;
  /** Why the last join or status check failed, when it is worth a retry. */
  joinError: ErrorCode | null;
  notice: Notice | null;
}

export const initialLocal: LocalMedia = {
  micOn: false,
  cameraOn: false,
  screenOn: false,
  audioOnly: false,
  busy: {},
  problems: {},
};

export const initialLiveState: LiveState = {
  phase: 'checking',
  reconnecting: false,
  title: null,
  room: null,
  consumers: {},
  local: initialLocal,
  outcome: null,
  endReason: null,
  joinError: null,
  notice: null,
};

export type LiveStore = UseBoundStore<StoreApi<LiveState>>;

export function createLiveStore(): LiveStore {
  return create<LiveState>()(() => initialLiveState);
}

/** Small writers the MeetingClient uses, so each change is one obvious line there. */
export function patchLocal(store: StoreApi<LiveState>, patch: Partial<LocalMedia>): void {
  store.setState((state) => ({ local: { ...state.local, ...patch } }));
}

export function setBusy(
  store: StoreApi<LiveState>,
  what: keyof LocalMedia['busy'],
  busy: boolean,
): void {
  store.setState((state) => ({
    local: { ...state.local, busy: { ...state.local.busy, [what]: busy } },
  }));
}

export function setProblem(
  store: StoreApi<LiveState>,
  source: MediaSourceName,
  problem: DeviceProblem | null,
): void {
  store.setState((state) => {
    const problems = { ...state.local.problems };
    if (problem) problems[source] = problem;
    else delete problems[source];
    return { local: { ...state.local, problems } };
  });
}

export function updateRoom(
  store: StoreApi<LiveState>,
  change: (room: RoomState) => RoomState,
): void {
  store.setState((state) => (state.room ? { room: change(state.room) } : {}));
}
