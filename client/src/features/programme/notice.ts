import { useEffect, useState } from 'react';

/**
 * A one-off confirmation shown on the page an action led to ("The worksheet has been
 * deleted."), like the shell's flashes but for this feature's own messages. Read once when
 * the page opens, then forgotten, so it neither lingers nor comes back on reload.
 */
export type NoticeKey = 'worksheetDeleted' | 'worksheetSaved' | 'proposalSent';

let pending: { key: NoticeKey; path: string } | null = null;

export function leaveNotice(key: NoticeKey, path: string): void {
  pending = { key, path };
}

export function useNotice(path: string): NoticeKey | null {
  const [notice] = useState(() => (pending?.path === path ? pending.key : null));
  useEffect(() => {
    if (pending?.path === path) pending = null;
  }, [path]);
  return notice;
}
