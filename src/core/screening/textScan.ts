import { alignName, alignedSpan, SCORING, tensAndUnit, trimAlignment, type Alignment, type Near, type QueryToken } from './matcher';
import type { IndexedName } from './listedName';
import type { NameIndex } from './nameIndex';
import { isInflection } from './similarity';
import { readText, type ScanContext } from './textReading';
import { joinedHash } from './wordHash';
import { isCommonProperName, isEverydayWord } from './commonWords';
import { legalFormBeside, legalFormTextBeside, partyBlock, weighMention } from './mentionEvidence';
import { GENERIC_WORDS, legalForm, mayBeginLegalForm, mayEndLegalForm } from './normalize';

export interface RawMatch {
  name: number;
  start: number;
  end: number;
  alignment: Alignment;
}

/**
 * Finds listed names in free text. Words are folded one by one (keeping their offsets); rare words
 * look up candidate names in the index; each candidate is aligned with the words around the hit and
 * the aligned stretch is the mention. Blank lines, tabs and table-cell borders end a stretch; single
 * line breaks, emphasis (removed by the model) and invisible characters do not.
 *
 * Every word of a contract is tested against tens of thousands of names, so text screening is
 * stricter than a search box: a listed name of several words needs at least two of them; a one-word
 * name must appear exactly, capitalised, be no everyday English word and not be used as an ordinary
 * lower-case word in the same document; a match made only of everyday words must be the complete
 * listed name, exactly, capitalised (or, for a long name, four or more of its words in a row: a shortened
 * alias, kept in the information band); a match made only of lower-case words must be near exact.
 */
export function scanText(index: NameIndex, text: string, minScore: number): RawMatch[][] {
  // A right-to-left override shows "‮oidutS keS‬" as "Sek Studio": the text is read in the order it is displayed.
  const runs = text.includes('\u202E') ? overrideRuns(text) : undefined;
  const shown = runs ? displayOrder(text, runs) : text;
  // Small phases rather than one long function: each is optimised by V8 on its own, and early.
  const ctx = readText(index, shown);
  const groups = groupMentions(evaluateHits(index, ctx, collectHits(index, ctx), minScore));
  if (runs) for (const g of groups) for (const m of g) [m.start, m.end] = storedSpan(runs, m.start, m.end);
  return groups;
}

/** Stretches a right-to-left override (U+202E) reverses: to the next pop (U+202C), line break or end. */
function overrideRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = text.indexOf('\u202E'); i >= 0; i = text.indexOf('\u202E', i + 1)) {
    let e = i + 1;
    while (e < text.length && text[e] !== '\u202C' && text[e] !== '\n') e++;
    runs.push([i + 1, e]);
    i = e;
  }
  return runs;
}

/** The text with each override run reversed in place (same length, so offsets stay within the run). */
function displayOrder(text: string, runs: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of runs) {
    out += text.slice(at, a) + Array.from(text.slice(a, b)).reverse().join('');
    at = b;
  }
  return out + text.slice(at);
}

/** Offsets in the displayed text back to the stored text (a reversed run maps mirrored). */
function storedSpan(runs: readonly [number, number][], start: number, end: number): [number, number] {
  const back = (p: number) => {
    for (const [a, b] of runs) if (p >= a && p <= b) return a + b - p;
    return p;
  };
  const x = back(start);
  const y = back(end);
  return [Math.min(x, y), Math.max(x, y)];
}

