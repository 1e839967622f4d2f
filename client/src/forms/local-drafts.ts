/**
 * Unsaved form work kept in this browser's localStorage, so a reload, a closed tab or a
 * link followed by mistake loses nothing. Drafts can hold private writing (recovery
 * worksheets) on a computer others may use, so every key names its member, sign-out
 * removes all of them (see the session slice), and one older than `DRAFT_MAX_AGE_MS` is
 * dropped when read or pruned. The server never sees a draft.
 */

/** Every draft's key starts with this, so sign-out can find them all. */
export const DRAFT_PREFIX = 'haven.draft.';
/** A week: long enough to come back to, short enough not to linger on a shared computer. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface StoredDraft<T> {
  /** When it was written, ISO 8601 (shown as "unsaved changes from …"). */
  savedAt: string;
  value: T;
}

/** The browser's storage, or null where it is refused (private modes, blocked cookies). */
function browserStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** One draft's key: the member first, then what it is a draft of ("worksheet", id). */
export function draftKey(memberId: string, ...parts: string[]): string {
  return `${DRAFT_PREFIX}${[memberId, ...parts].map(encodeURIComponent).join('.')}`;
}

/** Writes the draft; false when storage is missing or full (the form still works without). */
export function saveDraft<T>(
  key: string,
  value: T,
  now = new Date(),
  storage = browserStorage(),
): boolean {
  if (!storage) return false;
  const stored: StoredDraft<T> = { savedAt: now.toISOString(), value };
  try {
    storage.setItem(key, JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

function expired(savedAt: string, now: Date): boolean {
  const time = Date.parse(savedAt);
  return Number.isNaN(time) || now.getTime() - time > DRAFT_MAX_AGE_MS;
}

/** The draft under `key`, or null; an expired or unreadable one is removed on the way. */
export function readDraft<T>(
  key: string,
  now = new Date(),
  storage = browserStorage(),
): StoredDraft<T> | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredDraft<T>>;
    if (typeof parsed.savedAt === 'string' && 'value' in parsed && !expired(parsed.savedAt, now))
      return { savedAt: parsed.savedAt, value: parsed.value as T };
  } catch {
    // Not ours, or cut short: forget it below.
  }
  clearDraft(key, storage);
  return null;
}

export function clearDraft(key: string, storage = browserStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: storage refused, so nothing was kept either.
  }
}

function draftKeys(storage: DraftStorage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(DRAFT_PREFIX)) keys.push(key);
  }
  return keys;
}

/** Removes every draft older than the limit, whoever it belongs to. */
export function pruneDrafts(now = new Date(), storage = browserStorage()): void {
  if (!storage) return;
  try {
    for (const key of draftKeys(storage)) readDraft(key, now, storage);
  } catch {
    // Storage refused: nothing kept.
  }
}

/** Removes every member's drafts from this browser (on sign-out and account deletion). */
export function clearAllDrafts(storage = browserStorage()): void {
  if (!storage) return;
  try {
    for (const key of draftKeys(storage)) storage.removeItem(key);
  } catch {
    // Storage refused: nothing kept.
  }
}
