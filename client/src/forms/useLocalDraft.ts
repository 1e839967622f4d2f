import { useEffect, useRef, useState } from 'react';
import { clearDraft, pruneDrafts, readDraft, type StoredDraft, saveDraft } from './local-drafts.ts';

/** How long typing pauses before the draft is written. */
const WRITE_AFTER_MS = 500;

/**
 * Keeps a form's unsaved work under `key` in this browser (see local-drafts.ts) while
 * `dirty`, and hands back the draft found on opening, if any, for the page to offer. While
 * that offer is unanswered nothing is written, so typing first cannot overwrite the older
 * work before the member has chosen to restore or discard it.
 */
export function useLocalDraft<T>(key: string, value: T, dirty: boolean) {
  const [found, setFound] = useState<StoredDraft<T> | null>(() => {
    pruneDrafts();
    return readDraft<T>(key);
  });
  const writing = dirty && found === null;
  const latest = useRef({ key, value, writing });
  latest.current = { key, value, writing };

  useEffect(() => {
    if (!writing) return;
    // A save may have cleared the draft since (see `clear`): then nothing is written.
    const timer = setTimeout(() => {
      if (latest.current.writing) saveDraft(key, value);
    }, WRITE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [key, value, writing]);

  // Leaving within the pause (another page of the app, the tab closed) still keeps the
  // latest typing.
  useEffect(() => {
    const flush = () => {
      const current = latest.current;
      if (current.writing) saveDraft(current.key, current.value);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  return {
    /** The draft found on opening, until restored or discarded. */
    found,
    /** The page has put `found.value` back into the form. */
    restored: () => setFound(null),
    discard: () => {
      clearDraft(key);
      setFound(null);
    },
    /** After a save: the stored draft is no longer needed. */
    clear: () => {
      latest.current.writing = false;
      clearDraft(key);
    },
  };
}
