/**
 * Spellings seen in screened texts, each with what was worked out about it once (T), shared by every
 * document screened with the same index. Looked up by a hash over the text itself, so a spelling seen
 * before never becomes a new string: a review screens many contracts that share most of their words,
 * and hashing freshly sliced strings (as a Map would) cost more than the screening.
 */
export class SpellingTable<T> {
  private readonly spellings: string[] = [];
  private readonly hashes: number[] = [];
  readonly values: T[] = [];
  private slots: Int32Array = new Int32Array(1 << 14).fill(-1);
  // Per spelling: the last text it was seen in, and its index among that text's distinct spellings.
  private seenIn: Int32Array = new Int32Array(1 << 13);
  private localId: Int32Array = new Int32Array(1 << 13);
  private texts = 0;

  constructor(private readonly make: (spelling: string) => T) {}

  get size(): number {
    return this.spellings.length;
  }

  /**
   * The words of one text (pairs of [start, end) offsets): for each word its index among the text's
   * distinct spellings, and those spellings' values in order of first use.
   */
  read(text: string, pairs: Int32Array): { ids: Int32Array; values: T[] } {
    const stamp = ++this.texts;
    const count = pairs.length >> 1;
    const ids = new Int32Array(count);
    const values: T[] = [];
    for (let w = 0; w < count; w++) {
      const id = this.idOf(text, pairs[2 * w], pairs[2 * w + 1]);
      if (this.seenIn[id] !== stamp) {
        this.seenIn[id] = stamp;
        this.localId[id] = values.length;
        values.push(this.values[id]);
      }
      ids[w] = this.localId[id];
    }
    return { ids, values };
  }

  /** The id of text[a, b), added (and its value made) if new. */
  private idOf(text: string, a: number, b: number): number {
    let h = 0x811c9dc5 ^ (b - a);
    for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let s = this.slots[slot]; s >= 0; slot = (slot + 1) & mask, s = this.slots[slot]) {
      if (this.hashes[s] === h && this.spellings[s].length === b - a && text.startsWith(this.spellings[s], a)) return s;
    }
    const id = this.spellings.length;
    const spelling = text.slice(a, b);
    this.spellings.push(spelling);
    this.hashes.push(h);
    this.values.push(this.make(spelling));
    this.slots[slot] = id;
    if (id >= this.seenIn.length) {
      this.seenIn = grow(this.seenIn);
      this.localId = grow(this.localId);
    }
    if (this.spellings.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let s = 0; s < this.spellings.length; s++) {
      let t = this.hashes[s] & mask;
      while (this.slots[t] >= 0) t = (t + 1) & mask;
      this.slots[t] = s;
    }
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
