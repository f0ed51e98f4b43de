import type { ListEntity, ListFolding } from './entity';
import { ListedName, type IndexedName } from './listedName';
import { hasDigit, inflections, isInflection, tokenSimilarity } from './similarity';
import { extendHash, hashSet, inHashSet, polyHash, polyPow } from './wordHash';
import { isEverydayWord } from './commonWords';
import { DeletionIndex } from './deletionIndex';
import { GENERIC_WORDS, isLegalForm, nameTokens, screenedNameKey } from './normalize';

/** A vocabulary token that matches a queried word, with its similarity. */
export interface TokenHit {
  id: number;
  sim: number;
}

/** Shortest word looked up with a typo (shorter words must be spelt exactly to find candidates). */
const FUZZY_MIN = 5;

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
 *
 * Loading sits on the start-up path (~41,000 names), so names are kept in flat number arrays and the
 * postings in one compressed array per kind; a name's object (IndexedName) is made only when a
 * candidate search reaches it.
 */
export class NameIndex {
  readonly vocab = new Map<string, number>();
  readonly words: string[] = [];
  weights = new Float32Array(0);
  readonly nameCount: number;
  private df: number[] = [];
  // Per name: entity, which of the entity's names (0 = primary, i = alias i - 1), weak flag, token range.
  private readonly entityOf: number[] = [];
  private readonly aliasOf: number[] = [];
  private readonly weakOf: number[] = [];
  private readonly tokenStart: number[] = [0];
  private readonly tokenIds: number[] = [];
  private readonly legalOf = new Map<number, string[]>();
  private readonly anchorStart: number[] = [0];
  private readonly anchorIds: number[] = [];
  private readonly nameWeight: Float32Array;
  private readonly objects: (IndexedName | undefined)[];
  // Postings in compressed form: names of token t are ids[start[t] .. start[t + 1]).
  private readonly postings: Postings;
  private readonly weakPostings: Postings;
  // Pairs of adjacent non-distinctive words of long names (buildPairPostings): key x · |vocabulary| + y.
  private readonly pairs = new Map<number, number[]>();
  private pairFirst = new Uint8Array(0);
  private deletes?: DeletionIndex;
  private hitCache = new Map<string, TokenHit[]>();

