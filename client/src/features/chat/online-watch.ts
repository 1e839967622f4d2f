/** The chat list's online counts follow presence changes this often at most. */
const ONLINE_REFRESH_MS = 5_000;

/**
 * While the chat list is shown it says how many are online in each chat: asked with the
 * list, and asked again at most every few seconds while presence changes arrive.
 */
export class OnlineWatch {
  readonly #reload: () => void;
  #on = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(reload: () => void) {
    this.#reload = reload;
  }

  get on(): boolean {
    return this.#on;
  }

  set(on: boolean): void {
    this.#on = on;
  }

  /** Someone's presence changed: the counts are asked again soon, once. */
  moved(): void {
    if (!this.#on || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#on) this.#reload();
    }, ONLINE_REFRESH_MS);
  }

  stop(): void {
    this.#on = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
