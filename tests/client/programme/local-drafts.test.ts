import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { AccountsApi } from '../../../client/src/api/accounts.ts';
import { worksheetDraftKey } from '../../../client/src/features/programme/tools/drafts.ts';
import {
  clearAllDrafts,
  clearDraft,
  DRAFT_MAX_AGE_MS,
  type DraftStorage,
  draftKey,
  pruneDrafts,
  readDraft,
  saveDraft,
} from '../../../client/src/forms/local-drafts.ts';
import { createConnectionSlice } from '../../../client/src/store/connection-slice.ts';
import { createPreferencesSlice } from '../../../client/src/store/preferences-slice.ts';
import { makeSessionSlice } from '../../../client/src/store/session-slice.ts';
import type { HavenState } from '../../../client/src/store/types.ts';
import type { OwnUser } from '../../../shared/api/accounts.ts';

/** localStorage's contract over a Map (the unit tests run in Node, without a browser). */
class MemoryStorage implements DraftStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const alex = 'a'.repeat(24);
const sam = 'b'.repeat(24);
const monday = new Date('2026-05-04T09:00:00.000Z');
const later = (ms: number) => new Date(monday.getTime() + ms);

describe('worksheet drafts kept in the browser', () => {
  it('keys a draft by member and worksheet, or by member and tool for a new one', () => {
    const worksheet = { id: 'w1' };
    expect(worksheetDraftKey(alex, worksheet, 'urge-log')).toBe(`haven.draft.${alex}.worksheet.w1`);
    expect(worksheetDraftKey(alex, null, 'urge-log')).toBe(
      `haven.draft.${alex}.new-worksheet.urge-log`,
    );
    expect(worksheetDraftKey(sam, null, 'urge-log')).not.toBe(
      worksheetDraftKey(alex, null, 'urge-log'),
    );
    // Parts are URI-encoded.
    expect(draftKey(alex, 'x/y')).toBe(`haven.draft.${alex}.x%2Fy`);
  });

  it('reads back what was saved, with when it was saved, until it is cleared', () => {
    const storage = new MemoryStorage();
    const key = draftKey(alex, 'worksheet', 'w1');
    const work = { title: 'Evenings', draft: { behaviour: 'Drinking after work' } };
    expect(saveDraft(key, work, monday, storage)).toBe(true);
    expect(readDraft(key, later(60_000), storage)).toEqual({
      savedAt: monday.toISOString(),
      value: work,
    });
    expect(readDraft(draftKey(sam, 'worksheet', 'w1'), monday, storage)).toBeNull();
    clearDraft(key, storage);
    expect(readDraft(key, monday, storage)).toBeNull();
    expect(storage.keys()).toEqual([]);
  });

  it('forgets a draft older than a week, and one it cannot read', () => {
    const storage = new MemoryStorage();
    const week = draftKey(alex, 'worksheet', 'w1');
    const old = draftKey(alex, 'worksheet', 'w2');
    const broken = draftKey(alex, 'worksheet', 'w3');
    saveDraft(week, 'kept', monday, storage);
    saveDraft(old, 'gone', later(-1000), storage);
    storage.setItem(broken, '{"savedAt":');
    const now = later(DRAFT_MAX_AGE_MS);
    expect(readDraft(week, now, storage)?.value).toBe('kept');
    expect(readDraft(broken, now, storage)).toBeNull();
    expect(storage.keys()).toEqual([week, old]);
    pruneDrafts(now, storage);
    expect(storage.keys()).toEqual([week]);
    pruneDrafts(later(DRAFT_MAX_AGE_MS + 1), storage);
    expect(storage.keys()).toEqual([]);
  });

  it('clears every member’s drafts and nothing else', () => {
    const storage = new MemoryStorage();
    saveDraft(draftKey(alex, 'worksheet', 'w1'), 'a', monday, storage);
    saveDraft(draftKey(sam, 'new-worksheet', 'abc'), 'b', monday, storage);
    storage.setItem('haven.language', 'es');
    clearAllDrafts(storage);
    expect(storage.keys()).toEqual(['haven.language']);
  });

  it('says so when the browser refuses to store it, and the form goes on', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveDraft(draftKey(alex, 'x'), 'a', monday, full)).toBe(false);
    expect(saveDraft(draftKey(alex, 'x'), 'a', monday, null)).toBe(false);
    expect(readDraft(draftKey(alex, 'x'), monday, null)).toBeNull();
  });
});

describe('signing out on a shared computer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const member = { id: alex, email: 'alex@example.org' } as OwnUser;
  function storeWith(overrides: Partial<AccountsApi>) {
    const api = { login: async () => member, ...overrides } as AccountsApi;
    return create<HavenState>()((...args) => ({
      ...createPreferencesSlice(...args),
      ...createConnectionSlice(...args),
      ...makeSessionSlice(async () => api)(...args),
    }));
  }

  it('removes the drafts with the session, and keeps them when sign-out failed', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    let fail = true;
    const store = storeWith({
      logout: async () => {
        if (fail) throw new Error('offline');
      },
    });
    await store.getState().signIn({ email: member.email, password: 'x' });
    saveDraft(draftKey(alex, 'worksheet', 'w1'), 'private words');
    await expect(store.getState().signOut()).rejects.toThrow('offline');
    expect(storage.keys()).toHaveLength(1);
    fail = false;
    await store.getState().signOut();
    expect(storage.keys()).toEqual([]);
  });

  it('removes them when the account is deleted', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const store = storeWith({ deleteAccount: async () => {} });
    await store.getState().signIn({ email: member.email, password: 'x' });
    saveDraft(draftKey(alex, 'new-worksheet', 'abc'), 'private words');
    await store.getState().deleteAccount();
    expect(storage.keys()).toEqual([]);
  });
});
