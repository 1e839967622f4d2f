/**
 * Every feature that stores something pointing at a member registers here how to export
 * it and how to erase or anonymise it, so "download my data" and "delete my account"
 * cannot forget a collection a later feature adds.
 */
export interface AccountDataHandler {
  export(userId: string): Promise<unknown>;
  erase(userId: string): Promise<void>;
}

export class AccountDataRegistry {
  readonly #handlers = new Map<string, AccountDataHandler>();

  register(name: string, handler: AccountDataHandler): void {
    if (this.#handlers.has(name)) throw new Error(`account data "${name}" is registered twice`);
    this.#handlers.set(name, handler);
  }

  async exportAll(userId: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, handler] of this.#handlers) out[name] = await handler.export(userId);
    return out;
  }

  /**
   * Every feature erases, even after one has failed (the account is already gone then, so
   * what a later feature holds could not be erased by asking again); the first failure is
   * thrown once all have run.
   */
  async eraseAll(userId: string): Promise<void> {
    const failures: unknown[] = [];
    for (const handler of this.#handlers.values())
      await handler.erase(userId).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  }
}
