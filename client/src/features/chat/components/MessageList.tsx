import { useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/chat/schemas.ts';
import { useLocale, useViewerZone } from '../../community/hooks.ts';
import { useChatClient, useChatStore } from '../chat-context.ts';
import { type GroupLines, newestId, oldestId } from '../chat-state.ts';
import { dayLabel, timeline } from '../timeline.ts';
import { MessageItem } from './MessageItem.tsx';
import { PendingItem } from './PendingItem.tsx';

/** Closer than this to the bottom counts as reading the newest lines: new ones keep it there. */
const NEAR_BOTTOM_PX = 64;
const lineDomId = (messageId: string) => `chat-line-${messageId}`;

/**
 * The group's lines, oldest at the top: day separators, "Load older messages" (also when
 * scrolled to the top), and the newest kept in view while the member reads at the bottom.
 * The group is marked read when its newest line is on screen.
 */
export function MessageList({
  lines,
  onReply,
  moderates,
  readOnly = false,
}: {
  lines: GroupLines;
  onReply: (message: ChatMessage) => void;
  moderates: boolean;
  /** Read, not written (a former contact's conversation): a line can only be reported. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const client = useChatClient();
  const loadingOlder = useChatStore((s) => s.loadingOlder);
  const zone = useViewerZone();
  const locale = useLocale();
  const headingId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const before = useRef({ oldest: null as string | null, height: 0, sending: 0 });
  const items = useMemo(() => timeline(lines, zone), [lines, zone]);
  const format = useMemo(
    () => ({
      time: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }),
    }),
    [locale, zone],
  );
  const oldest = oldestId(lines);
  const sending = lines.pending.length;
  const newest = newestId(lines);
  const now = Date.now();

  // Older lines put above keep what was on screen in place; new ones follow the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const prev = before.current;
    // One's own new line always shows: sending scrolls down.
    if (sending > prev.sending) atBottom.current = true;
    if (prev.oldest && oldest && oldest < prev.oldest)
      el.scrollTop += el.scrollHeight - prev.height;
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    before.current = { oldest, height: el.scrollHeight, sending };
  });

  // Reaching the top loads the page before (the button does the same by keyboard).
  useEffect(() => {
    const el = topRef.current;
    if (!el || !lines.hasOlder) return;
    const seen = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && void client.loadOlder(),
      { root: scrollRef.current },
    );
    seen.observe(el);
    return () => seen.disconnect();
  }, [client, lines.hasOlder]);

  // The newest line on screen (and the tab visible): read up to it. A line that came while
  // the tab was hidden is read when the member comes back to it.
  useEffect(() => {
    const el = newest && document.getElementById(lineDomId(newest));
    if (!el || !newest) return;
    let onScreen = false;
    const read = () => {
      if (onScreen && document.visibilityState === 'visible') client.markRead(newest);
    };
    const seen = new IntersectionObserver(
      (entries) => {
        onScreen = entries.some((e) => e.isIntersecting);
        read();
      },
      { root: scrollRef.current },
    );
    seen.observe(el);
    document.addEventListener('visibilitychange', read);
    return () => {
      seen.disconnect();
      document.removeEventListener('visibilitychange', read);
    };
  }, [client, newest]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  };
  const empty = items.length === 0;
  const olderText = loadingOlder ? t('chat.loadingOlder') : t('chat.older');

  return (
    <div
      ref={scrollRef}
      className="chat-scroll"
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      // Older lines put above are not news: the log is busy while they come in.
      aria-busy={loadingOlder || undefined}
      aria-labelledby={headingId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard
      tabIndex={0}
      onScroll={onScroll}
    >
      <h2 id={headingId} className="chat-sr">
        {t('chat.log')}
      </h2>
      <div ref={topRef} className="chat-top">
        {lines.hasOlder ? (
          <button
            type="button"
            className="secondary"
            aria-disabled={loadingOlder || undefined}
            onClick={() => void client.loadOlder()}
          >
            {olderText}
          </button>
        ) : (
          !empty && <p className="chat-start">{t('chat.noOlder')}</p>
        )}
      </div>
      {empty && <p className="chat-empty">{t('chat.empty')}</p>}
      <ol className="chat-lines">
        {items.map((item) => {
          if (item.kind === 'day') {
            const label = dayLabel(item.day, item.at, now, zone, locale);
            const text = label.relative ? t(`chat.${label.relative}`) : label.date;
            return (
              <li key={item.key} className="chat-day">
                <h3>{text}</h3>
              </li>
            );
          }
          if (item.kind === 'pending') return <PendingItem key={item.key} line={item.line} />;
          return (
            <MessageItem
              key={item.key}
              message={item.message}
              format={format}
              domId={lineDomId(item.message.id)}
              onReply={onReply}
              moderates={moderates}
              readOnly={readOnly}
            />
          );
        })}
      </ol>
    </div>
  );
}
