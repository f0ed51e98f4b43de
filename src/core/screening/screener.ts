import Fuse from 'fuse.js';
import type { ListData, ListEntity } from './entity';
import { alignName, alignWords, explain, scoreUpperBound, type Alignment, type QueryToken } from './matcher';
import type { IndexedName } from './listedName';
import { NameIndex } from './nameIndex';
import { scanText } from './textScan';
import { legalForm, nameTokens, STOPWORDS } from './normalize';
import type { ListInfo } from './types';

/** A listed name that matched, with the entity behind it and why. */
export interface ScreeningMatch {
  /** 0..1 */
  score: number;
  /** The listed name or alias that matched. */
  name: string;
  /** "primary", "aka", "fka", "nka", "original-script", or "weak aka". */
  nameKind: string;
  entity: ListEntity;
  list?: ListInfo;
  /** In words: which words matched, what lowered the score. */
  explanation: string;
  alignment: Alignment;
}

/** A stretch of screened text that matched one or more listed entities. */
export interface ScreenedMention {
  /** Offsets in the screened text. */
  start: number;
  end: number;
  text: string;
  best: ScreeningMatch;
  /** Other entities matching the same words, best first (at most 4). */
  others: ScreeningMatch[];
}

export interface SearchOptions {
  limit?: number;
  /** Only matches at or above this score (default 0.5). */
  minScore?: number;
  /** Treat the last word as a prefix (search as you type). */
  prefix?: boolean;
  /** Include weak a.k.a.s (scored lower). Off by default, as OFAC advises. */
  includeWeak?: boolean;
}

export interface ScreenTextOptions {
  /** Report mentions at or above this score (default 0.7, the default info band). */
  minScore?: number;
}

/**
 * The screening engine handed to rules, the CLI and the editor: an index over every loaded list.
 * Build one with createScreener(lists); it is immutable, so swapping lists means building a new one.
 */
export interface Screener {
  readonly lists: readonly ListInfo[];
  readonly entityCount: number;
  readonly nameCount: number;
  /** Best matches for a name typed by a user. */
  search(name: string, options?: SearchOptions): ScreeningMatch[];
  /** Every stretch of the text that matches a listed name (names anywhere, split by line breaks, any case). */
  screenText(text: string, options?: ScreenTextOptions): ScreenedMention[];
  /** Score two names against each other with this index's word weights (evaluation, tests). */
  scorePair(query: string, listedName: string, type?: string): { score: number; explanation: string };
  entityById(id: string): ListEntity | undefined;
}

/** Weak a.k.a.s are searched only on request and never reach the top band. */
const WEAK_FACTOR = 0.8;

