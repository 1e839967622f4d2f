import type { contactClientEvents } from '../../shared/chat/contacts.ts';
import type { HandlerTable } from '../realtime/handler.ts';
import { memberRoom } from '../realtime/socket-server.ts';
import type { ChatContexts, ChatNamespace, ChatSocketDeps } from './socket.ts';

/**
 * The contact events on `/chat` (rules in contacts.ts). Both members' sockets, on every
 * node, hear `contact:changed` when something between them changes, and refresh what they
 * show; a declined request is not announced, so the asker cannot tell.
 */

export function bindContactEvents(deps: ChatSocketDeps, nsp: ChatNamespace): void {
  deps.chat.contacts.changes.on('changed', (a, b) => {
    nsp.to(memberRoom(a)).emit('contact:changed', { userId: b });
    nsp.to(memberRoom(b)).emit('contact:changed', { userId: a });
  });
}

export function contactHandlers(
  deps: ChatSocketDeps,
  nsp: ChatNamespace,
): HandlerTable<typeof contactClientEvents, ChatContexts> {
  const { contacts } = deps.chat;
  const presenceOf = deps.presence ? deps.presence.of.bind(deps.presence) : undefined;
  return {
    'contact:request': async ({ userId }, { user }) => ({
      contact: await contacts.request(user, userId),
    }),
    'contact:respond': async ({ userId, accept }, { user }) => ({
      contact: await contacts.respond(user, userId, accept),
    }),
    'contact:remove': async ({ userId }, { user }) => ({
      contact: await contacts.remove(user, userId),
    }),
    'contact:block': async ({ userId }, { user }) => {
      const contact = await contacts.block(user, userId);
      // Hidden at once: whatever they were shown of this member now reads offline.
      nsp
        .to(memberRoom(userId))
        .emit('chat:presence', { userId: user.id, state: 'offline', lastSeen: null });
      return { contact };
    },
    'contact:unblock': async ({ userId }, { user }) => ({
      contact: await contacts.unblock(user, userId),
    }),
    'contact:list': async (_payload, { user }) => ({
      contacts: await contacts.list(user, presenceOf),
    }),
  };
}
