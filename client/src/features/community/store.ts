import { create } from 'zustand';
import { ApiError, isApiError } from '../../api/errors.ts';
import { useHavenStore } from '../../store/index.ts';
import type { CommunityApi } from './api.ts';

/**
 * The community's client state: a one-off notice for the page an action led to (the
 * shell's flash keys are its own), and the one way pages reach the API.
 */
export type NoticeKey =
  | 'groupCreated'
  | 'eventCreated'
  | 'eventSaved'
  | 'eventCancelled'
  | 'postShared'
  | 'postDeleted'
  | 'feedbackSent'
  | 'feedbackSentAnonymously';

export interface CommunityNotice {
  key: NoticeKey;
  /** The page it belongs to; any other page ignores it and the next notice replaces it. */
  path: string;
}

interface CommunityState {
  notice: CommunityNotice | null;
  showNotice: (notice: CommunityNotice | null) => void;
}

export const useCommunityStore = create<CommunityState>()((set) => ({
  notice: null,
  showNotice: (notice) => set({ notice }),
}));

/** The API module brings zod and the schemas: it is its own chunk, loaded on first use. */
let loading: Promise<CommunityApi> | null = null;
const loadApi = () => {
  loading ??= import('./api.ts')
    .then((m) => m.community)
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
};

/**
 * Runs one API call. A call that finds the session gone asks `/api/me` again, so the
 * shell's session slice (and with it every community page) turns signed out; a chunk that
 * failed to load (offline, or a new deploy) counts as UNAVAILABLE.
 */
export async function callCommunity<T>(action: (api: CommunityApi) => Promise<T>): Promise<T> {
  let client: CommunityApi;
  try {
    client = await loadApi();
  } catch {
    throw new ApiError('UNAVAILABLE', 0, {}, 'the community module did not load');
  }
  try {
    return await action(client);
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED')
      void useHavenStore.getState().loadSession();
    throw error;
  }
}