/** Candidate names and where they were hit: nameId → flat [pos, vocabId, …]; vocabId -1 = two listed words joined. */
function collectHits(index: NameIndex, ctx: ScanContext): Map<number, number[]> {
  const { info, folded, capital, seg, words } = ctx;
  const { postingStart, postingIds } = index;
  const hits = new Map<number, number[]>();
  const record = (nameId: number, pos: number, id: number) => {
    const l = hits.get(nameId);
    if (l) l.push(pos, id);
    else hits.set(nameId, [pos, id]);
  };
  for (let i = 0; i < folded.length; i++) {
    const wi = info[i];
    if (i + 1 < folded.length && seg[i + 1] === seg[i] && folded[i].length === 2) {
      // "Thirty-Nine" = 39: a number written in words posts the names listed with that number.
      const number = tensAndUnit(folded[i], folded[i + 1]);
      const id = number === undefined ? undefined : index.vocab.get(number);
      if (id !== undefined) for (let p = postingStart[id], end = postingStart[id + 1]; p < end; p++) record(postingIds[p], i, id);
    }
    if (wi.strongLegal) recordLowerCaseName(index, ctx, i - 1, -1, record);
    else if (wi.namesParty) recordLowerCaseName(index, ctx, i + 1, 1, record);
    else if (!capital[i] && wi.weight > 0) {
      if (definedRoleFollows(ctx, i)) recordLowerCaseName(index, ctx, i, -1, record);
      // Most words follow a single space: only a word after a line break or cell border can start a line.
      else if ((i === 0 || words.start[i] - words.end[i - 1] > 1 || ctx.text.charCodeAt(words.start[i] - 1) !== 0x20) && startsShortLine(ctx, i) && partyBlock(ctx, [i, i])) recordLowerCaseName(index, ctx, i, 1, record);
    }
    // "Pro-gain": the part after a hyphen of a capitalised word is capitalised too (readText).
    if (!wi.anchor && !(capital[i] && !wi.capital && wi.everyday && wi.weight > 0)) continue;
    const w = wi.folded;
    const everydayWord = wi.everyday;
    for (const h of (wi.hits ??= index.textHits(w, everydayWord))) {
      // A near miss on an everyday word ("party" ≈ "parts") is no evidence of a disguised name.
      if (h.sim < 1 && (everydayWord || w.length < 5) && !isInflection(w, index.words[h.id])) continue;
      for (let p = postingStart[h.id], end = postingStart[h.id + 1]; p < end; p++) record(postingIds[p], i, h.id);
    }
    if (w.length >= 6) {
      const joinedNames = (wi.split ??= index.joinedFor(w));
      for (let k = 0; k < joinedNames.length; k += 2) record(joinedNames[k], i, -1);
    }
    if (i + 1 < folded.length && seg[i + 1] === seg[i] && capital[i] && capital[i + 1] && wi.vocabId >= 0 && info[i + 1].vocabId >= 0) {
      // Two capitalised words that are adjacent in a long listed name (its shortened forms).
      const paired = index.namesForPair(wi.vocabId, info[i + 1].vocabId);
      if (paired) {
        for (const n of paired) {
          record(n, i, wi.vocabId);
          record(n, i + 1, info[i + 1].vocabId);
        }
      }
    }
    if (i + 1 < folded.length && seg[i + 1] === seg[i] && (capital[i] || capital[i + 1]) && info[i + 1].weight > 0) {
      // "Silver Star" for the listed SILVERSTAR: tested by hash first, the joined string built only when it could be listed.
      const next = info[i + 1];
      if (!index.maybeWord(joinedHash(wi.hash, next.pow, next.hash))) continue;
      const id = index.vocab.get(w + next.folded);
      if (id !== undefined) for (let p = postingStart[id], end = postingStart[id + 1]; p < end; p++) record(postingIds[p], i, id);
    }
  }
  return hits;
}

/**
 * "good land llc", "engage rapid intervention force": lower-case everyday words look up no names (they are
 * ordinary words), except right before a legal form that is no English word or right after a word that
 * names a party ("engage", "between"), where they may be a name written in lower case.
 */
function recordLowerCaseName(index: NameIndex, ctx: ScanContext, first: number, step: 1 | -1, record: (nameId: number, pos: number, id: number) => void): void {
  const { info, capital, seg } = ctx;
  if (first < 0 || first >= info.length) return;
  for (let j = first, k = 0; k < 5 && j >= 0 && j < info.length && seg[j] === seg[first] && !capital[j]; j += step, k++) {
    const wj = info[j];
    if (wj.anchor || wj.weight === 0 || wj.vocabId < 0) continue;
    for (let p = index.postingStart[wj.vocabId], end = index.postingStart[wj.vocabId + 1]; p < end; p++) record(index.postingIds[p], j, wj.vocabId);
  }
}

