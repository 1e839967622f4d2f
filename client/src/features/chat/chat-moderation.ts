import type { StoreApi } from 'zustand';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { type ChatPayload, type ChatRequester, chatErrorOf } from './signalling.ts';
import type { ChatState } from './store.ts';

/**
 * The open group's settings as every member sees them (slow mode), a member's report of a
 * line, and what its moderators do from the chat itself: slow mode, mute, ban, lift. The
 * server decides who may; a refusal shows as the chat's notice.
 */
export class ChatModeration {
  readonly #request: ChatRequester;
  readonly #store: StoreApi<ChatState>;
  readonly #openGroup: () => string | null;
  readonly #notice: (error: unknown) => void;

  constructor(
    request: ChatRequester,
    store: StoreApi<ChatState>,
    openGroup: () => string | null,
    notice: (error: unknown) => void,
  ) {
    this.#request = request;
    this.#store = store;
    this.#openGroup = openGroup;
    this.#notice = notice;
  }

  async loadSettings(groupId: string): Promise<void> {
    try {
      const { slowModeSeconds } = await this.#request('chat:settings', { groupId });
      if (this.#openGroup() === groupId) this.#store.setState({ slowMode: slowModeSeconds });
    } catch {
      // The history's own answer says what went wrong; the note just stays away.
    }
  }

  /**
   * Reports someone else's line to the moderators: null when it is in (a second report of
   * the same line counts as the first), else the refusal's code for the dialog to say.
   */
  async report(
    messageId: string,
    reason: ChatPayload<'chat:report'>['reason'],
    note?: string,
  ): Promise<ErrorCode | null> {
    try {
      await this.#request('chat:report', { messageId, reason, ...(note ? { note } : {}) });
      return null;
    } catch (error) {
      return chatErrorOf(error).code;
    }
  }

  /** Slow mode for the open group (0 turns it off). */
  setSlowMode(seconds: number): Promise<boolean> {
    const groupId = this.#openGroup();
    if (!groupId) return Promise.resolve(false);
    return this.#act(async () => {
      await this.#request('chat:slowMode', { groupId, seconds });
      if (this.#openGroup() === groupId) this.#store.setState({ slowMode: seconds });
    });
  }

  /** Mutes a member of the open group for a while, bans them, or lifts either. */
  restrict(userId: string, action: 'mute' | 'ban' | 'lift', minutes?: number): Promise<boolean> {
    const groupId = this.#openGroup();
    if (!groupId) return Promise.resolve(false);
    return this.#act(() =>
      this.#request('chat:restrict', {
        groupId,
        userId,
        action,
        ...(minutes ? { minutes } : {}),
      }).then(() => undefined),
    );
  }

  async #act(run: () => Promise<void>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      this.#notice(error);
      return false;
    }
  }
}
