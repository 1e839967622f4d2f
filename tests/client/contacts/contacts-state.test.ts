import { describe, expect, it } from 'vitest';
import {
  lineArrived,
  presenceChanged,
  sections,
  unreadPrivate,
} from '../../../client/src/features/contacts/contacts-state.ts';
import type { Contact } from '../../../shared/chat/contacts.ts';

const ME = 'a'.repeat(24);
const conv = (n: number) => n.toString(16).padStart(24, 'c');
function contact(n: number, over: Partial<Contact> = {}): Contact {
  return {
    userId: n.toString(16).padStart(24, 'b'),
    name: `Member ${n}`,
    status: 'contact',
    conversationId: conv(n),
    presence: null,
    unread: 0,
    lastMessageAt: null,
    ...over,
  };
}

describe('the contacts page’s data', () => {
  it('shows a contact’s presence, but not that of someone who is only asking', () => {
    const list = [contact(1), contact(2, { status: 'incoming' })];
    const online = (userId: string | null) => ({
      userId: userId ?? '',
      state: 'online' as const,
      lastSeen: null,
    });
    expect(presenceChanged(list, online(list[0]?.userId ?? null))[0]?.presence?.state).toBe(
      'online',
    );
    expect(presenceChanged(list, online(list[1]?.userId ?? null))).toBe(list);
  });

  it('counts a private line as unread unless it is one’s own or its conversation is open', () => {
    const list = [contact(1), contact(2)];
    const line = {
      kind: 'private',
      groupId: conv(1),
      senderId: list[0]?.userId ?? null,
      createdAt: 5,
    };
    expect(lineArrived(list, line, ME, null)[0]).toMatchObject({ unread: 1, lastMessageAt: 5 });
    expect(lineArrived(list, line, ME, conv(1))[0]?.unread).toBe(0);
    expect(lineArrived(list, { ...line, senderId: ME }, ME, null)[0]?.unread).toBe(0);
    expect(lineArrived(list, { ...line, kind: 'group' }, ME, null)).toBe(list);
    expect(unreadPrivate(lineArrived(list, line, ME, null))).toBe(1);
  });

  it('sorts each section by name, case and accents aside, a deleted member last', () => {
    const list = [
      contact(1, { name: null, status: 'former' }),
      contact(2, { name: 'Zoé' }),
      contact(3, { name: 'ana' }),
      contact(4, { name: 'Élodie', status: 'former' }),
    ];
    const out = sections(list, 'fr');
    expect(out.contact.map((c) => c.name)).toEqual(['ana', 'Zoé']);
    expect(out.former.map((c) => c.name)).toEqual(['Élodie', null]);
    expect(out.incoming).toEqual([]);
  });
});
