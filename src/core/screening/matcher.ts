import type { IndexedName } from './listedName';
import type { NameIndex } from './nameIndex';
import { maySimilar, tokenSimilarity as wordSimilarity } from './similarity';

/** Tuning: how much unmatched words cost (query side vs listed side), and the information floor. */
export const SCORING = Object.freeze({
  /** Weight of an unmatched word of the text / query. */
  unmatchedQuery: 1.0,
  /** Weight of an unmatched word of the listed name (OFAC's lesson: ignoring these causes false positives). */
  unmatchedListed: 0.8,
  /** An unmatched listed word costs at least this much, however common: "WASHINGTON TRADING" is not "Washington". */
  unmatchedListedFloor: 0.5,
  /**
   * Matched weight needed for full confidence: a match resting only on common words (or one
   * short word) is scaled down, so "Global Trading" never matches "GLOBAL TRADING LLC" strongly.
   */
  informationFloor: 0.9,
  /** Factor when both sides keep an unpaired word. */
  conflict: 0.88,
});

/** A text position known to hold listed word `listedIndex` (the hit that found the name). */
export interface Near {
  pos: number;
  listedIndex: number;
}

/** One word of the query or text, folded, with its weight and (for text) its position. */
export interface QueryToken {
  word: string;
  weight: number;
  /** Index in the caller's token array (text scan) or query. */
  pos: number;
}

export interface WordPair {
  /** Query/text words (two when joined: "silver star" ↔ "silverstar"). */
  query: string[];
  queryPos: number[];
  /** Listed words. */
  listed: string[];
  similarity: number;
  weight: number;
}

export interface Alignment {
  score: number;
  pairs: WordPair[];
  unmatchedQuery: QueryToken[];
  unmatchedListed: string[];
  /** Penalty explanations, in words. */
  penalties: string[];
  /** Text scan: the search score of the span before the text evidence adjusted it. */
  searchScore?: number;
  /** Text scan: what raised or lowered the search score ("lowered: …", "raised: …"). */
  evidence?: string[];
}

/**
 * Scores query words against one listed name: words are paired one-to-one by best similarity
 * (order-free, so "SURNAME, Given" = "Given SURNAME"), joined/split words may pair ("SILVERSTAR" =
 * "SILVER STAR"), and the score is a weighted Dice coefficient over rarity weights:
 *   score = 2·Σ(sim·w) / (2·Σw_matched + a·Σw_unmatched_query + b·Σw_unmatched_listed),
 * scaled down when the matched words carry little information.
 */
export function alignName(index: NameIndex, query: readonly QueryToken[], name: IndexedName, cached = false, near?: Near): Alignment {
  return alignWords(
    query,
    name.words,
    name.tokenWeights,
    cached ? (a, b) => index.cachedSimilarity(a, b) : wordSimilarity,
    cached ? (a, b) => (a === b ? 1 : 0) : wordSimilarity,
    near,
  );
}

/**
 * An upper bound of alignName's score, from cheap tests only: listed words that no query word could
 * possibly pair with (not even through a joined pair) are certain to count as unmatched. Lets a search
 * skip aligning candidates that cannot reach its minimum score. Never below the real score: matched
 * weight only shrinks with similarity < 1, and the other factors (unmatched query words, conflicts,
 * the information floor, legal forms) only lower it.
 */
export function scoreUpperBound(index: NameIndex, query: readonly QueryToken[], name: IndexedName): number {
  const t = name.tokens;
  let matched = 0;
  let missed = 0;
  for (let j = 0; j < t.length; j++) {
    const w = index.weights[t[j]];
    if (mayPair(query, index.words, t, j)) matched += w;
    else missed += Math.max(w, SCORING.unmatchedListedFloor);
  }
  return matched > 0 ? (2 * matched) / (2 * matched + SCORING.unmatchedListed * missed) : 0;
}

/** Could listed word j pair with some query word (alone, in two or three joined listed words, or with two joined query words)? */
function mayPair(query: readonly QueryToken[], words: readonly string[], t: readonly number[], j: number): boolean {
  const w = (k: number) => words[t[k]];
  for (let i = 0; i < query.length; i++) {
    const q = query[i].word;
    if (maySimilar(q, '', w(j), '')) return true;
    if (i + 1 < query.length && maySimilar(q, query[i + 1].word, w(j), '')) return true;
    if (q.length < 6) continue;
    // Every run of two or three listed words that contains j (alignWords joins up to three).
    for (let from = Math.max(0, j - 2); from <= j; from++) {
      for (let to = Math.max(from + 1, j); to <= Math.min(from + 2, t.length - 1); to++) {
        if (to - from === 2 && q.length < 7) continue;
        const left = w(from);
        const right = to - from === 1 ? w(to) : w(from + 1) + w(to);
        if (maySimilar(q, '', left, right)) return true;
      }
    }
  }
  return false;
}

