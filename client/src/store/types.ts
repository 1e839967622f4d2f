import type { ConnectionSlice } from './connection-slice.ts';
import type { PreferencesSlice } from './preferences-slice.ts';
import type { SessionSlice } from './session-slice.ts';

/** The whole client state: the union of every slice. */
export type HavenState = PreferencesSlice & ConnectionSlice & SessionSlice;
