import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ChatGroupSummary, ChatMember } from '../../../../shared/chat/schemas.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import type { GroupLines } from './chat-state.ts';
import type { Typist } from './timeline.ts';

/**
 * The chat's plain data for React: the connection, the open group's lines, who is typing,
 * the chat list and one notice. Only the ChatClient writes here.
 */

export type Connection = 'connecting' | 'online' | 'reconnecting';

export interface ChatNotice {
  code: ErrorCode;
  /** RATE_LIMITED: seconds to wait; MUTED: seconds the mute lasts; when the server said. */
  wait: number | null;
  at: number;
}

export interface ChatState {
  connection: Connection;
  /** The open group's lines; null before the first page arrives. */
  lines: GroupLines | null;
  /** The first page failed (not a member, no such group, offline). */
  loadError: ErrorCode | null;
  loadingOlder: boolean;
  typing: Typist[];
  /**
   * The open group's members and who is here; null until known, and when presence is
   * unavailable (no Redis): then nothing is shown.
   */
  members: ChatMember[] | null;
  /** The open group's slow mode (seconds between a member's lines; 0: off); null until known. */
  slowMode: number | null;
  /** The member's groups (`chat:groups`, asked on connecting): the header's badge, the list. */
  groups: ChatGroupSummary[] | null;
  /** The chat list could not be loaded. */
  groupsError: ErrorCode | null;
  notice: ChatNotice | null;
}

export const initialChatState: ChatState = {
  connection: 'connecting',
  lines: null,
  loadError: null,
  loadingOlder: false,
  typing: [],
  members: null,
  slowMode: null,
  groups: null,
  groupsError: null,
  notice: null,
};

export type ChatStore = UseBoundStore<StoreApi<ChatState>>;

export function createChatStore(): ChatStore {
  return create<ChatState>()(() => initialChatState);
}

type LinesChange = (l: GroupLines) => GroupLines;

/** Per store, the changes kept for each group page being read (`readingLines`). */
const reading = new WeakMap<StoreApi<ChatState>, Set<LinesChange[]>>();

/**
 * Changes the open group's lines. With `groupId`, only while that group is the one open: an
 * answer about a group the member has left for another (a failed send, an older page).
 */
export function updateLines(store: StoreApi<ChatState>, change: LinesChange, groupId?: string) {
  const apply: LinesChange =
    groupId === undefined ? change : (l) => (l.groupId === groupId ? change(l) : l);
  for (const kept of reading.get(store) ?? []) kept.push(apply);
  store.setState((state) => {
    if (!state.lines) return {};
    const lines = apply(state.lines);
    return lines === state.lines ? {} : { lines };
  });
}

/**
 * While a group's first page is read there are no lines to change, yet what is pushed then
 * may be missing from the page: the server read it before a line shown while it was written
 * was stored (docs/chat.md). So every change made meanwhile is kept and laid over the page,
 * in order, once it comes; one the page already holds changes nothing (one copy per id).
 */
export function readingLines(store: StoreApi<ChatState>) {
  const kept: LinesChange[] = [];
  const all = reading.get(store) ?? new Set();
  reading.set(store, all.add(kept));
  return {
    onto: (page: GroupLines) => kept.reduce((lines, change) => change(lines), page),
    end: () => void all.delete(kept),
  };
}

export function updateGroups(
  store: StoreApi<ChatState>,
  change: (groups: ChatGroupSummary[]) => ChatGroupSummary[],
) {
  store.setState((state) => (state.groups ? { groups: change(state.groups) } : {}));
}
