import type { StateCreator } from 'zustand';
import { initialLanguage, type Language } from '../i18n/languages.ts';
import type { HavenState } from './types.ts';

export interface PreferencesSlice {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const createPreferencesSlice: StateCreator<HavenState, [], [], PreferencesSlice> = (
  set,
) => ({
  language: initialLanguage(),
  setLanguage: (language) => set({ language }),
});
