import type { ListEntity } from './entity';
import { isEverydayWord } from './commonWords';
import { DeletionIndex } from './deletionIndex';
import { GENERIC_WORDS, isLegalForm, nameTokens } from './normalize';

/** One screenable name: an entity's primary name or one of its aliases, folded into vocabulary ids. */
export interface IndexedName {
  entity: number;
  /** The name as the list writes it. */
  name: string;
  primary: boolean;
  weak: boolean;
  kind?: string;
  tokens: number[];
  legal: string[];
  /** Σ of the tokens' weights. */
  weight: number;
  /** Tokens that post this name (rare enough to generate candidates). */
  anchors: number[];
}

/** A vocabulary token that matches a queried word, with its similarity. */
export interface TokenHit {
  id: number;
  sim: number;
}

const NO_LEGAL: string[] = [];
/** Shortest word looked up with a typo (shorter words must be spelt exactly to find candidates). */
const FUZZY_MIN = 5;
const NO_POSTINGS: number[] = [];

/** Tokens in more names than this do not generate candidates (they still count when scoring). */
const RARE_DF = 400;
/** Tokens in this many names or fewer get full weight. */
const FULL_WEIGHT_DF = 3;
/** Cap for everyday business words. */
const GENERIC_WEIGHT = 0.12;

/**
 * Inverted index over every list name: folded token → names, plus a one-deletion neighbourhood of
 * the vocabulary (SymSpell style) so a typo in a contract still finds its candidates without
 * comparing against every listed name.
 */
export class NameIndex {
  readonly names: IndexedName[] = [];
  readonly vocab = new Map<string, number>();
  readonly words: string[] = [];
  private df: number[] = [];
  weights = new Float32Array(0);
  private postings: number[][] = [];
  private weakPostings: number[][] = [];
  private deletes?: DeletionIndex;
  private hitCache = new Map<string, TokenHit[]>();

