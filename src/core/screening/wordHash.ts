/**
 * A polynomial hash over words, so that "word + next word" can be tested against a set of listed words
 * with arithmetic instead of building the joined string (the text scan does this for every word pair).
 */
const HASH_BASE = 0x01000193;

/** Polynomial hash mod 2^32: polyHash(a + b) = polyHash(a) · polyPow(b.length) + polyHash(b). */
export function polyHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/** polyHash(s + c) from polyHash(s) and the code unit c. */
export function extendHash(hash: number, c: number): number {
  return (Math.imul(hash, HASH_BASE) + c) | 0;
}

/** polyHash(a + b) from polyHash(a), polyPow(b.length) and polyHash(b). */
export function joinedHash(a: number, bPow: number, b: number): number {
  return (Math.imul(a, bPow) + b) | 0;
}

export function polyPow(length: number): number {
  let p = 1;
  for (let i = 0; i < length; i++) p = Math.imul(p, HASH_BASE);
  return p;
}

/** Open-addressing set of hashes; stored with the low bit set so 0 can mean "empty". */
export function hashSet(hashes: readonly number[]): Int32Array {
  let size = 1024;
  while (size < hashes.length * 2) size <<= 1;
  const set = new Int32Array(size);
  const mask = size - 1;
  for (const h of hashes) {
    let slot = h & mask;
    while (set[slot] !== 0 && set[slot] !== (h | 1)) slot = (slot + 1) & mask;
    set[slot] = h | 1;
  }
  return set;
}

/** Is `hash` (possibly) in a set made by hashSet? No false negatives. */
export function inHashSet(set: Int32Array, hash: number): boolean {
  const mask = set.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const v = set[slot];
    if (v === 0) return false;
    if (v === (hash | 1)) return true;
  }
}
