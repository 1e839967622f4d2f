import type { StoreApi } from 'zustand';
import type { ChatMessage } from '../../../../shared/chat/schemas.ts';
import type { ChatSocket } from './chat-client.ts';
import {
  type Arrivals,
  messageStored,
  messageUpdated,
  messageWithdrawn,
  summaryMentioned,
  summaryMessage,
} from './chat-state.ts';
import { presenceReceived } from './presence.ts';
import { type ChatState, updateGroups, updateLines } from './store.ts';
import { typingReceived, typingStopped } from './timeline.ts';

/**
 * What the server pushes on `/chat`, applied to the store through the pure functions of
 * chat-state.ts and timeline.ts. `selfId` is the signed-in member.
 */
export function bindChatEvents(
  socket: ChatSocket,
  store: StoreApi<ChatState>,
  selfId: string,
  /** Told of each line and mention too (the chat list's loads in flight, chat-client.ts). */
  arrivals?: Arrivals,
) {
  const openGroup = () => store.getState().lines?.groupId ?? null;

  const received = (message: ChatMessage) => {
    arrivals?.messages.push(message);
    updateLines(store, (lines) => messageStored(lines, message));
    updateGroups(store, (groups) => summaryMessage(groups, message, selfId, openGroup()));
    if (message.groupId === openGroup())
      store.setState((s) => ({ typing: typingStopped(s.typing, message.senderId) }));
  };
  socket.on('chat:message', received);
  socket.on('chat:messages', (messages) => {
    for (const message of messages) received(message);
  });
  socket.on('chat:withdrawn', ({ groupId, messageId }) => {
    updateLines(store, (lines) => messageWithdrawn(lines, groupId, messageId));
  });
  socket.on('chat:updated', (message) => {
    updateLines(store, (lines) => messageUpdated(lines, message));
  });
  socket.on('chat:mention', ({ groupId, messageId }) => {
    arrivals?.mentions.push({ groupId, messageId });
    if (groupId !== openGroup()) updateGroups(store, (groups) => summaryMentioned(groups, groupId));
  });
  // Sent to every group this member shares with the other: only the open group's list changes.
  socket.on('chat:presence', (presence) => {
    store.setState((s) => {
      if (!s.members) return {};
      const members = presenceReceived(s.members, presence);
      return members === s.members ? {} : { members };
    });
  });
  socket.on('chat:settings', ({ groupId, slowModeSeconds }) => {
    if (groupId === openGroup()) store.setState({ slowMode: slowModeSeconds });
  });
  socket.on('chat:typing', ({ groupId, userId, name }) => {
    if (groupId !== openGroup() || userId === selfId) return;
    store.setState((s) => ({ typing: typingReceived(s.typing, { userId, name }, Date.now()) }));
  });
}
