import {
  CHAT_HISTORY_MAX,
  type ChatGroupSummary,
  type ChatMessage,
} from '../../../../shared/chat/schemas.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';

/**
 * One group's chat as the browser holds it, and the pure functions that change it: stored
 * lines kept in id order (ids grow with time) without duplicates, this member's own lines
 * still on their way (or failed, to retry with the same clientId), and the unread counts of
 * the chat list. Tested in node; the ChatClient only calls these.
 */

/** A line this member typed that the server has not confirmed yet. */
export interface PendingLine {
  clientId: string;
  text: string;
  replyTo: ChatMessage['replyTo'];
  /** Members picked with the composer's @-mention picker, sent again with a retry. */
  mentions: string[];
  createdAt: number;
  /** 'failed': shown with a Retry that sends the same clientId again. */
  status: 'sending' | 'failed';
  error: ErrorCode | null;
}

export interface GroupLines {
  groupId: string;
  selfId: string;
  /** Stored lines, oldest first (ascending id). */
  messages: ChatMessage[];
  pending: PendingLine[];
  /** The server has older lines than the first one here. */
  hasOlder: boolean;
}

export function emptyLines(groupId: string, selfId: string): GroupLines {
  return { groupId, selfId, messages: [], pending: [], hasOlder: false };
}

/** Object ids are 24 hex digits that start with the creation time: compare them as text. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Puts `incoming` into `messages` (sorted by id), once each. A line already present is kept
 * unless `replace` says the incoming copy is newer (an edit, a deletion, a reaction).
 */
function merge(messages: ChatMessage[], incoming: ChatMessage[], replace: boolean): ChatMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && !replace) continue;
    if (known && replace && !isNewer(message, known)) continue;
    // One line per sender and clientId: a line shown while it was written, whose node then
    // failed, is sent again by its sender and stored under another id; that one stands.
    const copy = [...byId.values()].find((m) => sameLine(m, message) && m.id !== message.id);
    if (copy) byId.delete(copy.id);
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return messages;
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

const sameLine = (a: ChatMessage, b: ChatMessage) =>
  a.senderId !== null && a.senderId === b.senderId && a.clientId === b.clientId;

/** A deletion is final; otherwise a later edit wins; same edit time: the update (reactions). */
function isNewer(incoming: ChatMessage, known: ChatMessage): boolean {
  if (known.deletedAt !== null && incoming.deletedAt === null) return false;
  return (incoming.editedAt ?? 0) >= (known.editedAt ?? 0);
}

/** Drops the pending lines the stored `messages` stand for (this member's, same clientId). */
function settle(lines: GroupLines, messages: ChatMessage[]): PendingLine[] {
  const mine = new Set(messages.filter((m) => m.senderId === lines.selfId).map((m) => m.clientId));
  if (mine.size === 0) return lines.pending;
  const pending = lines.pending.filter((p) => !mine.has(p.clientId));
  return pending.length === lines.pending.length ? lines.pending : pending;
}

function withMessages(lines: GroupLines, messages: ChatMessage[], replace = false): GroupLines {
  const own = messages.filter((m) => m.groupId === lines.groupId);
  if (own.length === 0) return lines;
  const merged = merge(lines.messages, own, replace);
  const pending = settle(lines, own);
  if (merged === lines.messages && pending === lines.pending) return lines;
  return { ...lines, messages: merged, pending };
}

/** This member pressed Send: the line shows at once, marked as sending. */
export function pendingAdded(
  lines: GroupLines,
  line: Omit<PendingLine, 'status' | 'error' | 'mentions'> & { mentions?: string[] },
) {
  if (lines.pending.some((p) => p.clientId === line.clientId)) return lines;
  const added: PendingLine = {
    ...line,
    mentions: line.mentions ?? [],
    status: 'sending',
    error: null,
  };
  return { ...lines, pending: [...lines.pending, added] };
}

/**
 * A stored line arrived: the send's ack or the broadcast, whichever comes first. The
 * sender's pending line with the same clientId gives way to it; the second copy is ignored.
 */
