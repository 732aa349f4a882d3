// An open-addressing hash table from a pair of non-negative integers to an integer, in one typed array: a bigram
// is the pair of its words' term ids, so a review's millions of bigrams need neither a string nor a Map entry each
// (a Map of bigram strings was most of the feature build's time and memory at 100,000 records). A slot's key and
// value sit side by side, so a lookup usually costs one cache miss.

const EMPTY = -1;
const MAX_LOAD = 0.5;

export class PairTable {
  /** Per slot: left, right, value; left is EMPTY in a free slot. */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let count = 1;
    while (count < capacity / MAX_LOAD) count <<= 1;
    this.mask = count - 1;
    this.slots = new Int32Array(count * 3).fill(EMPTY);
  }

  /** The offset of (a, b)'s slot, or of the free slot where it would go. */
  private find(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let i = h & this.mask;
    for (;;) {
      const at = i * 3;
      const left = this.slots[at]!;
      if (left === EMPTY || (left === a && this.slots[at + 1] === b)) return at;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const at = this.find(a, b);
    return this.slots[at] === EMPTY ? -1 : this.slots[at + 2]!;
  }

  /** The value stored for (a, b), storing `make()`'s first when there is none. */
  getOrAdd(a: number, b: number, make: () => number): number {
    let at = this.find(a, b);
    if (this.slots[at] !== EMPTY) return this.slots[at + 2]!;
    if (this.size + 1 > MAX_LOAD * (this.mask + 1)) {
      this.grow();
      at = this.find(a, b);
    }
    const value = make();
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = value;
    this.size++;
    return value;
  }

  forEach(visit: (a: number, b: number, value: number) => void): void {
    for (let at = 0; at < this.slots.length; at += 3) {
      if (this.slots[at] !== EMPTY) visit(this.slots[at]!, this.slots[at + 1]!, this.slots[at + 2]!);
    }
  }

  private grow(): void {
    const old = this.slots;
    const count = (this.mask + 1) * 2;
    this.mask = count - 1;
    this.slots = new Int32Array(count * 3).fill(EMPTY);
    for (let from = 0; from < old.length; from += 3) {
      if (old[from] === EMPTY) continue;
      const to = this.find(old[from]!, old[from + 1]!);
      this.slots[to] = old[from]!;
      this.slots[to + 1] = old[from + 1]!;
      this.slots[to + 2] = old[from + 2]!;
    }
  }
}
