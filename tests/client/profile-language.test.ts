import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { AccountsApi, ProfileUpdate } from '../../client/src/api/accounts.ts';
import { LANGUAGE_STORAGE_KEY } from '../../client/src/i18n/languages.ts';
import {
  followProfileLanguage,
  saveProfileLanguage,
} from '../../client/src/i18n/profile-language.ts';
import { createConnectionSlice } from '../../client/src/store/connection-slice.ts';
import { createPreferencesSlice } from '../../client/src/store/preferences-slice.ts';
import { makeSessionSlice } from '../../client/src/store/session-slice.ts';
import type { HavenState } from '../../client/src/store/types.ts';
import type { OwnUser } from '../../shared/api/accounts.ts';

const sam: OwnUser = {
  id: 'a'.repeat(24),
  email: 'sam@example.org',
  displayName: 'Sam',
  roles: ['participant'],
  partnerId: null,
  area: {},
  languages: [],
  timeZone: 'UTC',
  privacy: {
    showInGroupMemberLists: false,
    showArea: false,
    appearOffline: false,
    showLastSeen: false,
    acceptContactRequests: true,
  },
  createdAt: new Date(0).toISOString(),
  uiLanguage: 'es',
};

let saved: Map<string, string>;
beforeEach(() => {
  saved = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => saved.get(key) ?? null,
    setItem: (key: string, value: string) => saved.set(key, value),
  });
  vi.stubGlobal('navigator', { languages: ['en-GB'] });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A store like the app's, its accounts API scripted; `saves` collects profile updates. */
function storeWith(me: OwnUser | null, answered: () => Promise<void> = async () => {}) {
  const saves: ProfileUpdate[] = [];
  const api = {
    me: async () => me,
    login: async () => sam,
    updateProfile: async (patch: ProfileUpdate) => {
      saves.push(patch);
      await answered();
      return { ...sam, ...patch } as OwnUser;
    },
  } as unknown as AccountsApi;
  const store = create<HavenState>()((...args) => ({
    ...createPreferencesSlice(...args),
    ...createConnectionSlice(...args),
    ...makeSessionSlice(async () => api)(...args),
  }));
  followProfileLanguage(store);
  return { store, saves };
}

describe('the UI language kept in the profile', () => {
  it('applies the profile’s language when the member signs in', async () => {
    const { store } = storeWith(null);
    await store.getState().loadSession();
    expect(store.getState().language).toBe('en');
    await store.getState().signIn({ email: sam.email, password: 'x' });
    expect(store.getState().language).toBe('es');
  });

  it('applies it at start in a browser with no choice of its own', async () => {
    const { store, saves } = storeWith(sam);
    await store.getState().loadSession();
    expect(store.getState().language).toBe('es');
    expect(saves).toEqual([]);
  });

  it('keeps this browser’s own choice at start, and saves it to the profile', async () => {
    saved.set(LANGUAGE_STORAGE_KEY, 'en');
    const { store, saves } = storeWith(sam);
    await store.getState().loadSession();
    expect(store.getState().language).toBe('en');
    expect(saves).toEqual([{ uiLanguage: 'en' }]);
  });

  it('saves a signed-in member’s switch, and nothing for a visitor', async () => {
    const visitor = storeWith(null);
    await visitor.store.getState().loadSession();
    saveProfileLanguage(visitor.store, 'es');
    expect(visitor.saves).toEqual([]);

    const member = storeWith({ ...sam, uiLanguage: undefined });
    await member.store.getState().loadSession();
    saveProfileLanguage(member.store, 'es');
    await vi.waitFor(() => expect(member.saves).toEqual([{ uiLanguage: 'es' }]));
  });

  it('keeps the last of two quick switches, even while the first is still being saved', async () => {
    // The first save is held until the test lets it answer, as a slow network would.
    const held: Array<() => void> = [];
    const member = storeWith(
      { ...sam, uiLanguage: 'en' },
      () => new Promise((resolve) => held.push(resolve)),
    );
    await member.store.getState().loadSession();
    saveProfileLanguage(member.store, 'es');
    await vi.waitFor(() => expect(member.saves).toEqual([{ uiLanguage: 'es' }]));
    saveProfileLanguage(member.store, 'en');
    for (let answered = 0; answered < 2; answered++) {
      await vi.waitFor(() => expect(held.length).toBeGreaterThan(answered));
      held[answered]?.();
    }
    await vi.waitFor(() => expect(member.store.getState().user?.uiLanguage).toBe('en'));
    expect(member.saves).toEqual([{ uiLanguage: 'es' }, { uiLanguage: 'en' }]);
  });
});