/** "20" and "6" → "26" (number words read one by one in text); undefined for anything else. */
export function tensAndUnit(a: string, b: string): string | undefined {
  return a.length === 2 && a[1] === '0' && a[0] >= '2' && b.length === 1 && b >= '1' && b <= '9' ? a[0] + b : undefined;
}

/** Sort factor for a text word two or more places from where the listed word order puts it. */
const FAR_WORD = 0.95;

/** alignName for listed words given directly (pair scoring, evaluation). */
export function alignWords(
  query: readonly QueryToken[],
  listed: readonly string[],
  lw: readonly number[],
  tokenSimilarity: (a: string, b: string) => number = wordSimilarity,
  joinedSimilarity: (a: string, b: string) => number = tokenSimilarity,
  /** Where the match was found: of two equally good words, the one where the listed order expects it pairs ("The Studio appoints X Art Studio"). */
  near?: Near,
): Alignment {
  type Cand = { qi: number[]; nj: number[]; sim: number; weight: number };
  const cands: Cand[] = [];
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < listed.length; j++) {
      const sim = tokenSimilarity(query[i].word, listed[j]);
      // A near-miss weighs no more than the query word itself: "services" ≈ "aservice" must not count as a rare word.
      if (sim > 0) cands.push({ qi: [i], nj: [j], sim, weight: sim < 1 ? Math.min(lw[j], query[i].weight) : lw[j] });
      // Joined words are only built when they could be similar at all (this loop runs for every candidate name).
      if (j + 1 < listed.length && query[i].word.length >= 6 && maySimilar(query[i].word, '', listed[j], listed[j + 1])) {
        const s2 = joinedSimilarity(query[i].word, listed[j] + listed[j + 1]);
        if (s2 > 0) cands.push({ qi: [i], nj: [j, j + 1], sim: s2 * 0.98, weight: lw[j] + lw[j + 1] });
      }
      // Name particles written together: "Vanderbilt" = "VAN DER BILT".
      if (j + 2 < listed.length && query[i].word.length >= 7 && Math.abs(query[i].word.length - listed[j].length - listed[j + 1].length - listed[j + 2].length) <= 3 && maySimilar(query[i].word, '', listed[j] + listed[j + 1], listed[j + 2])) {
        const s3 = joinedSimilarity(query[i].word, listed[j] + listed[j + 1] + listed[j + 2]);
        if (s3 > 0) cands.push({ qi: [i], nj: [j, j + 1, j + 2], sim: s3 * 0.97, weight: lw[j] + lw[j + 1] + lw[j + 2] });
      }
    }
    // Two words joined ("Silver Star" = SILVERSTAR); shorter when one is a single letter split off by punctuation ("Baba I" = BABA'I).
    const joinable = query[i].word.length + (query[i + 1]?.word.length ?? 0) >= (query[i].word.length === 1 || query[i + 1]?.word.length === 1 ? 4 : 6);
    // "Twenty Six" read as 20 and 6 is the listed 26.
    const number = i + 1 < query.length && query[i + 1].pos === query[i].pos + 1 ? tensAndUnit(query[i].word, query[i + 1].word) : undefined;
    if (number !== undefined) {
      for (let j = 0; j < listed.length; j++) if (listed[j] === number) cands.push({ qi: [i, i + 1], nj: [j], sim: 1, weight: lw[j] });
    } else if (i + 1 < query.length && query[i + 1].pos === query[i].pos + 1 && joinable) {
      let joined: string | undefined;
      for (let j = 0; j < listed.length; j++) {
        if (!maySimilar(query[i].word, query[i + 1].word, listed[j], '')) continue;
        joined ??= query[i].word + query[i + 1].word;
        const s = joinedSimilarity(joined, listed[j]);
        if (s > 0) cands.push({ qi: [i, i + 1], nj: [j], sim: s * 0.98, weight: lw[j] });
      }
    }
  }
  const distance = (c: Cand) => (near === undefined ? 0 : Math.abs(query[c.qi[0]].pos - (near.pos + c.nj[0] - near.listedIndex)));
  // In text, a word far from where the listed order expects it counts a little less than one nearby
  // ("Studio may engage Sek Studios": the adjacent "Studios" pairs with STUDIO, not the first "Studio").
  const key = (c: Cand) => c.sim * c.weight * (near !== undefined && distance(c) > 1 ? FAR_WORD : 1);
  cands.sort((a, b) => key(b) - key(a) || b.sim - a.sim || distance(a) - distance(b) || a.qi[0] - b.qi[0]);
  const usedQ = new Uint8Array(query.length);
  const usedN = new Uint8Array(listed.length);
  const pairs: WordPair[] = [];
  for (const c of cands) {
    if (c.qi.some((i) => usedQ[i]) || c.nj.some((j) => usedN[j])) continue;
    for (const i of c.qi) usedQ[i] = 1;
    for (const j of c.nj) usedN[j] = 1;
    pairs.push({ query: c.qi.map((i) => query[i].word), queryPos: c.qi.map((i) => query[i].pos), listed: c.nj.map((j) => listed[j]), similarity: c.sim, weight: c.weight });
  }
  const unmatchedQuery = query.filter((_, i) => !usedQ[i]);
  const unmatchedListed = listed.filter((_, j) => !usedN[j]);
  const unmatchedListedWeight = lw.reduce((s, w, j) => s + (usedN[j] ? 0 : Math.max(w, SCORING.unmatchedListedFloor)), 0);
  return finish(pairs, unmatchedQuery, unmatchedListed, unmatchedListedWeight);
}

