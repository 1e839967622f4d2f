import { create } from 'zustand';
import type { Contact } from '../../../../shared/chat/contacts.ts';
import type { MemberPresence } from '../../../../shared/chat/schemas.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';

/**
 * The member's contacts as the pages show them: plain data, written only by the
 * ContactBook through the pure functions below.
 */

export interface ContactsState {
  /** null until the first list arrives. */
  contacts: Contact[] | null;
  loadError: ErrorCode | null;
  /** The last refused action (shown once, as an alert). */
  notice: ErrorCode | null;
}

export const initialContactsState: ContactsState = {
  contacts: null,
  loadError: null,
  notice: null,
};

export const useContactsStore = create<ContactsState>()(() => initialContactsState);

/** A contact's presence changed (others' presence is not theirs to see here). */
export function presenceChanged(contacts: Contact[], presence: MemberPresence): Contact[] {
  let changed = false;
  const next = contacts.map((c) => {
    if (c.userId !== presence.userId || c.status !== 'contact') return c;
    changed = true;
    return { ...c, presence };
  });
  return changed ? next : contacts;
}

/** A new line in a conversation not on screen counts as unread there. */
export function lineArrived(
  contacts: Contact[],
  line: { kind: string; groupId: string; senderId: string | null; createdAt: number },
  selfId: string,
  openId: string | null,
): Contact[] {
  if (line.kind !== 'private') return contacts;
  return contacts.map((c) =>
    c.conversationId !== line.groupId
      ? c
      : {
          ...c,
          unread: line.senderId !== selfId && line.groupId !== openId ? c.unread + 1 : c.unread,
          lastMessageAt: line.createdAt,
        },
  );
}

export type ContactSections = Record<Contact['status'], Contact[]>;

/** The list in the page's sections, each by name (a deleted member last). */
export function sections(contacts: Contact[], locale: string): ContactSections {
  const out: ContactSections = { incoming: [], contact: [], outgoing: [], former: [], blocked: [] };
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  for (const c of contacts) out[c.status].push(c);
  for (const list of Object.values(out))
    list.sort((a, b) =>
      a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name),
    );
  return out;
}

/** Unread private lines, over every conversation (the header's badge adds them). */
export const unreadPrivate = (contacts: Contact[] | null) =>
  (contacts ?? []).reduce((sum, c) => sum + c.unread, 0);
