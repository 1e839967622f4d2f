import { create } from 'zustand';
import { createConnectionSlice } from './connection-slice.ts';
import { createPreferencesSlice } from './preferences-slice.ts';
import { createSessionSlice } from './session-slice.ts';
import type { HavenState } from './types.ts';

export type { ConnectionSlice } from './connection-slice.ts';
export type { PreferencesSlice } from './preferences-slice.ts';
export type { Flash, FlashKey, SessionSlice, SessionStatus } from './session-slice.ts';
export type { HavenState } from './types.ts';

/** The one client store; components select only the fields they render. */
export const useHavenStore = create<HavenState>()((...args) => ({
  ...createPreferencesSlice(...args),
  ...createConnectionSlice(...args),
  ...createSessionSlice(...args),
}));