export function createScreener(lists: readonly ListData[]): Screener {
  const entities: ListEntity[] = lists.flatMap((l) => l.entities);
  const infoById = new Map(lists.map((l) => [l.info.id, l.info]));
  const index = new NameIndex(entities);
  let byId: Map<string, ListEntity> | undefined;

  const toMatch = (n: IndexedName, a: Alignment): ScreeningMatch => {
    const entity = entities[n.entity];
    const score = n.weak ? a.score * WEAK_FACTOR : a.score;
    return {
      score: round(score),
      name: n.name,
      nameKind: n.primary ? 'primary' : n.weak ? 'weak aka' : (n.kind ?? 'aka'),
      entity,
      list: infoById.get(entity.list),
      explanation: explain(a, n.name, entity.primaryName, n.legal) + (n.weak ? ' Weak a.k.a. (OFAC does not expect these to be screened).' : ''),
      alignment: a,
    };
  };

  function search(query: string, options: SearchOptions = {}): ScreeningMatch[] {
    const limit = options.limit ?? 10;
    const minScore = options.minScore ?? 0.5;
    const { core, legal: queryLegal } = nameTokens(query);
    const qt: QueryToken[] = core.map((word, pos) => ({ word, weight: STOPWORDS.has(word) ? 0 : index.queryWeight(word), pos }));
    if (!qt.length) return [];
    const candidates = new Set<number>();
    const addIds = (id: number, everything: boolean) => {
      const list = everything ? index.allNamesFor(id) : index.namesFor(id, options.includeWeak);
      // Very common words alone would pull in thousands of names: they only count through rarer words.
      if (everything && list.length > 2000) return;
      for (const n of list) if (options.includeWeak || !index.isWeak(n)) candidates.add(n);
    };
    qt.forEach((t, i) => {
      for (const h of index.tokenHits(t.word)) addIds(h.id, true);
      const joined = index.joinedFor(t.word);
      for (let k = 0; k < joined.length; k += 2) candidates.add(joined[k]);
      if (i + 1 < qt.length) {
        const id = index.vocab.get(t.word + qt[i + 1].word);
        if (id !== undefined) addIds(id, true);
      }
    });
    if (options.prefix) for (const id of index.prefixed(qt[qt.length - 1].word)) addIds(id, true);
    const bestByEntity = new Map<number, ScreeningMatch>();
    for (const k of candidates) {
      const n = index.name(k);
      // Most candidates share only a common word ("Group", "Bank"): skip those that cannot reach minScore.
      if (!options.prefix && scoreUpperBound(index, qt, n) + 0.001 < minScore) continue;
      let q = qt;
      if (options.prefix) q = completePrefix(qt, n);
      const aligned = alignName(index, q, n);
      // Only a query with a legal form can conflict (and reading a name's legal forms decodes its entry).
      if (queryLegal.length) legalConflict(aligned, queryLegal, n.legal);
      if (q !== qt) {
        // The last word was completed from what was typed so far: a guess, ranked below full words.
        aligned.score *= 0.9;
        aligned.penalties.push('the last word was completed from what you typed');
      }
      // Explaining a match costs more than scoring it: only for those that pass.
      if (round(n.weak ? aligned.score * WEAK_FACTOR : aligned.score) < minScore) continue;
      const m = toMatch(n, aligned);
      const prev = bestByEntity.get(n.entity);
      if (!prev || m.score > prev.score || (m.score === prev.score && n.primary)) bestByEntity.set(n.entity, m);
    }
    const found = [...bestByEntity.values()].sort(byScore);
    if (options.prefix && query.trim().length >= 3 && !(found[0]?.score >= 0.7)) {
      // Nothing convincing from whole words: add approximate text matches (ranked below the bands).
      const have = new Set(found.map((m) => m.entity.id));
      found.push(...approximateSearch(query, limit).filter((m) => !have.has(m.entity.id)));
      found.sort(byScore);
    }
    return found.slice(0, limit);
  }

  let fuse: Fuse<{ k: number; name: string }> | undefined;
  /**
   * Search-as-you-type fallback when no word of the query matches a listed word (a fragment such as
   * "ansudae art"): fuse.js's approximate substring search over every strong name. Slow (about half a
   * second), so only used here, never for contracts; its results are kept below the reporting bands.
   */
  function approximateSearch(query: string, limit: number): ScreeningMatch[] {
    fuse ??= new Fuse(
      Array.from({ length: index.nameCount }, (_, k) => k)
        .filter((k) => !index.isWeak(k))
        .map((k) => ({ k, name: index.name(k).name })),
      { keys: ['name'], includeScore: true, threshold: 0.35, ignoreLocation: true },
    );
    const seen = new Set<number>();
    const out: ScreeningMatch[] = [];
    for (const r of fuse.search(query, { limit: limit * 3 })) {
      const n = index.name(r.item.k);
      if (seen.has(n.entity)) continue;
      seen.add(n.entity);
      const score = round(Math.min(0.69, 1 - (r.score ?? 1)));
      const alignment: Alignment = { score, pairs: [], unmatchedQuery: [], unmatchedListed: [], penalties: ['approximate text match only'] };
      const m = toMatch(n, alignment);
      m.explanation = `no word of "${query}" matched a listed word; "${n.name}" contains similar text (approximate search with fuse.js, kept below the reporting bands).`;
      out.push(m);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** In search-as-you-type, "mansu" counts as the listed word it starts. */
  function completePrefix(qt: QueryToken[], n: IndexedName): QueryToken[] {
    const last = qt[qt.length - 1];
    const full = n.words.find((w) => w.startsWith(last.word) && w !== last.word);
    return full ? [...qt.slice(0, -1), { ...last, word: full }] : qt;
  }

  function screenText(text: string, options: ScreenTextOptions = {}): ScreenedMention[] {
    return scanText(index, text, options.minScore ?? 0.7).map((raw) => {
      // The scan put the best reading first (the best score, or a longer name scoring nearly as well).
      const all = raw.map((r) => toMatch(index.name(r.name), r.alignment));
      const matches = [all[0], ...all.slice(1).sort(byScore)];
      const seen = new Set<string>();
      const unique = matches.filter((m) => (seen.has(m.entity.id) ? false : (seen.add(m.entity.id), true)));
      const start = raw[0].start;
      const end = raw[0].end;
      return { start, end, text: text.slice(start, end), best: unique[0], others: unique.slice(1, 5) };
    });
  }

  function scorePair(query: string, listedName: string, type?: string) {
    const person = type === 'person' || type === 'Person';
    const q = nameTokens(query, person).core;
    const l = nameTokens(listedName, person);
    const qt: QueryToken[] = q.map((word, pos) => ({ word, weight: index.queryWeight(word), pos }));
    const a = alignWords(qt, l.core, l.core.map((w) => index.queryWeight(w)));
    legalConflict(a, nameTokens(query, person).legal, l.legal);
    return { score: round(a.score), explanation: explain(a, listedName, listedName, l.legal) };
  }

  return {
    lists: lists.map((l) => l.info),
    entityCount: entities.length,
    nameCount: index.nameCount,
    search,
    screenText,
    scorePair,
    entityById: (id) => (byId ??= new Map(entities.map((e) => [e.id, e]))).get(id),
  };
}

/** Different legal forms on both sides ("AG" vs "GmbH") usually mean different companies. */
function legalConflict(a: Alignment, queryLegal: string[], listedLegal: string[]): void {
  if (!queryLegal.length || !listedLegal.length) return;
  const forms = (l: string[]) => new Set(l.map((x) => (legalForm(x) ?? x).toLowerCase().replace(/[^a-z]/g, '')));
  const q = forms(queryLegal);
  if ([...forms(listedLegal)].some((f) => q.has(f))) return;
  a.score *= LEGAL_CONFLICT;
  a.penalties.push(`different legal forms (${queryLegal.join(', ')} / ${listedLegal.join(', ')})`);
}
const LEGAL_CONFLICT = 0.93;

function byScore(a: ScreeningMatch, b: ScreeningMatch): number {
  return b.score - a.score || (a.nameKind === 'primary' ? -1 : 0) - (b.nameKind === 'primary' ? -1 : 0) || a.entity.id.localeCompare(b.entity.id);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

