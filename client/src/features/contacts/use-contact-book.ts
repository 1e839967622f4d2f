import { useEffect, useState } from 'react';
import type { ChatClient } from '../chat/chat-client.ts';
import { ContactBook } from './contact-book.ts';
import { useContactsStore } from './contacts-state.ts';

/** A ContactBook on the page's chat client, its list loaded; closed when the page goes. */
export function useContactBook(client: ChatClient | null): ContactBook | null {
  const [book, setBook] = useState<ContactBook | null>(null);
  useEffect(() => {
    if (!client) return;
    const created = new ContactBook(client, useContactsStore);
    setBook(created);
    void created.load();
    return () => created.close();
  }, [client]);
  return book;
}