  constructor(readonly entities: readonly ListEntity[]) {
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k];
      const person = e.type === 'person';
      const folded = e.foldedNames;
      const keys: string[] = [];
      this.addName(k, e.primaryName, folded?.[0], person, true, false, undefined, keys);
      for (let i = 0; i < e.aliases.length; i++) {
        const a = e.aliases[i];
        this.addName(k, a.name, folded?.[i + 1], person, false, a.quality === 'weak', a.kind, keys);
      }
    }
    const total = Math.max(1, this.names.length);
    this.weights = new Float32Array(this.words.length);
    const denom = Math.log((total + 1) / (FULL_WEIGHT_DF + 1));
    for (let id = 0; id < this.words.length; id++) this.weights[id] = this.weightFor(this.words[id], this.df[id], total, denom);
    // Most words post no name: they share one empty list until their first posting.
    this.postings = new Array(this.words.length).fill(NO_POSTINGS);
    this.weakPostings = new Array(this.words.length).fill(NO_POSTINGS);
    // Everyday words, numbers and one- or two-letter words do not post a name that has a more distinctive word.
    const weakAnchor = this.words.map((w) => w.length < 3 || /^\d/.test(w) || isEverydayWord(w));
    for (let nameId = 0; nameId < this.names.length; nameId++) {
      const n = this.names[nameId];
      let w = 0;
      let rarest = -1;
      const anchors: number[] = [];
      for (const id of n.tokens) {
        w += this.weights[id];
        if (this.df[id] <= RARE_DF && !anchors.includes(id) && !weakAnchor[id]) anchors.push(id);
        if (rarest < 0 || this.df[id] < this.df[rarest]) rarest = id;
      }
      n.weight = w;
      if (!anchors.length && rarest >= 0) anchors.push(rarest);
      n.anchors = anchors;
      const target = n.weak ? this.weakPostings : this.postings;
      for (const id of anchors) {
        if (target[id] === NO_POSTINGS) target[id] = [nameId];
        else target[id].push(nameId);
      }
    }
  }

  /** Adds one name (folded now, or from the snapshot's precomputed form); `keys` dedupes an entity's names. */
  private addName(entity: number, name: string, pre: string | undefined, person: boolean, primary: boolean, weak: boolean, kind: string | undefined, keys: string[]): void {
    let core: string;
    let legal: string[];
    if (pre !== undefined) {
      const bar = pre.indexOf('|');
      core = bar < 0 ? pre : pre.slice(0, bar);
      legal = bar < 0 ? NO_LEGAL : pre.slice(bar + 1).split('+');
    } else {
      const t = nameTokens(name, person);
      core = t.core.join(' ');
      legal = t.legal;
    }
    if (!core) return;
    const key = weak ? core + '#w' : core;
    if (keys.includes(key)) return;
    keys.push(key);
    const words = core.split(' ');
    const ids: number[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      let id = this.vocab.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.vocab.set(w, id);
        this.words.push(w);
        this.df.push(0);
      }
      ids[i] = id;
      if (!weak && ids.indexOf(id) === i) this.df[id]++;
    }
    this.names.push({ entity, name, primary, weak, kind, tokens: ids, legal, weight: 0, anchors: [] });
  }

  private weightFor(word: string, df: number, total: number, denom: number): number {
    if (isLegalForm(word)) return 0.05;
    let w = Math.log((total + 1) / (df + 1)) / denom;
    w = Math.max(0.05, Math.min(1, w));
    if (GENERIC_WORDS.has(word)) w = Math.min(w, GENERIC_WEIGHT);
    if (word.length === 1) w = Math.min(w, 0.2);
    return w;
  }

  /** Weight of a folded word seen in a query: its list weight, or full weight for a word no list uses. */
  queryWeight(word: string): number {
    const id = this.vocab.get(word);
    if (id !== undefined) return this.weights[id];
    if (isLegalForm(word)) return 0;
    if (GENERIC_WORDS.has(word)) return GENERIC_WEIGHT;
    return word.length === 1 ? 0.2 : 1;
  }

  docFrequency(id: number): number {
    return this.df[id];
  }

  /** Names posted under a vocabulary token (strong names; weak a.k.a.s only when asked). */
  namesFor(id: number, includeWeak = false): readonly number[] {
    return includeWeak && this.weakPostings[id] !== NO_POSTINGS ? [...this.postings[id], ...this.weakPostings[id]] : this.postings[id];
  }

  private everyPosting?: number[][];
  /** Every name containing a token, whatever its frequency (search box; built on first use). */
  allNamesFor(id: number): readonly number[] {
    if (!this.everyPosting) {
      const all: number[][] = new Array(this.words.length);
      for (let k = 0; k < all.length; k++) all[k] = [];
      this.names.forEach((n, nameId) => {
        for (const t of new Set(n.tokens)) all[t].push(nameId);
      });
      this.everyPosting = all;
    }
    return this.everyPosting[id];
  }

  private joinedCache = new Map<string, number[]>();
  /**
   * Names whose two adjacent words join to this word ("silverstar" → YANBIAN SILVER STAR …): flat
   * [nameId, tokenIndex, …]. Found by splitting the word at every point and looking both halves up, so no
   * table of joined pairs has to be built at load. Names are found through their distinctive words.
   */
  joinedFor(word: string): readonly number[] {
    const cached = this.joinedCache.get(word);
    if (cached) return cached;
    const out: number[] = [];
    const seen = new Set<number>();
    for (let k = 2; k <= word.length - 2; k++) {
      const l = this.vocab.get(word.slice(0, k));
      if (l === undefined) continue;
      const r = this.vocab.get(word.slice(k));
      if (r === undefined) continue;
      for (const list of [this.postings[l], this.postings[r]]) {
        for (const nameId of list) {
          if (seen.has(nameId)) continue;
          const t = this.names[nameId].tokens;
          for (let i = 0; i + 1 < t.length; i++) {
            if (t[i] === l && t[i + 1] === r) {
              seen.add(nameId);
              out.push(nameId, i);
              break;
            }
          }
        }
      }
    }
    if (this.joinedCache.size > 100_000) this.joinedCache.clear();
    this.joinedCache.set(word, out);
    return out;
  }

  /** Vocabulary tokens equal to or one typo away from a folded word (cached). */
  tokenHits(word: string): TokenHit[] {
    const cached = this.hitCache.get(word);
    if (cached) return cached;
    const hits: TokenHit[] = [];
    const exact = this.vocab.get(word);
    if (exact !== undefined) hits.push({ id: exact, sim: 1 });
    if (word.length >= FUZZY_MIN && !hasDigit(word)) {
      const seen = new Set<number>(exact === undefined ? [] : [exact]);
      for (const id of this.deleteMap().candidates(word)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const sim = tokenSimilarity(word, this.words[id]);
        if (sim > 0) hits.push({ id, sim });
      }
    }
    if (this.hitCache.size > 100_000) this.hitCache.clear();
    this.hitCache.set(word, hits);
    return hits;
  }

  /** tokenSimilarity through the cached neighbourhoods of `a` (fast inside text scans). */
  cachedSimilarity(a: string, b: string): number {
    if (a === b) return 1;
    if (a.length < 5 || b.length < 5) return a.length === 1 || b.length === 1 ? 0 : tokenSimilarity(a, b) === 1 ? 1 : 0;
    for (const h of this.tokenHits(a)) if (this.words[h.id] === b) return h.sim;
    return 0;
  }

  /** Vocabulary words starting with a prefix (for search-as-you-type), at most `limit`. */
  prefixed(prefix: string, limit = 60): number[] {
    const out: number[] = [];
    if (prefix.length < 2) return out;
    for (let id = 0; id < this.words.length && out.length < limit; id++) if (this.words[id].startsWith(prefix)) out.push(id);
    return out;
  }

  private deleteMap(): DeletionIndex {
    this.deletes ??= new DeletionIndex(
      this.words.map((w) => (hasDigit(w) ? '' : w)),
      FUZZY_MIN,
    );
    return this.deletes;
  }
}

import { editDistance, jaroWinkler } from './similarity';

/**
 * Similarity of two folded words, 0 when they should not count as the same word. Exact = 1; numbers
 * must be equal; words under 4 letters must be equal (an initial matches a word it starts); longer
 * words may differ by one edit (two from 8 letters, three from 13) — the score is then their
 * Jaro-Winkler similarity.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const short = Math.min(a.length, b.length);
  if (short === 1) return a[0] === b[0] ? 0.6 : 0;
  if (short < 4 || hasDigit(a) || hasDigit(b)) return 0;
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1)) return 0;
  const allowed = short >= 13 ? 3 : short >= 6 ? 2 : 1;
  const d = editDistance(a, b, allowed);
  if (d > allowed) return 0;
  return Math.min(0.97, Math.max(jaroWinkler(a, b), 1 - d / Math.max(a.length, b.length)));
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
