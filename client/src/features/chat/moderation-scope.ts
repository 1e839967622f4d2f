import { useEffect, useState } from 'react';
import { callCommunity } from '../community/store.ts';

/** One question per member and page load: appointments change rarely. */
let asked: { userId: string; answer: Promise<boolean> } | null = null;

/**
 * Whether a signed-in member who is not site staff moderates a group, and so has chat
 * reports to see on `/moderation` (the header shows them the link). The server decides
 * what they may see and do regardless.
 */
export function useModeratesGroupChat(userId: string | null, staff: boolean): boolean {
  const [moderates, setModerates] = useState(false);
  useEffect(() => {
    if (!userId || staff) {
      setModerates(false);
      return;
    }
    if (asked?.userId !== userId)
      asked = {
        userId,
        answer: callCommunity((api) => api.chatReportScope()).then(
          (scope) => scope.groups.length > 0,
          () => false,
        ),
      };
    let live = true;
    void asked.answer.then((answer) => {
      if (live) setModerates(answer);
    });
    return () => {
      live = false;
    };
  }, [userId, staff]);
  return moderates;
}
