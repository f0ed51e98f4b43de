/**
 * One-deletion neighbourhood of a vocabulary (SymSpell): a word and every string made by deleting one
 * of its letters point back to the word. Two words within one edit (or one transposition) share a key.
 * Keys are 32-bit hashes computed without building the strings, kept in typed arrays, so building the
 * table for ~40,000 words costs no garbage; hash collisions only add candidates, which the caller verifies.
 */
export class DeletionIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly keys: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;

  constructor(words: readonly string[], minLength: number) {
    let total = 0;
    for (const w of words) if (w.length >= minLength) total += w.length + 1;
    let size = 1024;
    while (size < total * 2) size <<= 1;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(total);
    this.keys = new Int32Array(total);
    this.ids = new Int32Array(total);
    let e = 0;
    const hashes = new Int32Array(64);
    words.forEach((w, id) => {
      if (w.length < minLength || w.length > 60) return;
      const n = variantHashes(w, hashes);
      for (let k = 0; k < n; k++) {
        const h = hashes[k];
        const slot = h & this.mask;
        this.keys[e] = h;
        this.ids[e] = id;
        this.next[e] = this.head[slot];
        this.head[slot] = e++;
      }
    });
  }

  /** Ids of words that share a one-deletion variant with `word` (unverified, may repeat). */
  candidates(word: string, out: number[] = []): number[] {
    if (word.length > 60) return out;
    const hashes = new Int32Array(64);
    const n = variantHashes(word, hashes);
    for (let k = 0; k < n; k++) {
      const h = hashes[k];
      for (let e = this.head[h & this.mask]; e >= 0; e = this.next[e]) if (this.keys[e] === h) out.push(this.ids[e]);
    }
    return out;
  }
}

const B = 0x01000193;

/** Scratch for variantHashes (words are at most 60 letters): no allocation per word. */
const prefix = new Int32Array(64);

/** Hash of the word itself and of each one-letter deletion (duplicates from doubled letters skipped). */
function variantHashes(w: string, out: Int32Array): number {
  const L = w.length;
  // prefix[i] = hash of w[0..i); suffix hash computed right to left with powers.
  for (let i = 0; i < L; i++) prefix[i + 1] = Math.imul(prefix[i], B) + w.charCodeAt(i);
  let n = 0;
  out[n++] = Math.imul(prefix[L], 31) ^ L;
  let suffix = 0;
  let pow = 1;
  for (let i = L - 1; i >= 0; i--) {
    // deletion of w[i]: prefix[i] * B^(L-1-i) + suffix(w[i+1..L))
    if (i + 1 >= L || w.charCodeAt(i) !== w.charCodeAt(i + 1)) {
      const h = (Math.imul(prefix[i], pow) + suffix) | 0;
      out[n++] = Math.imul(h, 31) ^ (L - 1);
    }
    suffix = (Math.imul(w.charCodeAt(i), pow) + suffix) | 0;
    pow = Math.imul(pow, B);
  }
  return n;
}