export function messageStored(lines: GroupLines, message: ChatMessage): GroupLines {
  return withMessages(lines, [message]);
}

/**
 * `chat:withdrawn`: a line shown while it was written could not be stored under its id. If it
 * was this member's, their send fails and puts it back as failed, to retry (chat-client.ts).
 */
export function messageWithdrawn(lines: GroupLines, groupId: string, messageId: string) {
  if (lines.groupId !== groupId || !lines.messages.some((m) => m.id === messageId)) return lines;
  return { ...lines, messages: lines.messages.filter((m) => m.id !== messageId) };
}

/** `chat:updated`: an edit, a deletion (text null) or a reaction. Lines not loaded stay so. */
export function messageUpdated(lines: GroupLines, message: ChatMessage): GroupLines {
  if (!lines.messages.some((m) => m.id === message.id)) return lines;
  return withMessages(lines, [message], true);
}

/**
 * A send failed. The line may have been shown while it was written and settled by that copy:
 * unless a stored copy is still here, it comes back as failed, to retry (chat:withdrawn took
 * the shown copy away before the failure's answer, both coming from the same node).
 */
export function sendFailedLine(lines: GroupLines, line: PendingLine, error: ErrorCode): GroupLines {
  if (hasOwnCopy(lines, line.clientId)) return lines;
  return sendFailed(pendingAdded(lines, line), line.clientId, error);
}

/** Whether this member's line `clientId` is among the lines shown (stored, or shown while written). */
export function hasOwnCopy(lines: GroupLines, clientId: string): boolean {
  return lines.messages.some((m) => m.senderId === lines.selfId && m.clientId === clientId);
}

export function sendFailed(lines: GroupLines, clientId: string, error: ErrorCode): GroupLines {
  return mapPending(lines, clientId, (p) => ({ ...p, status: 'failed', error }));
}

/** Retry: the same line, the same clientId, sending again. */
export function sendRetried(lines: GroupLines, clientId: string): GroupLines {
  return mapPending(lines, clientId, (p) => ({ ...p, status: 'sending', error: null }));
}

/** A failed line the member chose not to send after all. */
export function pendingDiscarded(lines: GroupLines, clientId: string): GroupLines {
  return { ...lines, pending: lines.pending.filter((p) => p.clientId !== clientId) };
}

function mapPending(
  lines: GroupLines,
  clientId: string,
  change: (p: PendingLine) => PendingLine,
): GroupLines {
  if (!lines.pending.some((p) => p.clientId === clientId)) return lines;
  return { ...lines, pending: lines.pending.map((p) => (p.clientId === clientId ? change(p) : p)) };
}

/** The first page, or the page before the oldest line (`chat:history` answers newest first). */
export function olderPage(lines: GroupLines, messages: ChatMessage[], more: boolean): GroupLines {
  const next = withMessages(lines, messages);
  return next.hasOlder === more ? next : { ...next, hasOlder: more };
}

/**
 * Lines read again after a reconnect (`after`, oldest first): new ones appended in order, and
 * the copies of lines shown here stand for them (edits, deletions; never reviving a deleted one).
 */
export function refreshedPage(lines: GroupLines, messages: ChatMessage[]): GroupLines {
  return withMessages(lines, messages, true);
}

export function oldestId(lines: GroupLines): string | null {
  return lines.messages[0]?.id ?? null;
}

/** The newest stored line here. */
export function newestId(lines: GroupLines): string | null {
  return lines.messages.at(-1)?.id ?? null;
}

/** Seconds a catch-up reaches back before the newest line here (`catchUpFrom`). */
const CATCH_UP_SLACK_S = 5;

/**
 * Where catching up after a reconnect starts: a few seconds before the newest line here
 * (the id of that second, its other digits zero), not that line itself. Ids sort by the
 * second they were made in, then by the node that made them: a line another node made in
 * the same second, or a second or two off by its clock, can sort below the newest line here
 * though it came after it. What is read twice is merged (one copy per id).
 */
