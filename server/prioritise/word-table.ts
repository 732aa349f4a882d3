// Splits text into words as scikit-learn's default token pattern (runs of two or more letters, digits or
// underscores) and interns them without cutting a string per occurrence: a word is found by its hash and compared
// in place, so only a word's first occurrence allocates. At 100,000 records this and the bigram table are what
// keep the feature build to seconds.

const EMPTY = -1;
const MAX_LOAD = 0.5;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

/** Code units taken by a word character at `i` (2 for one outside the basic plane), or 0 for a separator. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  const point = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** Calls `visit(start, end, hash)` for each token of `text` (two or more word characters), in order. */
export function scanTokens(text: string, visit: (start: number, end: number, hash: number) => void): void {
  let start = -1;
  let chars = 0;
  let hash = 0;
  let i = 0;
  while (i <= text.length) {
    const width = i < text.length ? wordCharAt(text, i) : 0;
    if (width > 0) {
      if (start < 0) {
        start = i;
        chars = 0;
        hash = 0x811c9dc5;
      }
      for (let k = 0; k < width; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), 0x01000193);
      chars++;
      i += width;
      continue;
    }
    if (start >= 0 && chars >= 2) visit(start, i, hash);
    start = -1;
    i++;
  }
}

export class WordTable {
  readonly words: string[] = [];
  private slots = new Int32Array(1 << 12).fill(EMPTY);
  private hashes = new Int32Array(1 << 11);

  /** The word `text.slice(start, end)`'s index, adding it when new; `hash` as scanTokens gives it. */
  intern(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    for (;;) {
      const id = this.slots[i]!;
      if (id === EMPTY) break;
      const word = this.words[id]!;
      if (this.hashes[id] === hash && word.length === end - start && text.startsWith(word, start)) return id;
      i = (i + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.slots[i] = id;
    if (this.words.length > MAX_LOAD * this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let i = this.hashes[id]! & mask;
      while (this.slots[i] !== EMPTY) i = (i + 1) & mask;
      this.slots[i] = id;
    }
  }
}
