import type { useHavenStore } from '../store/index.ts';
import type { Language } from './languages.ts';

type Store = typeof useHavenStore;

/**
 * A member's chosen language lives in their profile, so it follows them to any browser:
 * applied when someone signs in (or the app starts signed in), and saved when a signed-in
 * member switches language (LanguageSwitcher). Only a new member is a reason to apply it,
 * so the echo of a save in flight cannot undo a quicker second switch.
 */
export function followProfileLanguage(store: Store): () => void {
  return store.subscribe((state, previous) => {
    const user = state.user;
    if (!user || user.id === previous.user?.id) return;
    if (user.uiLanguage && user.uiLanguage !== state.language) state.setLanguage(user.uiLanguage);
  });
}

/** Keeps a signed-in member's switch in their profile; the switch itself never waits for it. */
export function saveProfileLanguage(store: Store, language: Language): void {
  const { user, updateProfile } = store.getState();
  if (!user || user.uiLanguage === language) return;
  // Not saved (offline, say): this browser still shows the language; the next switch saves.
  updateProfile({ uiLanguage: language }).catch(() => undefined);
}