export function catchUpFrom(newestId: string): string {
  const seconds = Math.max(0, Number.parseInt(newestId.slice(0, 8), 16) - CATCH_UP_SLACK_S);
  return `${seconds.toString(16).padStart(8, '0')}${'0'.repeat(16)}`;
}

/**
 * Where catching up after a reconnect starts (null: no lines, the newest page): before the
 * newest page's worth of lines shown here, so what changed in them while the socket was away
 * (`chat:updated` is a push only: an edit, a moderator's deletion, reactions) is read again
 * with whatever is new. Lines further up stay as they were until the page is opened again.
 */
export function catchUpCursor(lines: GroupLines): string | null {
  const first = lines.messages.at(-CHAT_HISTORY_MAX) ?? lines.messages[0];
  return first ? catchUpFrom(first.id) : null;
}

/** Lines after `readUpTo` from other members, deleted ones not counted. */
export function unreadAfter(lines: GroupLines, readUpTo: string | null): number {
  return lines.messages.filter(
    (m) =>
      (readUpTo === null || compareIds(m.id, readUpTo) > 0) &&
      m.senderId !== lines.selfId &&
      m.deletedAt === null,
  ).length;
}

/* The chat list (`chat:groups`): unread lines and mentions per group. */

/** A new line somewhere: counted unless it is this member's own or the group is open. */
export function summaryMessage(
  groups: ChatGroupSummary[],
  message: ChatMessage,
  selfId: string,
  openGroupId: string | null,
): ChatGroupSummary[] {
  const counts = message.senderId !== selfId && message.groupId !== openGroupId;
  return groups.map((g) =>
    g.groupId === message.groupId
      ? { ...g, unread: g.unread + (counts ? 1 : 0), lastMessageAt: message.createdAt }
      : g,
  );
}

export function summaryMentioned(groups: ChatGroupSummary[], groupId: string) {
  return groups.map((g) => (g.groupId === groupId ? { ...g, mentions: g.mentions + 1 } : g));
}

export function summaryRead(groups: ChatGroupSummary[], groupId: string): ChatGroupSummary[] {
  return groups.map((g) => (g.groupId === groupId ? { ...g, unread: 0, mentions: 0 } : g));
}

/** What came on the socket while the chat list was being read (ChatClient.loadGroups). */
export interface Arrivals {
  messages: ChatMessage[];
  mentions: Array<{ groupId: string; messageId: string }>;
}

/**
 * The chat list as the server read it, with what came while it was being read. A group line
 * reaches its members before it is stored, so a line newer than its group's last stored one
 * was not in the list's counts and is counted now; an older one was. A mention counts with
 * its line.
 */
export function summariesWithArrivals(
  groups: ChatGroupSummary[],
  arrivals: Arrivals,
  selfId: string,
  openGroupId: string | null,
): ChatGroupSummary[] {
  let next = groups;
  const counted = new Set<string>();
  for (const message of arrivals.messages) {
    const group = next.find((g) => g.groupId === message.groupId);
    if (!group || (group.lastMessageAt !== null && message.createdAt <= group.lastMessageAt))
      continue;
    next = summaryMessage(next, message, selfId, openGroupId);
    counted.add(message.id);
  }
  for (const { groupId, messageId } of arrivals.mentions)
    if (counted.has(messageId) && groupId !== openGroupId) next = summaryMentioned(next, groupId);
  return next;
}

/** The header's badge: new lines and mentions over all the member's groups. */
export function unreadTotals(groups: ChatGroupSummary[] | null): {
  unread: number;
  mentions: number;
} {
  let unread = 0;
  let mentions = 0;
  for (const g of groups ?? []) {
    unread += g.unread;
    mentions += g.mentions;
  }
  return { unread, mentions };
}

/** Most recent conversation first; groups without lines last, by name. */
export function sortedSummaries(groups: ChatGroupSummary[], locale: string): ChatGroupSummary[] {
  return [...groups].sort(
    (a, b) =>
      (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0) ||
      (a.name ?? '').localeCompare(b.name ?? '', locale),
  );
}
