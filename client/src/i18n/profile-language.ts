import type { useHavenStore } from '../store/index.ts';
import { isLanguage, type Language, readSavedLanguage } from './languages.ts';

type Store = typeof useHavenStore;

/**
 * A member's chosen language lives in their profile, so it follows them to any browser.
 * Signing in applies it. When the app starts already signed in, a choice saved in this
 * browser wins instead, and goes to the profile: it may be newer than what the server
 * holds (a switch just before a reload can lose its save). Only a new member is a
 * reason to act, so the echo of a save in flight cannot undo a quicker second switch.
 */
export function followProfileLanguage(store: Store): () => void {
  return store.subscribe((state, previous) => {
    const user = state.user;
    if (!user || user.id === previous.user?.id) return;
    const saved = readSavedLanguage();
    if (previous.sessionStatus === 'loading' && isLanguage(saved)) {
      saveProfileLanguage(store, saved);
      return;
    }
    if (user.uiLanguage && user.uiLanguage !== state.language) state.setLanguage(user.uiLanguage);
  });
}

/** Keeps a signed-in member's switch in their profile; the switch itself never waits for it. */
export function saveProfileLanguage(store: Store, language: Language): void {
  const { user, updateProfile } = store.getState();
  if (!user || user.uiLanguage === language) return;
  // Not saved (offline, say): this browser still shows the language; the next start saves.
  updateProfile({ uiLanguage: language }).catch(() => undefined);
}