  constructor(readonly entities: readonly ListEntity[]) {
    const keys = new Set<string>(); // an entity's names, deduplicated (a Set: one entity may have 200k aliases)
    const local = new Map<ListFolding, Int32Array>();
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k];
      const pre = e.foldedNames;
      if (pre) {
        let toGlobal = local.get(pre.folding);
        if (!toGlobal) local.set(pre.folding, (toGlobal = this.mergeVocabulary(pre.folding.words)));
        const stream = pre.folding.stream as number[]; // from pre.offset on, numbers up to the next entity's id
        for (let i = 0, at = pre.offset; at < stream.length && typeof stream[at] === 'number'; i++) {
          const n = stream[at++];
          if (n) this.addTokens(k, i, stream, at, at + Math.abs(n), toGlobal, n < 0, undefined);
          at += Math.abs(n);
        }
        continue;
      }
      const person = e.type === 'person';
      keys.clear();
      this.addName(k, 0, e.primaryName, person, false, keys);
      for (let i = 0; i < e.aliases.length; i++) this.addName(k, i + 1, e.aliases[i].name, person, e.aliases[i].quality === 'weak', keys);
    }
    const count = this.entityOf.length;
    this.nameCount = count;
    this.objects = new Array(count);
    const total = Math.max(1, count);
    this.weights = new Float32Array(this.words.length);
    const denom = Math.log((total + 1) / (FULL_WEIGHT_DF + 1));
    for (let id = 0; id < this.words.length; id++) this.weights[id] = this.weightFor(this.words[id], this.df[id], total, denom);
    // Everyday words, numbers and one- or two-letter words do not post a name that has a more distinctive word.
    const weakAnchor = new Uint8Array(this.words.length);
    for (let id = 0; id < this.words.length; id++) {
      const w = this.words[id];
      if (w.length < 3 || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) || isEverydayWord(w)) weakAnchor[id] = 1;
    }
    this.nameWeight = new Float32Array(count);
    const strongCount = new Int32Array(this.words.length + 1);
    const weakCount = new Int32Array(this.words.length + 1);
    for (let nameId = 0; nameId < count; nameId++) {
      const a = this.tokenStart[nameId];
      const b = this.tokenStart[nameId + 1];
      let w = 0;
      let rarest = -1;
      const first = this.anchorIds.length;
      for (let t = a; t < b; t++) {
        const id = this.tokenIds[t];
        w += this.weights[id];
        if (this.df[id] <= RARE_DF && !weakAnchor[id] && !this.anchorIds.includes(id, first)) this.anchorIds.push(id);
        if (rarest < 0 || this.df[id] < this.df[rarest]) rarest = id;
      }
      this.nameWeight[nameId] = w;
      if (this.anchorIds.length === first && rarest >= 0) this.anchorIds.push(rarest);
      this.anchorStart.push(this.anchorIds.length);
      const counts = this.weakOf[nameId] ? weakCount : strongCount;
      for (let t = first; t < this.anchorIds.length; t++) counts[this.anchorIds[t]]++;
    }
    this.postings = this.compress(strongCount, 0);
    this.weakPostings = this.compress(weakCount, 1);
    this.buildPairPostings();
  }

  /**
   * Names of five or more words also post each pair of adjacent words that are not distinctive on their
   * own ("april 26", "animation film"): a shortened name written without its one rare word
   * ("April 26 Animation Film Studio" for APRIL 26 CHILDREN'S ANIMATION FILM STUDIO) still finds its
   * candidate. A pair of everyday words is far rarer than either word.
   */
  private buildPairPostings(): void {
    const v = this.words.length;
    this.pairFirst = new Uint8Array(v);
    for (let nameId = 0; nameId < this.nameCount; nameId++) {
      const a = this.tokenStart[nameId];
      const b = this.tokenStart[nameId + 1];
      if (b - a < 5 || this.weakOf[nameId]) continue;
      const anchors = this.anchorIds.slice(this.anchorStart[nameId], this.anchorStart[nameId + 1]);
      for (let t = a; t + 1 < b; t++) {
        const x = this.tokenIds[t];
        const y = this.tokenIds[t + 1];
        if (anchors.includes(x) || anchors.includes(y)) continue;
        const key = x * v + y;
        const list = this.pairs.get(key);
        if (!list) this.pairs.set(key, [nameId]);
        else if (list[list.length - 1] !== nameId) list.push(nameId);
        this.pairFirst[x] = 1;
      }
    }
  }

  /** Names posted under the adjacent vocabulary words x y (see buildPairPostings). */
  namesForPair(x: number, y: number): readonly number[] | undefined {
    return this.pairFirst[x] ? this.pairs.get(x * this.words.length + y) : undefined;
  }

  /** Counting sort of the anchors into one array per kind of name (strong or weak). */
  private compress(counts: Int32Array, weak: number): Postings {
    const start = new Int32Array(counts.length);
    for (let t = 0, sum = 0; t < counts.length; t++) {
      start[t] = sum;
      sum += counts[t];
    }
    const ids = new Int32Array(start[counts.length - 1] + counts[counts.length - 1]);
    const fill = start.slice();
    for (let nameId = 0; nameId < this.nameCount; nameId++) {
      if (this.weakOf[nameId] !== weak) continue;
      for (let t = this.anchorStart[nameId]; t < this.anchorStart[nameId + 1]; t++) ids[fill[this.anchorIds[t]]++] = nameId;
    }
    return { start, ids };
  }

  /** Adds one name, folding it now; `keys` dedupes an entity's names. */
  private addName(entity: number, which: number, name: string, person: boolean, weak: boolean, keys: Set<string>): void {
    const { core, legal } = nameTokens(name, person);
    if (!core.length) return;
    const key = screenedNameKey(core, weak);
    if (keys.has(key)) return;
    keys.add(key);
    const ids = new Int32Array(core.length);
    for (let i = 0; i < core.length; i++) ids[i] = this.wordId(core[i]);
    this.addTokens(entity, which, ids, 0, ids.length, undefined, weak, legal.join('+'));
  }

  /** Vocabulary id of a folded word, added if new. */
  private wordId(w: string): number {
    let id = this.vocab.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.vocab.set(w, id);
      this.words.push(w);
      this.df.push(0);
    }
    return id;
  }

  /** A list's own vocabulary mapped into this index's (one lookup per distinct word, not per name). */
  private mergeVocabulary(words: readonly string[]): Int32Array {
    const out = new Int32Array(words.length);
    for (let i = 0; i < out.length; i++) out[i] = this.wordId(words[i]);
    return out;
  }

  /** Records one name from its word ids ids[from..to) (mapped through `toGlobal` when they are a list's own ids). */
  private addTokens(entity: number, which: number, ids: ArrayLike<number>, from: number, to: number, toGlobal: Int32Array | undefined, weak: boolean, legal: string | undefined): void {
    const nameId = this.entityOf.length;
    const first = this.tokenIds.length;
    for (let i = from; i < to; i++) {
      const id = toGlobal ? toGlobal[ids[i]] : ids[i];
      if (!weak && !this.tokenIds.includes(id, first)) this.df[id]++;
      this.tokenIds.push(id);
    }
    this.tokenStart.push(this.tokenIds.length);
    this.entityOf.push(entity);
    this.aliasOf.push(which);
    this.weakOf.push(weak ? 1 : 0);
    if (legal) this.legalOf.set(nameId, legal.split('+'));
  }

  /** Name `k` as an object (made on first use; its text and legal forms only when read). */
  name(k: number): IndexedName {
    let n = this.objects[k];
    if (!n) {
      const tokens = this.tokenIds.slice(this.tokenStart[k], this.tokenStart[k + 1]);
      n = new ListedName(
        this.entities[this.entityOf[k]],
        this.entityOf[k],
        this.aliasOf[k],
        this.weakOf[k] === 1,
        tokens,
        tokens.map((id) => this.words[id]),
        tokens.map((id) => this.weights[id]),
        this.nameWeight[k],
        this.anchorIds.slice(this.anchorStart[k], this.anchorStart[k + 1]),
        this.legalOf.get(k),
      );
      this.objects[k] = n;
    }
    return n;
  }

  isWeak(k: number): boolean {
    return this.weakOf[k] === 1;
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

  /** Strong names posted under token t: postingIds[postingStart[t] .. postingStart[t + 1]) (for hot loops). */
  get postingStart(): Int32Array {
    return this.postings.start;
  }
  get postingIds(): Int32Array {
    return this.postings.ids;
  }

  /** Names posted under a vocabulary token (strong names; weak a.k.a.s only when asked). */
  namesFor(id: number, includeWeak = false): Int32Array | readonly number[] {
    const strong = this.postings.ids.subarray(this.postings.start[id], this.postings.start[id + 1]);
    if (!includeWeak || this.weakPostings.start[id] === this.weakPostings.start[id + 1]) return strong;
    return [...strong, ...this.weakPostings.ids.subarray(this.weakPostings.start[id], this.weakPostings.start[id + 1])];
  }

  private everyPosting?: number[][];
  /** Every name containing a token, whatever its frequency (search box; built on first use). */
  allNamesFor(id: number): readonly number[] {
    if (!this.everyPosting) {
      const all: number[][] = new Array(this.words.length);
      for (let k = 0; k < all.length; k++) all[k] = [];
      for (let nameId = 0; nameId < this.nameCount; nameId++) {
        const a = this.tokenStart[nameId];
        const b = this.tokenStart[nameId + 1];
        for (let t = a; t < b; t++) {
          const list = all[this.tokenIds[t]];
          if (list[list.length - 1] !== nameId) list.push(nameId);
        }
      }
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
    // Both halves are tested by hash first (polyHash of the whole = left · B^|right| + right), so the
    // strings are only cut where both could be listed words.
    const whole = polyHash(word);
    let left = word.charCodeAt(0); // polyHash of the first letter
    for (let k = 2; k <= word.length - 2; k++) {
      left = extendHash(left, word.charCodeAt(k - 1));
      const right = (whole - Math.imul(left, polyPow(word.length - k))) | 0;
      if (!this.maybeWord(left) || !this.maybeWord(right)) continue;
      const l = this.vocab.get(word.slice(0, k));
      if (l === undefined) continue;
      const r = this.vocab.get(word.slice(k));
      if (r === undefined) continue;
      for (const list of [this.namesFor(l), this.namesFor(r)]) {
        for (let p = 0; p < list.length; p++) {
          const nameId = list[p];
          if (seen.has(nameId)) continue;
          const a = this.tokenStart[nameId];
          const b = this.tokenStart[nameId + 1];
          for (let t = a; t + 1 < b; t++) {
            if (this.tokenIds[t] === l && this.tokenIds[t + 1] === r) {
              seen.add(nameId);
              out.push(nameId, t - a);
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

  private plainHitCache = new Map<string, TokenHit[]>();
  /**
   * For the text scan: an everyday English word is never read as a misspelt listed word (the scan would
   * reject such a near miss), so only its exact and plural/singular hits are looked up — the typo
   * neighbourhood, the costly part of reading a new spelling, is skipped for most words of a contract.
   */
  textHits(word: string, everyday: boolean): TokenHit[] {
    if (!everyday) return this.tokenHits(word);
    const cached = this.hitCache.get(word) ?? this.plainHitCache.get(word);
    if (cached) return cached;
    const hits: TokenHit[] = [];
    const exact = this.vocab.get(word);
    if (exact !== undefined) hits.push({ id: exact, sim: 1 });
    for (const form of inflections(word)) {
      const id = this.vocab.get(form);
      if (id !== undefined) hits.push({ id, sim: tokenSimilarity(word, form) });
    }
    if (this.plainHitCache.size > 100_000) this.plainHitCache.clear();
    this.plainHitCache.set(word, hits);
    return hits;
  }

  /** Vocabulary tokens equal to or one typo away from a folded word (cached). */
  tokenHits(word: string): TokenHit[] {
    const cached = this.hitCache.get(word);
    if (cached) return cached;
    const hits: TokenHit[] = [];
    const exact = this.vocab.get(word);
    if (exact !== undefined) hits.push({ id: exact, sim: 1 });
    // Plural and singular forms ("studios" for STUDIO, "art" for ARTS), also for words too short for typos.
    for (const form of inflections(word)) {
      const id = this.vocab.get(form);
      if (id !== undefined) hits.push({ id, sim: tokenSimilarity(word, form) });
    }
    if (word.length >= FUZZY_MIN && !hasDigit(word)) {
      const seen = new Set<number>(hits.map((h) => h.id));
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
    if (a.length < 5 || b.length < 5) {
      if (a.length === 1 || b.length === 1) return 0;
      return isInflection(a, b) ? tokenSimilarity(a, b) : 0;
    }
    for (const h of this.textHits(a, isEverydayWord(a))) if (this.words[h.id] === b) return h.sim;
    return 0;
  }

  private wordHashSet?: Int32Array;
  /**
   * Could a string with this polyHash be a vocabulary word? (No false negatives.) Lets a text scan test
   * "word + next word" for a listed joined word with arithmetic instead of building the string.
   */
  maybeWord(hash: number): boolean {
    return inHashSet((this.wordHashSet ??= hashSet(this.words.map(polyHash))), hash);
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

interface Postings {
  start: Int32Array;
  ids: Int32Array;
}
