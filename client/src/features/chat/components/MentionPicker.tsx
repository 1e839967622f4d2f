import {
  type KeyboardEvent,
  type RefObject,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../community/hooks.ts';
import { useChatClient } from '../chat-context.ts';
import {
  insertMention,
  mentionCandidates,
  mentionQuery,
  mentionsIn,
  typedMentions,
} from '../mentions.ts';
import { useNamedMembers } from './WhoIsHere.tsx';

type Candidate = { userId: string; name: string };

/**
 * The composer's @-mention picker, as a textbox with a list of suggestions (ARIA's
 * autocomplete list): the text stays a plain textarea, which may carry no combobox role;
 * it points at the list with aria-controls and at the chosen member with
 * aria-activedescendant, and a status says how many match and which keys to use.
 */
export function useMentionPicker(
  text: string,
  setText: (text: string) => void,
  inputRef: RefObject<HTMLTextAreaElement | null>,
) {
  const client = useChatClient();
  const locale = useLocale();
  const listId = useId();
  const { members } = useNamedMembers();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  /** Where the "@" was whose list Escape closed: it stays closed until another is typed. */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [picked, setPicked] = useState<Candidate[]>([]);
  const nextCaret = useRef<number | null>(null);

  const query = mentionQuery(text, caret);
  const candidates =
    query && query.start !== dismissed
      ? mentionCandidates(members, query.query, client.selfId, locale)
      : [];
  const open = candidates.length > 0;
  const current = open ? Math.min(active, candidates.length - 1) : -1;
  const optionId = (index: number) => `${listId}-${index}`;

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (nextCaret.current === null || !input) return;
    input.setSelectionRange(nextCaret.current, nextCaret.current);
    setCaret(nextCaret.current);
    nextCaret.current = null;
  });

  const pick = (candidate: Candidate) => {
    if (!query) return;
    const next = insertMention(text, query, candidate.name);
    nextCaret.current = next.caret;
    setText(next.text);
    setPicked((list) => [...list, candidate]);
    setActive(0);
    inputRef.current?.focus();
  };

  /** True when the key was the picker's (the composer must not also act on it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const chosen = candidates[current];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + candidates.length) % candidates.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen && !event.shiftKey) {
      pick(chosen);
    } else if (event.key === 'Escape') {
      setDismissed(query?.start ?? null);
    } else return false;
    event.preventDefault();
    return true;
  };

  /** The caret moved or the text changed: a new "@" may start (or end) a query. */
  const onCaret = (input: HTMLTextAreaElement) => {
    setCaret(input.selectionStart);
    const at = mentionQuery(input.value, input.selectionStart);
    if (dismissed !== null && at?.start !== dismissed) setDismissed(null);
    if (at?.query !== query?.query) setActive(0);
  };

  /**
   * The members picked, or named in full, whose "@Name" is in the text; forgets the picked
   * for the next line.
   */
  const takeMentions = (sent: string): string[] => {
    const ids = mentionsIn(sent, [...picked, ...typedMentions(members, client.selfId)]);
    setPicked([]);
    return ids;
  };

  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-haspopup': 'listbox' as const,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? optionId(current) : undefined,
  };
  return {
    open,
    candidates,
    current,
    listId,
    optionId,
    pick,
    onKeyDown,
    onCaret,
    takeMentions,
    inputProps,
  };
}

export function MentionList({ picker }: { picker: ReturnType<typeof useMentionPicker> }) {
  const { t } = useTranslation();
  const { open, candidates, current, listId, optionId, pick } = picker;
  return (
    <>
      <p className="visually-hidden" role="status">
        {open ? t('chat.composer.mentionHelp', { count: candidates.length }) : ''}
      </p>
      {open && (
        <div
          id={listId}
          role="listbox"
          className="chat-mentions"
          aria-label={t('chat.composer.mentionList')}
        >
          {candidates.map((candidate, index) => (
            // The focus stays in the textarea, which handles the keys and points here with
            // aria-activedescendant: the options themselves are not focusable.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={candidate.userId}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              // Keeps the focus in the text while a pointer picks.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(candidate)}
            >
              {candidate.name}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
