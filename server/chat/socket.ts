import { type ChatServerToClient, chatClientEvents } from '../../shared/chat/events.ts';
import type { Access } from '../../shared/realtime/event-table.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { Logger } from '../infra/logger.ts';
import type { Metrics } from '../infra/metrics.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import { bindHandlers, type HandlerTable } from '../realtime/handler.ts';
import {
  type HavenSocket,
  memberOf,
  memberRoom,
  type SocketServer,
} from '../realtime/socket-server.ts';
import type { LivePresence, PresenceAnnouncer } from './live-presence.ts';
import type { ChatService } from './service.ts';

/**
 * The `/chat` namespace. Each socket sits in a Socket.IO room per group its member belongs
 * to; rooms are cluster-wide through the Redis adapter, so a line sent on one node reaches
 * members on every node, and joining or leaving a group (REST, any node) moves the member's
 * sockets at once everywhere. Every handler re-checks membership in the service.
 */

export const groupRoom = (groupId: string) => `chat-group:${groupId}`;

/** A member's "is typing" goes out at most this often per group and socket. */
const TYPING_EVERY_MS = 2_000;

export interface ChatSocketDeps {
  chat: ChatService;
  groups: GroupService;
  users: UserDirectory;
  /** Lines per member over time, in Redis (shared by every node). */
  sendLimiter: Limiter;
  /** Online/away/offline in Redis; absent when Haven runs without Redis (one node). */
  presence: LivePresence | undefined;
  logger: Logger;
  metrics: Metrics;
}

interface ChatContext {
  socket: HavenSocket;
  user: RequestUser;
}
type ChatContexts = Record<Access, ChatContext>;

type ChatNamespace = {
  to(room: string | string[]): {
    emit: <K extends keyof ChatServerToClient>(
      event: K,
      ...args: Parameters<ChatServerToClient[K]>
    ) => boolean;
  };
};

/** Presence changes go to the member's groups' rooms: those who share a group, on every node. */
export function presenceAnnouncer(sockets: SocketServer): PresenceAnnouncer {
  const nsp = sockets.chat as unknown as ChatNamespace;
  return {
    announce(groupIds, presence) {
      if (groupIds.length > 0) nsp.to(groupIds.map(groupRoom)).emit('chat:presence', presence);
    },
  };
}

export function bindChatSockets(sockets: SocketServer, deps: ChatSocketDeps): void {
  const nsp = sockets.chat;
  const emitTo = nsp as unknown as ChatNamespace;
  const rooms = {
    /** Into a group's room, unless a moderator banned them from its chat. */
    async join(userId: string, groupId: string) {
      if ((await deps.chat.moderation.bannedGroupsOf(userId)).has(groupId)) return;
      nsp.in(memberRoom(userId)).socketsJoin(groupRoom(groupId));
    },
    leave(userId: string, groupId: string) {
      nsp.in(memberRoom(userId)).socketsLeave(groupRoom(groupId));
    },
  };
  deps.groups.memberships.on('joined', (userId, groupId) => {
    rooms
      .join(userId, groupId)
      .catch((error: Error) =>
        deps.logger.warn({ err: error.message, event: 'chat:rooms' }, 'chat room not joined'),
      );
  });
  deps.groups.memberships.on('left', (userId, groupId) =>
    nsp.in(memberRoom(userId)).socketsLeave(groupRoom(groupId)),
  );
  nsp.on('connection', (socket: HavenSocket) => {
    const user = memberOf(socket);
    // Rooms first: a handler waits for them, so nothing sent after connecting is missed.
    const ready = Promise.all([
      deps.groups.groupsOf(user.id),
      deps.chat.moderation.bannedGroupsOf(user.id),
    ]).then(
      ([groups, banned]) =>
        socket.join(groups.filter((g) => !banned.has(g.id)).map((g) => groupRoom(g.id))),
      (error: Error) => {
        deps.logger.warn({ err: error.message, event: 'chat:rooms' }, 'chat rooms not joined');
      },
    );
    const lastTyping = new Map<string, number>();
    // The connection counts from when its rooms are joined; a change or the end waits for it.
    const present = ready.then(() => deps.presence?.connected(socket, user.id));
    socket.once('disconnect', () => {
      void present.then(() => deps.presence?.disconnected(socket, user.id));
    });
    bindHandlers(socket.on.bind(socket) as never, {
      namespace: nsp.name,
      table: chatClientEvents,
      handlers: chatHandlers(deps, emitTo, { ready, present, lastTyping }, rooms),
      authorize: () => ({ socket, user: memberOf(socket) }),
      limiter: sockets.limiter,
      socketId: socket.id,
      logger: deps.logger,
      metrics: deps.metrics,
    });
  });
}

