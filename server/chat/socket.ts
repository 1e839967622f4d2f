import type { Redis } from 'ioredis';
import { type ChatServerToClient, chatClientEvents } from '../../shared/chat/events.ts';
import type { ChatGroupSummary, ChatMessage } from '../../shared/chat/schemas.ts';
import type { Access } from '../../shared/realtime/event-table.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import type { RequestUser } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { Logger } from '../infra/logger.ts';
import type { Metrics } from '../infra/metrics.ts';
import { inOneWrite } from '../infra/one-write.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import { bindHandlers, type HandlerTable } from '../realtime/handler.ts';
import {
  type HavenSocket,
  memberOf,
  memberRoom,
  type SocketServer,
} from '../realtime/socket-server.ts';
import { bindContactEvents, contactHandlers } from './contact-socket.ts';
import { LineBatches } from './line-batches.ts';
import type { LivePresence, PresenceAnnouncer } from './live-presence.ts';
import type { ChatReports } from './reports.ts';
import type { SendClaims } from './send-claims.ts';
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
  /** Reports of lines; what their queue (REST, this node) decides is delivered here. */
  reports: ChatReports;
  groups: GroupService;
  users: UserDirectory;
  /** Lines per member over time, in Redis (shared by every node). */
  sendLimiter: Limiter;
  /** Which sends are first attempts, shown while they are written (send-claims.ts). */
  sendClaims: SendClaims;
  /** The client the limit, the claims and the marks use: a send's checks go in one write. */
  redis?: Redis | undefined;
  /** Online/away/offline in Redis; absent when Haven runs without Redis (one node). */
  presence: LivePresence | undefined;
  logger: Logger;
  metrics: Metrics;
}

export interface ChatContext {
  socket: HavenSocket;
  user: RequestUser;
}
export type ChatContexts = Record<Access, ChatContext>;

type ChatEmitter = {
  emit: <K extends keyof ChatServerToClient>(
    event: K,
    ...args: Parameters<ChatServerToClient[K]>
  ) => boolean;
};
export type ChatNamespace = { to(room: string | string[]): ChatEmitter };

/**
 * Presence changes go to the member's groups' rooms and their contacts, on every node, but
 * never to a member they blocked (Socket.IO sends once per socket however many rooms match).
 */
export function presenceAnnouncer(sockets: SocketServer): PresenceAnnouncer {
  const nsp = sockets.chat;
  return {
    announce({ groupIds, contactIds, hiddenFrom }, presence) {
      const rooms = [...groupIds.map(groupRoom), ...contactIds.map(memberRoom)];
      if (rooms.length === 0) return;
      (nsp.to(rooms).except(hiddenFrom.map(memberRoom)) as unknown as ChatEmitter).emit(
        'chat:presence',
        presence,
      );
    },
  };
}

