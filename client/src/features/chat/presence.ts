import type { ChatMember, MemberPresence } from '../../../../shared/chat/schemas.ts';

/**
 * Who of the open group's members is here: `chat:who`'s answer on opening, then each
 * `chat:presence` push applied. Pure functions; the ChatClient keeps the list in the store.
 */

/** A push about a member of the open group changes their row; others (other groups) do not. */
export function presenceReceived(members: ChatMember[], presence: MemberPresence): ChatMember[] {
  const index = members.findIndex((m) => m.userId === presence.userId);
  const known = members[index];
  if (!known || (known.state === presence.state && known.lastSeen === presence.lastSeen))
    return members;
  const next = [...members];
  next[index] = { ...known, state: presence.state, lastSeen: presence.lastSeen };
  return next;
}

export interface PresenceCounts {
  online: number;
  away: number;
  offline: number;
}

/** Everyone counts, named or not: "3 online" is true of the group, not only of those listed. */
export function presenceCounts(members: ChatMember[]): PresenceCounts {
  const counts: PresenceCounts = { online: 0, away: 0, offline: 0 };
  for (const member of members) counts[member.state] += 1;
  return counts;
}

export type NamedMember = ChatMember & { name: string };

const RANK = { online: 0, away: 1, offline: 2 } as const;

/** The named members, those here first (online, then away, then offline), by name. */
export function sortedMembers(members: ChatMember[], locale: string): NamedMember[] {
  return members
    .filter((m): m is NamedMember => m.name !== null)
    .sort((a, b) => RANK[a.state] - RANK[b.state] || a.name.localeCompare(b.name, locale));
}

/**
 * A member who is not in the group's member lists but wrote a line shown here is named on
 * that line already: the list (and the mention picker) may use that name too.
 */
export function namedFromLines(
  members: ChatMember[],
  lines: ReadonlyArray<{ senderId: string | null; senderName: string | null }>,
): ChatMember[] {
  const names = new Map<string, string>();
  for (const line of lines)
    if (line.senderId && line.senderName) names.set(line.senderId, line.senderName);
  if (!members.some((m) => m.name === null && names.has(m.userId))) return members;
  return members.map((m) => (m.name === null ? { ...m, name: names.get(m.userId) ?? null } : m));
}
