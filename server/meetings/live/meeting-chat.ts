import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../../../shared/meetings/live/schemas.ts';

/** Enough for a latecomer to catch up; older lines drop off. */
const KEPT_MESSAGES = 200;

/**
 * A meeting's chat, in this process's memory only: never written to MongoDB, Redis or the
 * logs, and gone when the meeting object is. Private lines go to the facilitators (and
 * stay visible to their sender).
 */
export class MeetingChat {
  #messages: ChatMessage[] = [];

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
  visibleTo(peerId: string, facilitator: boolean): ChatMessage[] {
    return this.#messages.filter(
      (m) => m.to === 'everyone' || facilitator || m.fromPeerId === peerId,
    );
  }

  clear(): void {
    this.#messages = [];
  }
}
