import type { ChangeMarks } from './change-marks.ts';

/**
 * Copies a node keeps of what the database holds, each noted with the mark (change-marks.ts)
 * that was read before the database was. A copy answers only while its mark reads the same,
 * for at most `maxAgeMs` (the bound for a change whose mark could not be moved), and every
 * copy goes when the node's connection to Redis drops or a mark cannot be read. The callers
 * (session-copies.ts, user-directory.ts) say which changes move which mark.
 */
export class MarkedCopies<V> {
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  /** In least recently used order (a Map keeps insertion order; a hit is reinserted). */
  readonly #copies = new Map<string, { value: V; mark: string | null; at: number }>();
  /** Moves when every copy is dropped, so a read begun before that is not kept after it. */
  #epoch = 0;

  constructor(
    marks: Pick<ChangeMarks, 'onLost'>,
    options: { maxEntries: number; maxAgeMs: number; now?: () => number },
  ) {
    this.#maxEntries = options.maxEntries;
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? Date.now;
    marks.onLost(() => this.clear());
  }

  /** Taken before the marks are read; `keep` refuses a read begun before a `clear`. */
  get epoch(): number {
    return this.#epoch;
  }

  now(): number {
    return this.#now();
  }

  /** Whatever is kept under `key`, still valid or not (to learn what its mark is called). */
  peek(key: string): V | undefined {
    return this.#copies.get(key)?.value;
  }

  /** The copy under `key` if its mark still reads `mark` and it is young enough. */
  get(key: string, mark: string | null, epoch: number): V | undefined {
    const copy = this.#copies.get(key);
    if (!copy) return undefined;
    this.#copies.delete(key);
    if (epoch !== this.#epoch || copy.mark !== mark || this.#now() - copy.at >= this.#maxAgeMs)
      return undefined;
    this.#copies.set(key, copy);
    return copy.value;
  }

  /** Keeps `value`, read after `mark` was, from a read that began at `at` in `epoch`. */
  keep(key: string, value: V, mark: string | null, at: number, epoch: number): void {
    if (epoch !== this.#epoch) return;
    this.#copies.delete(key);
    this.#copies.set(key, { value, mark, at });
    if (this.#copies.size > this.#maxEntries)
      this.#copies.delete(this.#copies.keys().next().value as string);
  }

  drop(key: string): void {
    this.#copies.delete(key);
  }

  get size(): number {
    return this.#copies.size;
  }

  clear(): void {
    this.#epoch++;
    this.#copies.clear();
  }
}