/** "… acme trading (the “Supplier”)": a defined role right after word i (tested cheaply: this runs for every lower-case word). */
function definedRoleFollows(ctx: ScanContext, i: number): boolean {
  const e = ctx.words.end[i];
  const t = ctx.text;
  return t.charCodeAt(e) === 0x20 && t.charCodeAt(e + 1) === 0x28 && /^ \((?:the\s+)?["“'‘]/.test(t.slice(e, e + 12));
}

/** Word i begins a short line or table cell of its own (in a signature, notice or party block: see partyBlock). */
function startsShortLine(ctx: ScanContext, i: number): boolean {
  const { text, words } = ctx;
  // Only the gap before the word is read for most words: a line starts after a line break or cell border.
  const gapStart = i > 0 ? words.end[i - 1] : 0;
  let s = words.start[i];
  while (s > gapStart && text[s - 1] !== '\n' && text[s - 1] !== '|' && !(text[s - 1] === ' ' && text[s - 2] === ' ' && text[s - 3] === ' ')) s--;
  if (s === gapStart && i > 0) return false;
  if (/[\p{L}\p{N}]/u.test(text.slice(s, words.start[i]))) return false;
  let e = words.end[i];
  let count = 1;
  while (e < text.length && text[e] !== '\n' && text[e] !== '|' && !(text[e] === ' ' && text[e + 1] === ' ' && text[e + 2] === ' ')) {
    if (e - words.end[i] > 100) return false;
    e++;
  }
  for (let j = i + 1; j < words.length && words.start[j] < e; j++) if (++count > 8) return false;
  return true;
}

/** Aligns each cluster of hits on a name with the words around it and keeps the mentions that pass. */
function evaluateHits(index: NameIndex, ctx: ScanContext, hits: Map<number, number[]>, minScore: number): RawMatch[] {
  const { words, info, folded, seg } = ctx;
  const found: RawMatch[] = [];
  for (const [nameId, flat] of hits) {
    const name = index.name(nameId);
    const n = name.tokens.length;
    let c = 0;
    while (c < flat.length) {
      let e = c + 2;
      while (e < flat.length && flat[e] - flat[e - 2] <= n + 1 && seg[flat[e]] === seg[flat[c]]) e += 2;
      const first = flat[c];
      const last = flat[e - 2];
      const cluster = flat.slice(c, e);
      c = e;
      const lo = Math.max(0, first - n - 1);
      const hi = Math.min(words.length - 1, last + n + 1);
      if (!plausible(index, name, cluster, ctx, lo, hi, minScore)) continue;
      const window: QueryToken[] = [];
      // Single letters and digits weigh nothing but may join a neighbour ("BABA I" = BABA'I) or be a name's number ("Planet 2").
      for (let p = lo; p <= hi; p++) if ((info[p].weight > 0 || folded[p].length === 1) && seg[p] === seg[first]) window.push({ word: folded[p], weight: info[p].weight, pos: p });
      const match = evaluateCluster(index, ctx, name, window, cluster, minScore);
      if (match) found.push({ name: nameId, start: words.start[match.span[0]], end: words.end[match.span[1]], alignment: match.alignment });
    }
  }
  return found;
}

/** One cluster: align, trim to the matching words, apply the text rules (acceptable). */
function evaluateCluster(index: NameIndex, ctx: ScanContext, name: IndexedName, window: QueryToken[], cluster: number[], minScore: number): { alignment: Alignment; span: [number, number] } | undefined {
  // Pair equally good words near the hit: the rarest word's position anchors the match.
  const near = anchorPosition(index, name, cluster);
  const wide = alignName(index, window, name, true, near);
  if (!wide.pairs.length) return undefined;
  const [s0, s1] = alignedSpan(wide);
  const inner = window.filter((t) => t.pos >= s0 && t.pos <= s1);
  const { alignment, span } = trimAlignment(index, inner, name, alignName(index, inner, name, true, near), true, near);
  if (alignment.score < minScore) return undefined;
  const weighed = weighMention(alignment, name.words, name.tokenWeights, index.entities[name.entity].type === 'person', span, ctx);
  if (!weighed) return undefined;
  if (weighed.score !== alignment.score || weighed.reasons.length) {
    alignment.searchScore = alignment.score;
    alignment.score = weighed.score;
    alignment.evidence = weighed.reasons;
  }
  if (alignment.score < minScore) return undefined;
  agreeLegalForm(ctx, name, span, alignment);
  return { alignment, span };
}

/**
 * Two listed entities can share their words and differ by legal form (NAFTIRAN INTERTRADE CO. LIMITED and
 * … SARL): the legal form written beside the name decides between them.
 */
function agreeLegalForm(ctx: ScanContext, name: IndexedName, span: [number, number], alignment: Alignment): void {
  const written = legalFormTextBeside(ctx, span);
  if (!written) return;
  const canonical = (x: string) => (legalForm(x) ?? x).toLowerCase().replace(/[^a-z]/g, '');
  const listed = name.legal.map(canonical);
  if (listed.includes(canonical(written))) return;
  alignment.score *= listed.length ? DIFFERENT_LEGAL_FORM : NO_LEGAL_FORM_LISTED;
  (alignment.evidence ??= []).push(listed.length ? `lowered slightly: the legal form written (${written}) differs from the listed one (${name.legal.join(', ')})` : 'lowered slightly: the listed name has no legal form');
  alignment.searchScore ??= alignment.score;
}

/** Factors when the legal form beside a name differs from the listed one, or the listed name has none. */
const DIFFERENT_LEGAL_FORM = 0.97;
const NO_LEGAL_FORM_LISTED = 0.99;

/** The cluster's hit on the name's rarest word: its text position and which listed word it is. */
function anchorPosition(index: NameIndex, name: IndexedName, cluster: number[]): Near {
  let best: Near = { pos: cluster[0], listedIndex: 0 };
  let bestWeight = -1;
  for (let k = 0; k < cluster.length; k += 2) {
    const j = cluster[k + 1] >= 0 ? name.tokens.indexOf(cluster[k + 1]) : -1;
    const w = j >= 0 ? index.weights[name.tokens[j]] : 0;
    if (w > bestWeight) {
      bestWeight = w;
      best = { pos: cluster[k], listedIndex: Math.max(0, j) };
    }
  }
  return best;
}

/** Cheap test before aligning: can this cluster of hits cover enough of the name? */
function plausible(index: NameIndex, name: IndexedName, cluster: number[], ctx: ScanContext, lo: number, hi: number, minScore: number): boolean {
  const { folded, capital, ordinary } = ctx;
  const n = name.tokens.length;
  if (n === 1) {
    const only = index.words[name.tokens[0]];
    // Generic business words never carry a one-word match (mentionEvidence.ts).
    if (only.length < 3 || GENERIC_WORDS.has(only) || !/\p{L}/u.test(only)) return false;
    // An everyday word, a first name or a short word is a name only with a legal form beside it ("Zest CJSC").
    const plain = only.length >= 5 && !isEverydayWord(only) && !isCommonProperName(only);
    for (let k = 0; k < cluster.length; k += 2) {
      const pos = cluster[k];
      if (folded[pos] !== only) continue;
      if (plain && capital[pos] && !ordinary.has(folded[pos])) return true;
      // Otherwise only beside a legal form (the adjacent words tested by set lookups first).
      const next = folded[pos + 1];
      const prev = folded[pos - 1];
      if (((next !== undefined && (mayBeginLegalForm(next) || next.length === 1)) || (prev !== undefined && mayEndLegalForm(prev))) && legalFormBeside(ctx, [pos, pos])) return true;
    }
    return false;
  }
  const covered = new Set<number>();
  for (let k = 1; k < cluster.length; k += 2) {
    if (cluster[k] === -1) return true; // a joined word covers two listed words
    const j = name.tokens.indexOf(cluster[k]);
    if (j >= 0) covered.add(j);
  }
  const anchors = name.anchors;
  let distinctive: boolean | undefined;
  // Every test below needs a window word with the listed word's first character: a bit mask of them
  // skips most listed words at once (bits may collide, so a set bit only means "look").
  let initials = 0;
  for (let p = lo; p <= hi; p++) initials |= 1 << (folded[p].charCodeAt(0) & 31);
  for (let j = 0; j < n; j++) {
    if (covered.has(j)) continue;
    const w = index.words[name.tokens[j]];
    if (!(initials & (1 << (w.charCodeAt(0) & 31)))) continue;
    // An anchor that did not hit can still be two words of the text joined ("BABA I" = BABA'I).
    if (anchors.includes(name.tokens[j])) {
      for (let p = lo; p < hi; p++) if (joinsTo(folded[p], folded[p + 1], w)) covered.add(j);
      continue;
    }
    for (let p = lo; p <= hi; p++) {
      const f = folded[p];
      // A plural counts ("Sek Studios") only beside a distinctive word of the name, so that runs of
      // ordinary plural words do not become candidates.
      if (f === w) covered.add(j);
      // Two words of the text joined ("Silver Star" = SILVERSTAR).
      else if (p < hi && joinsTo(f, folded[p + 1], w)) covered.add(j);
      // One typo in a longer word that did not post the name ("SARUR, Muhmamad": no listed or everyday word itself).
      else if (f.length >= 6 && f.charCodeAt(0) === w.charCodeAt(0) && Math.abs(f.length - w.length) <= 1 && ctx.info[p].vocabId < 0 && !ctx.info[p].everyday && index.cachedSimilarity(f, w) >= 0.9) covered.add(j);
      else if (f.length !== w.length && Math.abs(f.length - w.length) <= 2 && isInflection(f, w) && (distinctive ??= distinctiveHit(index, anchors, cluster))) covered.add(j);
    }
  }
  if (covered.size < 2) return false;
  // Upper bound of the score if every covered word matched exactly and nothing else intruded.
  let matched = 0;
  let missed = 0;
  let allEveryday = true;
  for (let j = 0; j < n; j++) {
    const id = name.tokens[j];
    const w = index.weights[id];
    if (covered.has(j) || (!anchors.includes(id) && !covered.size)) {
      matched += w;
      if (!isEverydayWord(index.words[id])) allEveryday = false;
    } else missed += Math.max(w, SCORING.unmatchedListedFloor);
  }
  if (allEveryday && missed > 0) return false;
  let bound = (2 * matched) / (2 * matched + SCORING.unmatchedListed * missed);
  // The information floor spares an exact, complete match (matcher.finish): so must the bound.
  if (matched < SCORING.informationFloor && missed > 0) bound *= matched / SCORING.informationFloor;
  return bound >= minScore;
}

/** Do two adjacent text words make the listed word w ("baba" + "i" = "babai", "20" + "6" = "26")? Cheap tests first. */
function joinsTo(a: string, b: string, w: string): boolean {
  if (a.length === 2 && a.charCodeAt(1) === 48) return tensAndUnit(a, b) === w;
  return a.length < w.length && a.charCodeAt(0) === w.charCodeAt(0) && a.length + b.length === w.length && w.startsWith(a) && w.endsWith(b);
}

/** Does the cluster hit a distinctive word of the name (one of its anchors that is no everyday word)? */
function distinctiveHit(index: NameIndex, anchors: readonly number[], cluster: readonly number[]): boolean {
  for (let k = 1; k < cluster.length; k += 2) if (anchors.includes(cluster[k]) && !isEverydayWord(index.words[cluster[k]])) return true;
  return false;
}

/** How much lower a longer name covering the best match may score and still be preferred. */
const LONGER_NAME_MARGIN = 0.06;

/**
 * Overlapping matches become one mention: intervals are merged in one sweep (linear after sorting, so a
 * document that is itself a list of thousands of names stays fast); inside a mention the best-scoring
 * (then longest) match comes first and gives the span.
 */
function groupMentions(found: RawMatch[]): RawMatch[][] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: RawMatch[][] = [];
  let current: RawMatch[] = [];
  let end = -1;
  for (const f of found) {
    if (current.length && f.start >= end) {
      groups.push(current);
      current = [];
    }
    current.push(f);
    end = current.length === 1 ? f.end : Math.max(end, f.end);
  }
  if (current.length) groups.push(current);
  for (const g of groups) {
    g.sort((a, b) => b.alignment.score - a.alignment.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
    // A longer listed name that covers the best match and scores nearly as well is the better reading
    // ("Vtb Bank Belarus Closed Joint Stock Company" is VTB BANK BELARUS, not VTB BANK).
    const best = g[0];
    const longer = g.findIndex((m) => m.start <= best.start && m.end >= best.end && m.end - m.start > best.end - best.start && m.alignment.score >= best.alignment.score - LONGER_NAME_MARGIN);
    if (longer > 0) g.unshift(...g.splice(longer, 1));
  }
  return groups;
}