function chatHandlers(
  deps: ChatSocketDeps,
  nsp: ChatNamespace,
  state: { ready: Promise<unknown>; present: Promise<unknown>; lastTyping: Map<string, number> },
  rooms: {
    join(userId: string, groupId: string): Promise<void>;
    leave(userId: string, groupId: string): void;
  },
): HandlerTable<typeof chatClientEvents, ChatContexts> {
  const { chat } = deps;
  const ok = {};
  return {
    'chat:send': async (input, { user }) => {
      await state.ready;
      await limited(deps.sendLimiter, user.id);
      const { message, created } = await chat.send(user, input);
      if (created) {
        nsp.to(groupRoom(message.groupId)).emit('chat:message', message);
        for (const mentioned of message.mentions)
          nsp.to(memberRoom(mentioned)).emit('chat:mention', {
            groupId: message.groupId,
            messageId: message.id,
          });
      }
      return message;
    },
    'chat:history': (query, { user }) => chat.history(user, query),
    'chat:edit': async ({ messageId, text }, { user }) => {
      const message = await chat.edit(user, messageId, text);
      nsp.to(groupRoom(message.groupId)).emit('chat:updated', message);
      return message;
    },
    'chat:delete': async ({ messageId }, { user }) => {
      const message = await chat.delete(user, messageId);
      nsp.to(groupRoom(message.groupId)).emit('chat:updated', message);
      return message;
    },
    'chat:react': async ({ messageId, emoji, on }, { user }) => {
      const message = await chat.react(user, messageId, emoji, on);
      nsp.to(groupRoom(message.groupId)).emit('chat:updated', message);
      return message;
    },
    'chat:search': async ({ groupId, q, limit }, { user }) => ({
      messages: await chat.search(user, groupId, q, limit),
    }),
    'chat:slowMode': async ({ groupId, seconds }, { user }) => {
      await chat.moderation.setSlowMode(user, groupId, seconds);
      return ok;
    },
    'chat:restrict': async ({ groupId, userId, action, minutes }, { user }) => {
      await chat.moderation.restrict(user, groupId, userId, action, minutes);
      // A ban stops the group's lines at once, on every node.
      if (action === 'ban') rooms.leave(userId, groupId);
      if (action === 'lift' && (await deps.groups.memberOf(userId, [groupId])).has(groupId))
        await rooms.join(userId, groupId);
      return ok;
    },
    'chat:read': async ({ groupId, messageId }, { user }) => {
      await chat.markRead(user, groupId, messageId);
      return ok;
    },
    'chat:groups': async (_p, { user }) => ({ groups: await chat.summaries(user) }),
    'chat:presence': async ({ state: now }, { socket, user }) => {
      await state.present;
      await deps.presence?.changed(socket, user.id, now);
      return ok;
    },
    'chat:who': async ({ groupId }, { user }) => {
      if (!(await deps.groups.roleIn(user, groupId)))
        throw new AppError('FORBIDDEN', 'join the group to see who is here');
      if (!deps.presence) throw new AppError('UNAVAILABLE', 'presence needs Redis');
      const ids = await deps.groups.memberIdsOf(groupId);
      const [presence, shown] = await Promise.all([
        deps.presence.of(ids),
        deps.groups.shownMembersOf(groupId, ids),
      ]);
      // Named as the group's member list names them; the asker always knows their own name.
      shown.add(user.id);
      const people = await deps.users.publicUsers(ids.filter((id) => shown.has(id)));
      return {
        members: presence.map((p) => ({ ...p, name: people.get(p.userId)?.displayName ?? null })),
      };
    },
    'chat:typing': async ({ groupId }, { socket, user }) => {
      await state.ready;
      // The socket's rooms follow membership, so a non-member's typing goes nowhere.
      if (!socket.rooms.has(groupRoom(groupId)))
        throw new AppError('FORBIDDEN', 'join the group to write in its chat');
      const now = Date.now();
      if (now - (state.lastTyping.get(groupId) ?? 0) < TYPING_EVERY_MS) return ok;
      state.lastTyping.set(groupId, now);
      const name = (await deps.users.publicUsers([user.id])).get(user.id)?.displayName ?? '';
      (socket.to(groupRoom(groupId)) as unknown as ReturnType<ChatNamespace['to']>).emit(
        'chat:typing',
        { groupId, userId: user.id, name },
      );
      return ok;
    },
  };
}

/** The member's send budget; Redis unreachable is UNAVAILABLE, never a crash or a free pass. */
async function limited(limiter: Limiter, userId: string): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNAVAILABLE', 'chat cannot check its limits right now; try again soon');
  }
}