function finish(pairs: WordPair[], unmatchedQuery: QueryToken[], unmatchedListed: string[], unmatchedListedWeight: number): Alignment {
  const matched = pairs.reduce((s, p) => s + p.similarity * p.weight, 0);
  const matchedWeight = pairs.reduce((s, p) => s + p.weight, 0);
  const uq = unmatchedQuery.reduce((s, t) => s + t.weight, 0);
  const denom = 2 * matchedWeight + SCORING.unmatchedQuery * uq + SCORING.unmatchedListed * unmatchedListedWeight;
  let score = denom > 0 ? (2 * matched) / denom : 0;
  const penalties: string[] = [];
  if (unmatchedListed.length) penalties.push(`listed words not found: ${unmatchedListed.join(', ')}`);
  if (unmatchedQuery.some((t) => t.weight > 0)) penalties.push(`words not in the listed name: ${unmatchedQuery.filter((t) => t.weight > 0).map((t) => t.word).join(', ')}`);
  if (pairs.some((p) => p.similarity < 1)) penalties.push('spelling differs');
  // A word on each side left unpaired is a conflict ("AL-MOSULI" vs "AL-TIKRITI", "Gas" vs "Oil"): a different name part, not a missing one.
  if (unmatchedListed.length && unmatchedQuery.some((t) => t.weight > 0.2) && pairs.length) {
    score *= SCORING.conflict;
    penalties.push('a word differs on each side');
  }
  const exact = !unmatchedListed.length && !unmatchedQuery.some((t) => t.weight > 0) && pairs.every((p) => p.similarity === 1);
  if (matched < SCORING.informationFloor && !exact) {
    score *= matched / SCORING.informationFloor;
    penalties.push('the matching words are common in listed names, so they carry little weight');
  }
  return { score: Math.max(0, Math.min(1, score)), pairs, unmatchedQuery, unmatchedListed, penalties };
}

/** Text-scan refinement: drop aligned words at either end of the span when that raises the score. */
export function trimAlignment(index: NameIndex, window: readonly QueryToken[], name: IndexedName, first: Alignment, cached = false, near?: Near): { alignment: Alignment; span: [number, number] } {
  let best = first;
  let span = alignedSpan(first);
  for (let guard = 0; guard < 4 && best.pairs.length > 1; guard++) {
    let improved = false;
    for (const drop of [span[0], span[1]]) {
      const keep = window.filter((t) => t.pos !== drop && t.pos >= span[0] && t.pos <= span[1]);
      const alt = alignName(index, keep, name, cached, near);
      const altSpan = alignedSpan(alt);
      const inner = keep.filter((t) => t.pos >= altSpan[0] && t.pos <= altSpan[1]);
      const scored = inner.length === keep.length ? alt : alignName(index, inner, name, cached, near);
      if (scored.score > best.score + 1e-9) {
        best = scored;
        span = alignedSpan(scored);
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return { alignment: best, span };
}

export function alignedSpan(a: Alignment): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of a.pairs)
    for (const q of p.queryPos) {
      if (q < lo) lo = q;
      if (q > hi) hi = q;
    }
  return [lo, hi];
}

/** One-line explanation of an alignment, for hovers, reports and the CLI. */
export function explain(a: Alignment, matchedName: string, primaryName: string, legal: string[]): string {
  const words = a.pairs
    .map((p) => {
      const q = p.query.join(' ');
      const l = p.listed.join(' ');
      return p.similarity >= 1 && q.replace(/ /g, '') === l.replace(/ /g, '') && q === l ? l : `${q}≈${l} (${Math.round(p.similarity * 100)}%)`;
    })
    .join(', ');
  const parts = [`matched ${matchedName === primaryName ? 'the listed name' : `the alias "${matchedName}" of ${primaryName}`} on: ${words || 'nothing'}`];
  if (a.penalties.length) parts.push(`lowered because ${a.penalties.join('; ')}`);
  if (legal.length) parts.push(`legal forms ignored (${legal.join(', ')})`);
  const text = a.evidence?.length ? ` In the contract text: search score ${Math.round((a.searchScore ?? a.score) * 100)}; ${a.evidence.join('; ')}.` : '';
  return parts.join('; ') + '.' + text;
}
