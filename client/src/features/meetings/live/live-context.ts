import { createContext, useContext } from 'react';
import type { MeetingClient } from './meeting-client.ts';
import { createLiveStore } from './store.ts';

/** The one live room a tab is in: its store, and the client components call. */
export const useLiveStore = createLiveStore();

export const LiveClientContext = createContext<MeetingClient | null>(null);

export function useLiveClient(): MeetingClient {
  const client = useContext(LiveClientContext);
  if (!client) throw new Error('useLiveClient outside the live meeting page');
  return client;
}
