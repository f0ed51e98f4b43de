/**
 * Finds the words of a text exactly as the regular expression WORD_SOURCE (normalize.ts) does —
 *   [\p{L}\p{N}\p{M}\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]+(?:['’][\p{L}\p{N}\p{M}]+)*
 * — but by walking character codes with a lazily filled class table. A 100-page contract has 50,000
 * words, and a regular-expression match object for each of them costs more than the screening itself.
 * A unit test compares both on random text.
 */

/** Class of a UTF-16 code unit: 0 unknown yet, LETTER (letter, number or mark), INVISIBLE (word-joining invisibles), OTHER. */
const LETTER = 1;
const INVISIBLE = 2;
const OTHER = 3;
const classes = new Uint8Array(65536);
const LETTER_RE = /^[\p{L}\p{N}\p{M}]$/u;
const INVISIBLE_RE = /^[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]$/u;

function classOf(c: number): number {
  let k = classes[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER_RE.test(ch) ? LETTER : INVISIBLE_RE.test(ch) ? INVISIBLE : OTHER;
    classes[c] = k;
  }
  return k;
}

/** Class of the character at i (a surrogate pair counts as one character) times 4, plus its length in code units. */
function charAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (LETTER_RE.test(text.slice(i, i + 2)) ? LETTER : OTHER) * 4 + 2;
  }
  return (c < 128 ? asciiClass(c) : classOf(c)) * 4 + 1;
}

function asciiClass(c: number): number {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? LETTER : OTHER;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** Word boundaries as flat pairs: [start0, end0, start1, end1, …] in UTF-16 offsets. */
export function scanWords(text: string): Int32Array {
  let out = new Int32Array(1024);
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    // Fast path for ASCII non-word characters (spaces, punctuation).
    if (c < 128 && asciiClass(c) === OTHER) {
      i++;
      continue;
    }
    const first = charAt(text, i);
    if (first >> 2 === OTHER) {
      i += first & 3;
      continue;
    }
    const start = i;
    i += first & 3;
    // [L N M invisibles]+
    while (i < len) {
      const ch = text.charCodeAt(i);
      if (ch < 128) {
        if (asciiClass(ch) !== LETTER) break;
        i++;
        continue;
      }
      const x = charAt(text, i);
      if (x >> 2 === OTHER) break;
      i += x & 3;
    }
    // (?:['’][L N M]+)*
    while (i + 1 < len) {
      const q = text.charCodeAt(i);
      if (q !== APOSTROPHE && q !== RIGHT_QUOTE) break;
      let j = i + 1;
      while (j < len) {
        const x = charAt(text, j);
        if (x >> 2 !== LETTER) break;
        j += x & 3;
      }
      if (j === i + 1) break;
      i = j;
    }
    if (n + 2 > out.length) {
      const bigger = new Int32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = start;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/**
 * Joins initials into one word, as names are folded ("A.B.C. Company" = ABC COMPANY): "S.E.K." and
 * "S. E. K." (two letters or more, each followed by a dot) become the word "S.E.K" / "S. E. K", and capitals
 * spelt out with single spaces, three or more ("S E K"), become "S E K"; the folded form drops the dots and
 * spaces.
 */
export function joinInitialsInText(text: string, pairs: Int32Array): Int32Array {
  const n = pairs.length >> 1;
  let out: Int32Array | undefined;
  let k = 0;
  for (let w = 0; w < n; ) {
    let last = w;
    while (last + 1 < n && isInitial(text, pairs, last) && isInitial(text, pairs, last + 1) && dotGap(text, pairs[2 * last + 1], pairs[2 * (last + 1)])) last++;
    if (last === w) {
      // Capitals spelt out with single spaces, three or more: "S E K".
      let end = w;
      while (end + 1 < n && isCapitalLetter(text, pairs, end) && isCapitalLetter(text, pairs, end + 1) && pairs[2 * (end + 1)] - pairs[2 * end + 1] === 1 && text[pairs[2 * end + 1]] === ' ') end++;
      if (end - w >= 2) last = end;
      // Letter spacing: "S e k  S t u d i o" (single letters, one space apart, words two spaces apart).
      else if (isCapitalLetter(text, pairs, w)) {
        end = w;
        while (end + 1 < n && isSingleLetter(text, pairs, end + 1) && pairs[2 * (end + 1)] - pairs[2 * end + 1] === 1 && text[pairs[2 * end + 1]] === ' ') end++;
        if (end - w >= 2) last = end;
      }
    }
    // Most texts have no such run: the words are copied only once one is found.
    if (last > w && !out) {
      out = new Int32Array(pairs.length);
      out.set(pairs.subarray(0, 2 * w));
      k = 2 * w;
    }
    if (out) {
      out[k++] = pairs[2 * w];
      out[k++] = pairs[2 * last + 1];
    }
    w = last + 1;
  }
  return out ? out.subarray(0, k) : pairs;
}

function isCapitalLetter(text: string, pairs: Int32Array, w: number): boolean {
  const a = pairs[2 * w];
  return pairs[2 * w + 1] - a === 1 && CAPITAL_RE.test(text[a]);
}

const CAPITAL_RE = /^\p{Lu}$/u;

function isSingleLetter(text: string, pairs: Int32Array, w: number): boolean {
  const a = pairs[2 * w];
  return pairs[2 * w + 1] - a === 1 && SINGLE_LETTER_RE.test(text[a]);
}

const SINGLE_LETTER_RE = /^\p{L}$/u;

function isInitial(text: string, pairs: Int32Array, w: number): boolean {
  const a = pairs[2 * w];
  return pairs[2 * w + 1] - a === 1 && LETTER_RE.test(text[a]) && !/\d/.test(text[a]) && text[a + 1] === '.';
}

/** The text between two initials: "." or ". ". */
function dotGap(text: string, end: number, next: number): boolean {
  const gap = next - end;
  return text[end] === '.' && (gap === 1 || (gap === 2 && text[end + 1] === ' '));
}
