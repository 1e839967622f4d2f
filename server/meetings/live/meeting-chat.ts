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

  /**
   * Stores and delivers a line: to the room the sender is in (a breakout room's lines stay
   * there), or to the facilitators and its sender.
   */
  send(peer: LivePeer, text: string, to: 'everyone' | 'facilitators'): string {
    const message = this.add({
      fromPeerId: peer.peerId,
      fromName: peer.displayName,
      to,
      text,
      breakoutRoom: to === 'everyone' ? peer.breakoutRoom : null,
    });
    if (to === 'everyone')
      this.#channels.toPlace(
        this.#roster.admitted(),
        message.breakoutRoom,
        'chat:message',
        message,
      );
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
    if (message.to === 'everyone')
      this.#channels.toPlace(this.#roster.admitted(), message.breakoutRoom, 'chat:deleted', {
        messageId,
      });
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

  /**
   * The lines a peer may read (those to everyone in the room they are in, and private lines
   * they sent or, as a facilitator, receive), each under its sender's name as it is now.
   */
  visibleTo(peer: LivePeer): ChatMessage[] {
    const facilitator = isFacilitator(peer);
    return this.#messages
      .filter((m) =>
        m.to === 'everyone'
          ? m.breakoutRoom === peer.breakoutRoom
          : facilitator || m.fromPeerId === peer.peerId,
      )
      .map((m) => {
        const name = this.#roster.get(m.fromPeerId)?.displayName;
        return name && name !== m.fromName ? { ...m, fromName: name } : m;
      });
  }

  /** The breakout rooms closed: what was said in them goes with them. */
  forgetBreakoutLines(): void {
    this.#messages = this.#messages.filter((m) => m.breakoutRoom === null);
  }

  clear(): void {
    this.#messages = [];
  }
}
