import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../../../shared/meetings/live/schemas.ts';
import { AppError } from '../../infra/errors.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';
import type { RoomChannels } from './room-channels.ts';
import type { Roster } from './roster.ts';

/** Enough for a latecomer to catch up; older lines drop off. */
const KEPT_MESSAGES = 200;

/**
 * A meeting's chat, in this process's memory only: never written to MongoDB, Redis or the
 * logs, and gone when the meeting object is. Private lines go to the facilitators (and
 * stay visible to their sender).
 */
export class MeetingChat {
  #messages: ChatMessage[] = [];
  readonly #channels: RoomChannels;
  readonly #roster: Roster;

  constructor(channels: RoomChannels, roster: Roster) {
    this.#channels = channels;
    this.#roster = roster;
  }

  /** Stores and delivers a line: to the room, or to the facilitators and its sender. */
  send(peer: LivePeer, text: string, to: 'everyone' | 'facilitators'): string {
    const message = this.add({ fromPeerId: peer.peerId, fromName: peer.displayName, to, text });
    if (to === 'everyone') this.#channels.toRoom('chat:message', message);
    else {
      this.#channels.toFacilitators('chat:message', message);
      if (!isFacilitator(peer)) peer.socket.emit('chat:message', message);
    }
    return message.id;
  }

  /** A facilitator deletes a line for all who could read it. */
  deleteForAll(messageId: string): void {
    const message = this.delete(messageId);
    if (!message) throw new AppError('NOT_FOUND', 'no such message');
    if (message.to === 'everyone') this.#channels.toRoom('chat:deleted', { messageId });
    else {
      this.#channels.toFacilitators('chat:deleted', { messageId });
      this.#roster.get(message.fromPeerId)?.socket.emit('chat:deleted', { messageId });
    }
  }

  add(message: Omit<ChatMessage, 'id' | 'sentAt'>): ChatMessage {
    const stored: ChatMessage = {
      ...message,
      id: randomBytes(9).toString('base64url'),
      sentAt: Date.now(),
    };
    this.#messages.push(stored);
    if (this.#messages.length > KEPT_MESSAGES) this.#messages.shift();
    return stored;
  }

  /** Removes a message; returns it so its audience can be told, or undefined. */
  delete(messageId: string): ChatMessage | undefined {
    const index = this.#messages.findIndex((m) => m.id === messageId);
    if (index < 0) return undefined;
    return this.#messages.splice(index, 1)[0];
  }

  /** What one peer may read: everything to everyone, and private lines they sent or may see. */
  /** The lines a peer may read, each under its sender's name as it is now (after a rename). */
  visibleTo(peerId: string, facilitator: boolean): ChatMessage[] {
    return this.#messages
      .filter((m) => m.to === 'everyone' || facilitator || m.fromPeerId === peerId)
      .map((m) => {
        const name = this.#roster.get(m.fromPeerId)?.displayName;
        return name && name !== m.fromName ? { ...m, fromName: name } : m;
      });
  }

  clear(): void {
    this.#messages = [];
  }
}
