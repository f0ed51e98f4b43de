/** Jaro-Winkler similarity (0..1), prefix scale 0.1 up to 4 characters, as OFAC and watchman use it. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  const aMatch = scratch(0, la);
  const bMatch = scratch(1, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!bMatch[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        aMatch[i] = 1;
        bMatch[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Optimal-string-alignment distance (Levenshtein + adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  // Three rows of the table, reused between calls (names are compared by the thousand).
  let prev2 = rows(0, lb + 1);
  let prev = rows(1, lb + 1);
  let cur = rows(2, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

const flagBuffers = [new Uint8Array(64), new Uint8Array(64)];
/** Zeroed scratch flags of length n (buffer k), reused between calls. */
function scratch(k: number, n: number): Uint8Array {
  if (flagBuffers[k].length < n) flagBuffers[k] = new Uint8Array(n * 2);
  const b = flagBuffers[k];
  b.fill(0, 0, n);
  return b;
}

const rowBuffers = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
/** Scratch row k of at least n cells (contents undefined), reused between calls. */
function rows(k: number, n: number): Int32Array {
  if (rowBuffers[k].length < n) rowBuffers[k] = new Int32Array(n * 2);
  return rowBuffers[k];
}

/**
 * Similarity of two folded words, 0 when they should not count as the same word. Exact = 1; numbers
 * must be equal; words under 4 letters must be equal (an initial matches a word it starts); longer
 * words may differ by one edit (two from 8 letters, three from 13) — the score is then their
 * Jaro-Winkler similarity.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const typo = typoSimilarity(a, b);
  return isInflection(a, b) ? Math.max(typo, INFLECTION_SIM) : typo;
}

function typoSimilarity(a: string, b: string): number {
  const short = Math.min(a.length, b.length);
  if (short === 1) return a[0] === b[0] ? 0.6 : 0;
  if (short < 4 || hasDigit(a) || hasDigit(b)) return 0;
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1)) return 0;
  const allowed = allowedEdits(short);
  const d = editDistance(a, b, allowed);
  if (d > allowed) return 0;
  return Math.min(0.97, Math.max(jaroWinkler(a, b), 1 - d / Math.max(a.length, b.length)));
}

/** Edits a typo may make in a word whose shorter side has `short` letters. */
function allowedEdits(short: number): number {
  return short >= 13 ? 3 : short >= 6 ? 2 : 1;
}

/**
 * A necessary condition for tokenSimilarity(a1 + a2, b1 + b2) > 0, without building the joined strings
 * (except for very short ones) or computing an edit distance. Follows tokenSimilarity's rules, so it
 * lives beside them: a search and the matcher skip pairs it rules out.
 */
export function maySimilar(a1: string, a2: string, b1: string, b2: string): boolean {
  const aLen = a1.length + a2.length;
  const bLen = b1.length + b2.length;
  const short = Math.min(aLen, bLen);
  const a0 = a1.length ? a1.charCodeAt(0) : a2.charCodeAt(0);
  const b0 = b1.length ? b1.charCodeAt(0) : b2.charCodeAt(0);
  // An initial pairs with a word it starts; other short words only with themselves or their plural.
  if (short === 1) return a0 === b0;
  if (short < 4) return (aLen === bLen && a1 + a2 === b1 + b2) || isInflection(a1 + a2, b1 + b2);
  const a1c = a1.length > 1 ? a1.charCodeAt(1) : a2.charCodeAt(1 - a1.length);
  const b1c = b1.length > 1 ? b1.charCodeAt(1) : b2.charCodeAt(1 - b1.length);
  if (a0 !== b0 && a1c !== b1c) return false;
  // A plural may add two letters ("classes") where a typo may add only one.
  return Math.abs(aLen - bLen) <= Math.max(allowedEdits(short), 2);
}

/**
 * Least similarity of a word and its plural ("Arts" / ART, too short for a typo match). The text rules
 * that distrust near misses on everyday words let plurals through ("Sek Studios" is SEK STUDIO), but the
 * score stays that of a near miss: "Roberts" is a surname of its own, not a plural of "Robert".
 */
const INFLECTION_SIM = 0.95;

/** One word is the other plus a plural ending (-s, -es), with a stem of three letters or more. */
export function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 3 || !long.startsWith(short) || hasDigit(short)) return false;
  const tail = long.length - short.length;
  return (tail === 1 && long.endsWith('s')) || (tail === 2 && long.endsWith('es'));
}

/** The word's singular or plural forms (as isInflection pairs them). */
export function inflections(word: string): string[] {
  if (word.length < 3 || hasDigit(word)) return [];
  const out = [word + 's', word + 'es'];
  if (word.length >= 4 && word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.length >= 5 && word.endsWith('es')) out.push(word.slice(0, -2));
  return out;
}

/** Does the word contain an ASCII digit? */
export function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