/** A group's line goes to its room; a private one to both members' sockets. */
async function roomsOfLine(chat: ChatService, message: ChatMessage): Promise<string | string[]> {
  return message.kind === 'group'
    ? groupRoom(message.groupId)
    : (await chat.contacts.membersOf(message.groupId)).map(memberRoom);
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
  bindContactEvents(deps, emitTo);
  const lines = new LineBatches((room, batch) => {
    if (batch.length === 1 && batch[0]) emitTo.to(room).emit('chat:message', batch[0]);
    else emitTo.to(room).emit('chat:messages', batch);
  });
  // Changes made away from the line's own event: a line the report queue (REST) deleted, a
  // reply whose excerpt followed its line's edit or deletion. A listener's failure (the
  // database away while finding a conversation's members) is logged, never unhandled.
  const updated = (message: ChatMessage) => {
    roomsOfLine(deps.chat, message)
      .then((to) => emitTo.to(to).emit('chat:updated', message))
      .catch((error: Error) =>
        deps.logger.warn({ err: error.message, event: 'chat:updated' }, 'change not delivered'),
      );
  };
  deps.reports.changes.on('updated', updated);
  deps.chat.changes.on('updated', updated);
  deps.chat.changes.on('failed', (error, event) =>
    deps.logger.warn({ err: error.message, event }, 'chat follow-up failed'),
  );
  deps.reports.changes.on('banned', (userId, groupId) => rooms.leave(userId, groupId));
  deps.groups.memberships.on('left', (userId, groupId) =>
    nsp.in(memberRoom(userId)).socketsLeave(groupRoom(groupId)),
  );
  nsp.on('connection', (socket: HavenSocket) => {
    const user = memberOf(socket);
    // Rooms first: sends and reads wait for them, so nothing after the first read is missed.
    const ready = Promise.all([
      deps.groups.groupsOf(user.id),
      deps.chat.moderation.bannedGroupsOf(user.id),
    ]).then(
      ([groups, banned]) =>
        socket.join(groups.filter((g) => !banned.has(g.id)).map((g) => groupRoom(g.id))),
      (error: Error) => {
        deps.logger.warn({ err: error.message, event: 'chat:rooms' }, 'chat rooms not joined');
        // In no room, the socket would hear nothing for its whole life (the database was
        // away, say): closed, its browser connects again and catches up (chat-client.ts).
        socket.disconnect(true);
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
      handlers: chatHandlers(deps, emitTo, lines, { ready, present, lastTyping }, rooms),
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
  lines: LineBatches,
  state: { ready: Promise<unknown>; present: Promise<unknown>; lastTyping: Map<string, number> },
  rooms: {
    join(userId: string, groupId: string): Promise<void>;
    leave(userId: string, groupId: string): void;
  },
): HandlerTable<typeof chatClientEvents, ChatContexts> {
  const { chat } = deps;
  const ok = {};
  const roomsOf = (message: ChatMessage) => roomsOfLine(chat, message);
  return {
    ...contactHandlers(deps, nsp),
    'chat:send': async (input, { user }) => {
      await state.ready;
      const room = groupRoom(input.groupId);
      const { message, created, shown } = await inOneWrite(deps.redis, () =>
        chat.send(user, input, limited(deps.sendLimiter, user.id), {
          claimed: deps.sendClaims.claim(user.id, input.groupId, input.clientId),
          show: (line) => lines.add(room, line),
          withdraw: ({ groupId, id }) => {
            lines.flush(room);
            nsp.to(room).emit('chat:withdrawn', { groupId, messageId: id });
          },
        }),
      );
      if (created) {
        if (!shown) nsp.to(await roomsOf(message)).emit('chat:message', message);
        for (const mentioned of message.mentions)
          nsp.to(memberRoom(mentioned)).emit('chat:mention', {
            groupId: message.groupId,
            messageId: message.id,
          });
      }
      return message;
    },
    // Reads wait for the socket's rooms, as sends do: every line shown after the read reaches
    // this socket as a push. (One shown before the rooms were joined and stored after the
    // read is in neither: the browser reads again, client/.../chat/newer-reads.ts. If the
    // rooms could not be joined, the socket is closed, and this answer goes nowhere.)
    'chat:history': async (query, { socket, user }) => {
      await state.ready;
      return chat.history(user, query, async ({ kind }) => {
        if (kind === 'group') await intoRooms(deps, socket, user.id, [query.groupId]);
      });
    },
    'chat:edit': async ({ messageId, text }, { user }) => {
      const message = await chat.edit(user, messageId, text);
      nsp.to(await roomsOf(message)).emit('chat:updated', message);
      return message;
    },
    'chat:delete': async ({ messageId }, { user }) => {
      const message = await chat.delete(user, messageId);
      nsp.to(await roomsOf(message)).emit('chat:updated', message);
      return message;
    },
    'chat:react': async ({ messageId, emoji, on }, { user }) => {
      const message = await chat.react(user, messageId, emoji, on);
      nsp.to(await roomsOf(message)).emit('chat:updated', message);
      return message;
    },
    'chat:report': (input, { user }) => deps.reports.report(user, input),
    'chat:search': async ({ groupId, q, limit }, { user }) => ({
      messages: await chat.search(user, groupId, q, limit),
    }),
    'chat:settings': ({ groupId }, { user }) => chat.settings(user, groupId),
    'chat:slowMode': async ({ groupId, seconds }, { user }) => {
      await chat.moderation.setSlowMode(user, groupId, seconds);
      nsp.to(groupRoom(groupId)).emit('chat:settings', { groupId, slowModeSeconds: seconds });
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
    'chat:groups': async (payload, { socket, user }) => {
      await state.ready;
      const groups = await chat.summaries(user);
      const joined = groups.filter((g) => g.kind === 'group').map((g) => g.groupId);
      await intoRooms(deps, socket, user.id, joined);
      const presence = deps.presence;
      if (!payload?.online || !presence) return { groups };
      return {
        groups: await Promise.all(
          groups.map(async (g) => ({ ...g, online: await othersOnline(deps, presence, user, g) })),
        ),
      };
    },
    'chat:presence': async ({ state: now }, { socket, user }) => {
      await state.present;
      await deps.presence?.changed(socket, user.id, now);
      return ok;
    },
    'chat:who': async ({ groupId }, { user }) => {
      const role = await deps.groups.roleIn(user, groupId);
      if (!role) throw new AppError('FORBIDDEN', 'join the group to see who is here');
      await chat.moderation.mayRead(user, groupId, role);
      if (!deps.presence) throw new AppError('UNAVAILABLE', 'presence needs Redis');
      const ids = await deps.groups.memberIdsOf(groupId);
      const [presence, shown, visible] = await Promise.all([
        deps.presence.of(ids),
        deps.groups.shownMembersOf(groupId, ids),
        // Members who blocked the asker read offline to them.
        chat.contacts.visibleTo(user.id, ids),
      ]);
      // Named as the group's member list names them; the asker always knows their own name.
      shown.add(user.id);
      const people = await deps.users.publicUsers(ids.filter((id) => shown.has(id)));
      return {
        members: presence.map((p) => ({
          ...(visible.has(p.userId)
            ? p
            : { userId: p.userId, state: 'offline' as const, lastSeen: null }),
          name: people.get(p.userId)?.displayName ?? null,
        })),
      };
    },
    'chat:typing': async ({ groupId }, { socket, user }) => {
      await state.ready;
      const now = Date.now();
      if (now - (state.lastTyping.get(groupId) ?? 0) < TYPING_EVERY_MS) return ok;
      // The socket's rooms follow membership, so a non-member's typing goes nowhere; in a
      // private conversation, only a contact's typing reaches the other.
      const to = socket.rooms.has(groupRoom(groupId))
        ? groupRoom(groupId)
        : (await chat.contacts.access(user, groupId, 'write').catch(() => []))
            .filter((id) => id !== user.id)
            .map(memberRoom);
      if (to.length === 0) throw new AppError('FORBIDDEN', 'join the group to write in its chat');
      state.lastTyping.set(groupId, now);
      // Typing tells that one is here: not while appearing offline, nor to those one blocked.
      const [people, circles, choices] = await Promise.all([
        deps.users.publicUsers([user.id]),
        chat.contacts.presenceCircles([user.id]),
        deps.presence?.choicesOf(user.id),
      ]);
      if (choices?.invisible) return ok;
      const hiddenFrom = (circles.get(user.id)?.hiddenFrom ?? []).map(memberRoom);
      const name = people.get(user.id)?.displayName ?? '';
      (socket.to(to).except(hiddenFrom) as unknown as ChatEmitter).emit('chat:typing', {
        groupId,
        userId: user.id,
        name,
      });
      return ok;
    },
  };
}

/**
 * Into the rooms of those of `groupIds` (groups the caller has just found its member may
 * read) the socket is not in yet: a group joined since the socket connected, whose move of
 * the member's sockets (a REST join, perhaps on another node) is still on its way. Reads call
 * this before they answer, so no line after their answer is missed. Checked again once
 * joined: a leave or a ban that crossed the join has already moved the member's sockets, so
 * it is undone here.
 */
async function intoRooms(
  deps: ChatSocketDeps,
  socket: HavenSocket,
  userId: string,
  groupIds: string[],
): Promise<void> {
  const joining = groupIds.filter((id) => !socket.rooms.has(groupRoom(id)));
  if (joining.length === 0) return;
  await socket.join(joining.map(groupRoom));
  const [member, banned] = await Promise.all([
    deps.groups.memberOf(userId, joining),
    deps.chat.moderation.bannedGroupsOf(userId),
  ]);
  for (const id of joining)
    if (!member.has(id) || banned.has(id)) await socket.leave(groupRoom(id));
}

/** Others of a chat online now, as `viewer` may see them (not those who blocked them). */
async function othersOnline(
  deps: ChatSocketDeps,
  presence: LivePresence,
  viewer: RequestUser,
  chat: ChatGroupSummary,
): Promise<number> {
  const ids = (
    chat.kind === 'group'
      ? await deps.groups.memberIdsOf(chat.groupId)
      : await deps.chat.contacts.membersOf(chat.groupId)
  ).filter((id) => id !== viewer.id);
  const visible = await deps.chat.contacts.visibleTo(viewer.id, ids);
  const states = await presence.of(ids.filter((id) => visible.has(id)));
  return states.filter((p) => p.state === 'online').length;
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
