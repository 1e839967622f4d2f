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

/**
 * The language this browser last asked the profile to hold, while a save is on its way.
 * Saves go one at a time and the last switch wins: two in flight could arrive in either
 * order, and comparing with `user.uiLanguage` alone would drop a switch back made before
 * the first save answered, leaving the profile in the language the member just left.
 */
let wanted: Language | null = null;
let saving = false;

/** Keeps a signed-in member's switch in their profile; the switch itself never waits for it. */
export function saveProfileLanguage(store: Store, language: Language): void {
  if (!store.getState().user) return;
  wanted = language;
  if (!saving) void saveWanted(store);
}

async function saveWanted(store: Store): Promise<void> {
  saving = true;
  try {
    for (;;) {
      const { user, updateProfile } = store.getState();
      const language = wanted;
      wanted = null;
      if (!user || !language) return;
      if (user.uiLanguage === language) continue;
      // Not saved (offline, say): this browser still shows the language; the next start saves.
      await updateProfile({ uiLanguage: language }).catch(() => undefined);
    }
  } finally {
    saving = false;
  }
}
