/** One index key of one document: the key values (one per indexed field) and who owns them. */
export interface IndexEntry {
  k: unknown[];
  /** The document's natural-order sequence: ties on the key keep insertion order, as mongod's RecordId does. */
  seq: number;
  id: string;
}

export type EntryOrder = (a: IndexEntry, b: IndexEntry) => number;

/** A place in the structure: block number and offset inside it. */
export interface Position {
  b: number;
  i: number;
}

const BLOCK = 512;

/**
 * Index entries kept sorted as a list of blocks of at most 2 x 512 entries (the layout of
 * Python's sortedcontainers). Why not a flat sorted array: inserting into one would move O(n)
 * entries per write; here a write moves at most one block, and the block list itself changes
 * only on a split or an emptied block (once per ~512 writes). Why not a B-tree: with one level
 * of blocks, lookups are two binary searches (O(log n)) and range scans walk contiguous
 * arrays, for a fraction of a B-tree's code. Counting entries between two positions sums block
 * lengths (n / 512 additions), cheap enough for the planner's estimates.
 */
export class SortedEntries {
  private blocks: IndexEntry[][] = [];
  private count = 0;
  readonly order: EntryOrder;

  constructor(order: EntryOrder) {
    this.order = order;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Replaces the contents with `entries` (sorted here unless `presorted` says they already are
   * in this order): one O(n log n) build instead of n inserts.
   */
  load(entries: IndexEntry[], presorted = false): void {
    if (!presorted) entries.sort(this.order);
    this.blocks = [];
    for (let i = 0; i < entries.length; i += BLOCK) this.blocks.push(entries.slice(i, i + BLOCK));
    this.count = entries.length;
  }

  clear(): void {
    this.blocks = [];
    this.count = 0;
  }

  insert(e: IndexEntry): void {
    this.count++;
    if (this.blocks.length === 0) {
      this.blocks.push([e]);
      return;
    }
    const p = this.seek((x) => this.order(x, e) > 0);
    const b = p.b < this.blocks.length ? p.b : this.blocks.length - 1;
    const block = this.blocks[b] as IndexEntry[];
    block.splice(p.b < this.blocks.length ? p.i : block.length, 0, e);
    if (block.length > 2 * BLOCK) this.blocks.splice(b + 1, 0, block.splice(BLOCK));
  }

  /** Removes the entry equal to `e` under the order (key and seq), if present. */
  remove(e: IndexEntry): boolean {
    const p = this.seek((x) => this.order(x, e) >= 0);
    const block = this.blocks[p.b];
    if (!block || block[p.i]?.id !== e.id || this.order(block[p.i] as IndexEntry, e) !== 0) {
      return false;
    }
    block.splice(p.i, 1);
    if (block.length === 0) this.blocks.splice(p.b, 1);
    this.count--;
    return true;
  }

  /**
   * The first position whose entry satisfies `pred`, which must be monotone over the order
   * (false ... false true ... true); the end position when none does.
   */
  seek(pred: (e: IndexEntry) => boolean): Position {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const block = this.blocks[mid] as IndexEntry[];
      if (pred(block[block.length - 1] as IndexEntry)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === this.blocks.length) return { b: lo, i: 0 };
    const block = this.blocks[lo] as IndexEntry[];
    let a = 0;
    let z = block.length - 1;
    while (a < z) {
      const mid = (a + z) >> 1;
      if (pred(block[mid] as IndexEntry)) z = mid;
      else a = mid + 1;
    }
    return { b: lo, i: a };
  }

  /** How many entries lie in [from, to). */
  countBetween(from: Position, to: Position): number {
    if (from.b === to.b) return Math.max(0, to.i - from.i);
    if (from.b > to.b) return 0;
    let n = (this.blocks[from.b]?.length ?? 0) - from.i;
    for (let b = from.b + 1; b < to.b; b++) n += (this.blocks[b] as IndexEntry[]).length;
    return n + to.i;
  }

  /** Entries in [from, to), in order or reversed. */
  *range(from: Position, to: Position, backward: boolean): Generator<IndexEntry> {
    if (!backward) {
      for (let b = from.b, i = from.i; b < to.b || (b === to.b && i < to.i); ) {
        const block = this.blocks[b] as IndexEntry[];
        if (i >= block.length) {
          b++;
          i = 0;
          continue;
        }
        yield block[i] as IndexEntry;
        i++;
      }
      return;
    }
    let b = to.b;
    let i = to.i - 1;
    for (;;) {
      if (i < 0) {
        b--;
        if (b < from.b) return;
        i = (this.blocks[b] as IndexEntry[]).length - 1;
        continue;
      }
      if (b < from.b || (b === from.b && i < from.i)) return;
      yield (this.blocks[b] as IndexEntry[])[i] as IndexEntry;
      i--;
    }
  }
}
