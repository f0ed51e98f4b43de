import type { Alignment } from './matcher';
import { everydayRank, isCommonProperName, isContractWord, isEverydayWord } from './commonWords';
import { GENERIC_WORDS, isLegalForm, legalWordNear, mayBeginLegalForm, mayEndLegalForm, STOPWORDS } from './normalize';
import { SANCTIONED_PLACE_IN_TEXT } from './sanctionedPlaces';

import { isInflection } from './similarity';
import type { ScanContext } from './textReading';

/**
 * How likely a matched stretch of contract text is to be the listed name rather than chance: the search
 * score of the span, adjusted by text evidence, each adjustment explained for the hover. Every word of a
 * contract meets tens of thousands of names, so names made of everyday words need more evidence than names
 * with a word no English text uses. Magnitudes were set on the tuning half of the development variants
 * and every other real contract (`npm run eval:screening` reports both halves).
 */
export const EVIDENCE = Object.freeze({
  /** Every matched word is an everyday English word, place or first name: scaled by how common the rarest is. */
  everyday: 0.25,
  /** Every matched word is a generic business word (Trading, Group, International…), on top of `everyday`. */
  generic: 0.1,
  /** A one-word listed name: one word of text rarely identifies anybody. */
  oneWord: 0.25,
  /** No matched word is capitalised. */
  lowerCase: 0.1,
  /** Organisation words in another order than listed. */
  order: 0.1,
  /** A legal form right before or after the name. */
  legalForm: 0.15,
  /** Named as a party: a defined role follows, or a verb of engagement / "between" comes before. */
  role: 0.15,
  /** Alone on its line or in its table cell (signature blocks, address blocks, party tables). */
  ownLine: 0.05,
  /** A comprehensively sanctioned place in the same paragraph. */
  place: 0.1,
  /** Raises may lift a score above the search score by at most this much (only a sanctioned place does). */
  aboveSearch: 0.05,
});

export interface MentionEvidence {
  /** The mention's score after the adjustments (0..1). */
  score: number;
  /** What raised or lowered it, in words ("lowered: …", "raised: …"). */
  reasons: string[];
}

/** Verbs and words that name the next party: "engage X", "between X and Y", "Subcontractor: X". */
const ROLE_BEFORE: ReadonlySet<string> = new Set(['engage', 'engages', 'engaged', 'appoint', 'appoints', 'appointed', 'retain', 'retains', 'retained', 'hire', 'hires', 'subcontract', 'subcontracts', 'subcontracted', 'between', 'contractor', 'subcontractor', 'supplier', 'vendor', 'licensee', 'licensor', 'partner', 'counterparty', 'buyer', 'seller', 'customer', 'consultant']);
/** "(the “Supplier”)", "(“Studio”)", ", a company incorporated …". */
const ROLE_AFTER = /^[\s,]*(?:\((?:the\s+|hereinafter\s+)?["“'‘]|,\s*an?\s+(?:company|corporation|entity|limited|private|public|joint|state)|as\s+(?:a\s+|the\s+)?(?:sub)?contractor|as\s+(?:a\s+)?(?:production\s+)?partner|as\s+(?:a\s+|the\s+)?supplier)/i;

/**
 * Weighs a mention. `span`: first and last word of the match; `listed`: the listed name's words. Returns
 * undefined when the words cannot be this name at all (a legal form between them: two names).
 */
export function weighMention(a: Alignment, listed: readonly string[], listedWeights: readonly number[], person: boolean, span: [number, number], ctx: ScanContext): MentionEvidence | undefined {
  const { capital, folded } = ctx;
  const matchedPos = new Set(a.pairs.flatMap((p) => p.queryPos));
  // A legal form inside the stretch separates two names ("X Biotechnology, Inc., United …").
  for (let q = span[0] + 1; q < span[1]; q++) if (!matchedPos.has(q) && isLegalForm(folded[q])) return undefined;
  // A near miss on an everyday word ("site" ≈ "siti", "party" ≈ "parts") is no evidence of a disguised name.
  if (a.pairs.some((p) => p.similarity < 1 && p.query.length === 1 && isEverydayWord(p.query[0]) && !(p.listed.length === 1 && isInflection(p.query[0], p.listed[0])))) return undefined;
  // Numbers alone are section numbers and dates ("7.28"); a number in a name stands beside a word of it ("Office 39").
  // Written in words ("Eleven Eighty Eight") a number is a name's.
  const digitsWritten = (q: number) => { const c = ctx.text.charCodeAt(ctx.words.start[q]); return c >= 48 && c <= 57; };
  if (a.pairs.every((p) => p.listed.every((w) => /^\d+$/.test(w))) && a.pairs.some((p) => p.queryPos.some(digitsWritten))) return undefined;
  for (const p of a.pairs) if (p.query.length === 1 && /^\d+$/.test(p.query[0]) && digitsWritten(p.queryPos[0]) && !attached(ctx, p.queryPos[0], matchedPos)) return undefined;
  const anyCapital = a.pairs.some((p) => p.queryPos.some((q) => capital[q]));
  // A name is written in one style: "BSP security" is the acronym BSP and the ordinary word "security".
  if (anyCapital && a.pairs.some((p) => p.queryPos.some((q) => !capital[q] && isEverydayWord(folded[q]) && !STOPWORDS.has(folded[q])))) return undefined;
  const weak = a.pairs.every((p) => p.listed.every((w) => weakWord(w, ctx, person)));
  const n = listed.length;
  const listedCovered = a.pairs.reduce((s, p) => s + p.listed.length, 0);
  // People: every name part must be there (a first and middle name shared with a listed person is not a match).
  if (person && n > 1 && listedCovered < (n >= 4 ? n - 1 : n)) return undefined;
  const legal = legalFormBeside(ctx, span) || legalFormAfterWords(ctx, span);
  if (n > 1 && listedCovered < 2 && !legal) return undefined;
  const party = namedAsParty(ctx, span);
  if (n > 1 && !weak && a.unmatchedListed.length && !partialNameHolds(a, listed, listedWeights, ctx, person, legal || party)) return undefined;
  if (weak) {
    // Only everyday words: the whole listed name, exactly, in order — or a long name's four words in a row.
    // Everyday-word names need exact spelling; a long one (four words or more) may have one word misspelt.
    // A misspelling of a long word ("Intrnational", "Everlsting") is no chance reading: one is allowed.
    const misspelt = a.pairs.filter((p) => p.similarity < 1);
    if (!inOrder(a, listed) || misspelt.length > 1 || (misspelt.length && matchedPos.size < 4 && misspelt[0].listed.join('').length < 7)) return undefined;
    if (a.unmatchedListed.length && !(matchedPos.size >= 4 && span[1] - span[0] + 1 === matchedPos.size)) return undefined;
    if (!anyCapital && !legal && !party && !(ownLine(ctx, span) && partyBlock(ctx, span))) return undefined;
    // Part of a longer name: "International Business" in "International Business Machines Corporation".
    if ((!legalFormOn(ctx, span, 'before') && gluedToName(ctx, span[0], span[0] - 1)) || (!legalFormOn(ctx, span, 'after') && gluedToName(ctx, span[1], span[1] + 1))) return undefined;
  }
  if (n === 1) {
    const p = a.pairs[0];
    const pos = p.queryPos[0];
    if (a.pairs.length !== 1 || p.similarity !== 1 || span[0] !== span[1]) return undefined;
    if (!legal && (!capital[pos] || ctx.ordinary.has(folded[pos]) || listed[0].length < 5 || weak)) return undefined;
    // An everyday word is a company name only beside a legal form that is no everyday word ("Zest CJSC", not "Group Company").
    if (weak && !legalFormBeside(ctx, span, true)) return undefined;
    // "Aviv" inside "Tel Aviv" is another name: a one-word name must not be glued to another capitalised word.
    if (gluedToName(ctx, pos, pos - 1) || gluedToName(ctx, pos, pos + 1)) return undefined;
  }

  const reasons: string[] = [];
  let lower = 0;
  let raise = 0;
  const generic = a.pairs.every((p) => p.listed.every((w) => GENERIC_WORDS.has(w) || STOPWORDS.has(w)));
  if (generic) {
    // Generic business words ("International Business", "Holdings") never carry a match on their own.
    if (n === 1) return undefined;
    lower += EVIDENCE.generic;
    reasons.push('lowered: every word is a generic business word');
  }
  if (weak) {
    // Four listed words or more in a row, exactly, are far less likely by chance ("April 26 Animation Studio").
    const run = matchedPos.size >= 4 && span[1] - span[0] + 1 - countStopwords(ctx, span) === matchedPos.size;
    const f = commonness(a) * (run ? 0.5 : 1);
    lower += EVIDENCE.everyday * f;
    reasons.push(`lowered: every word of the match is an everyday English word or place name${anyCapital ? '' : ', written in lower case'}`);
  }
  if (n === 1 && !legal) {
    // Only a legal form makes one word a company name; a role or a place does not ("Nolan" as the Supplier).
    lower += EVIDENCE.oneWord;
    reasons.push('lowered: a one-word name with no legal form (Ltd, LLC…) beside it');
  }
  if (!anyCapital) {
    lower += EVIDENCE.lowerCase;
    if (!weak) reasons.push('lowered: written in lower case');
  }
  if (n > 1 && !person && !inOrder(a, listed)) {
    lower += EVIDENCE.order;
    reasons.push('lowered: the words are in another order than listed');
  }
  if (legal) {
    raise += EVIDENCE.legalForm;
    reasons.push('raised: a legal form (Ltd, LLC…) stands beside it');
  }
  if (party) {
    raise += EVIDENCE.role;
    reasons.push('raised: named as a party or subcontractor');
  } else if (ownLine(ctx, span)) {
    if (partyBlock(ctx, span)) {
      raise += EVIDENCE.role;
      reasons.push('raised: named in a signature, notice or party block, or a table of parties');
    } else {
      raise += EVIDENCE.ownLine;
      reasons.push('raised: written on a line or in a table cell of its own');
    }
  }
  let above = 0;
  if (placeNearby(ctx, span)) {
    above = EVIDENCE.aboveSearch;
    raise += EVIDENCE.place;
    reasons.push('raised: a sanctioned country or region is named in the same paragraph');
  }
  const s = a.score;
  // A role makes up for a one-word name only when English text never uses the word ("Archiconsult" as the Supplier, not "Nolan").
  // A word the contract repeats (a defined short name: "DIALOG" 136 times) is screened where its full name is defined.
  const oneWord = n === 1 && !legal && !(party && !weak && capital[span[0]] && occurrences(ctx, folded[span[0]], 3) < 3) ? EVIDENCE.oneWord : 0;
  // Only a legal form makes up for a name of generic business words ("International Business" in a signature block).
  if (generic && !legal) raise = 0;
  const fixed = oneWord;
  // A misspelt name stays below 1 (an exact match) however strong the context.
  const ceiling = s < 1 ? Math.min(0.99, s + above) : 1;
  const score = Math.max(0, Math.min(ceiling - fixed, s - lower + Math.min(raise, lower - fixed + above)));
  return { score, reasons };
}

/**
 * A name with listed words missing ("Ryonbong General Corporation" for KOREA RYONBONG GENERAL CORPORATION)
 * holds when its rarest listed word is there and either two distinctive words are, or it is named as a
 * company or party (a legal form, a role): "Puerto Rico" is not ESTABLO PUERTO RICO, "Al-Rasheed" alone
 * not AL RASHEED TRUST.
 */
function partialNameHolds(a: Alignment, listed: readonly string[], weights: readonly number[], ctx: ScanContext, person: boolean, namedAsCompany: boolean): boolean {
  const distinctiveWord = (w: string) => w.length >= 4 && !weakWord(w, ctx, person);
  let missing = 0;
  let missingWeight = 0;
  for (const w of a.unmatchedListed) {
    if (!distinctiveWord(w)) continue;
    missing++;
    missingWeight = Math.max(missingWeight, weights[listed.indexOf(w)] ?? 0);
  }
  let present = 0;
  let presentWeight = 0;
  for (const p of a.pairs)
    for (const w of p.listed) {
      if (!distinctiveWord(w)) continue;
      present++;
      presentWeight = Math.max(presentWeight, weights[listed.indexOf(w)] ?? 0);
    }
  if (!present) return false;
  // Only everyday words may be missing, unless more distinctive words are there than are missing.
  if (missing && !(present >= 2 && present > missing && presentWeight >= missingWeight)) return false;
  return present >= 2 || namedAsCompany;
}

/** 1 for the most frequent English words, down to 0.6 for the rarest everyday words (by the rarest matched word). */
function commonness(a: Alignment): number {
  let rarest = 0;
  for (const p of a.pairs) for (const w of p.listed) rarest = Math.max(rarest, everydayRank(w) || (isContractWord(w) ? 3000 : 25000));
  if (rarest <= 0) return 1;
  return Math.max(0.6, Math.min(1, 1 - 0.4 * Math.log(rarest / 2000) / Math.log(25000 / 2000)));
}

/** Words that say little on their own; for people, first names and surnames are not weak (they are the name). */
function weakWord(w: string, ctx: ScanContext, person: boolean): boolean {
  return w.length <= 2 || /^\d/.test(w) || isEverydayWord(w) || isContractWord(w) || (!person && isCommonProperName(w)) || ctx.ordinary.has(w);
}

function inOrder(a: Alignment, listed: readonly string[]): boolean {
  const order = [...a.pairs].sort((x, y) => x.queryPos[0] - y.queryPos[0]).map((p) => listed.indexOf(p.listed[0]));
  return order.every((v, k) => k === 0 || v > order[k - 1]);
}

function gluedToName(ctx: ScanContext, pos: number, other: number): boolean {
  if (other < 0 || other >= ctx.words.length) return false;
  const [a, b] = other < pos ? [other, pos] : [pos, other];
  const between = ctx.text.slice(ctx.words.end[a], ctx.words.start[b]);
  // An initial before it is part of the same person's name ("Richard M. Nolan").
  const initial = a === other && ctx.words.end[a] - ctx.words.start[a] === 1 && /^\.[ \u00A0]{1,2}$/.test(between);
  if (ctx.seg[a] !== ctx.seg[b] || (!initial && !/^(?:[ \u00A0]{1,2}|[ \u00A0]?[-‐–][ \u00A0]?)$/.test(between))) return false;
  const w = ctx.folded[other];
  return ctx.capital[other] === 1 && !isLegalForm(legalNear(w)) && !STOPWORDS.has(w) && !/^\d/.test(w);
}

/**
 * A legal form (LLC, Ltd, Co., OOO…) right before or after the stretch. `strong`: only one that is no
 * ordinary English or contract word (LLC, JSC, GmbH — not "Company", "AD", "PC", "Limited").
 */
export function legalFormBeside(ctx: ScanContext, span: [number, number], strong = false): boolean {
  return legalFormOn(ctx, span, 'after', strong) || legalFormOn(ctx, span, 'before', strong);
}

/** "s a de c v" → "sa de cv": runs of single letters are one abbreviation. */
function joinLetters(words: string[]): string[] {
  if (!words.some((w) => w.length === 1)) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i].length === 1 && i > 0 && words[i - 1].length === 1 && out.length) out[out.length - 1] += words[i];
    else out.push(words[i]);
  }
  return out;
}

/** The legal form beside the stretch as folded text ("co ltd"), after it first; undefined when none. */
export function legalFormTextBeside(ctx: ScanContext, span: [number, number]): string | undefined {
  for (const side of ['after', 'before'] as const) {
    for (let k = 5; k >= 1; k--) {
      const raw = side === 'after' ? ctx.folded.slice(span[1] + 1, span[1] + 1 + k) : span[0] - k >= 0 ? ctx.folded.slice(span[0] - k, span[0]) : [];
      const words = joinLetters(raw.map(legalNear));
      if (raw.length === k && isLegalForm(words.join(' '))) return words.join(' ');
    }
  }
  return undefined;
}

/** A legal form of up to five words right after ("Co., Ltd.", next line allowed) or before ("Limited Liability Company", same line). */
function legalFormOn(ctx: ScanContext, span: [number, number], side: 'before' | 'after', strong = false): boolean {
  // Most words next to a name are no legal form: test the adjacent word before building phrases.
  const next = side === 'after' ? span[1] + 1 : span[0] - 1;
  if (next < 0 || next >= ctx.words.length) return false;
  const w = legalNear(ctx.folded[next]);
  // A single letter starts a legal form only as spaced initials ("S A DE C V").
  const spaced = w.length === 1 && next + 1 < ctx.words.length && ctx.folded[side === 'after' ? next + 1 : next - 1]?.length === 1;
  if (!spaced && !(side === 'after' ? mayBeginLegalForm(w) : mayEndLegalForm(w))) return false;
  // Single letters join as in a name's legal form ("S A DE C V" = SA de CV).
  const f = (from: number, to: number) => joinLetters(ctx.folded.slice(from, to).map(legalNear));
  // A strong legal form: several words, or one that is no everyday or contract word and, before the name, no two-letter form ("PC Star").
  const strongEnough = (words: string[]) => !strong || words.length > 1 || (!isEverydayWord(words[0]) && !isContractWord(words[0]) && (side === 'after' || words[0].length > 2));
  for (let k = 1; k <= 5; k++) {
    if (side === 'after') {
      const after = f(span[1] + 1, span[1] + 1 + k);
      if (span[1] + k < ctx.words.length && sameSegment(ctx, span[1], span[1] + k) && isLegalForm(after.join(' ')) && strongEnough(after)) return true;
    } else {
      const before = span[0] - k >= 0 ? f(span[0] - k, span[0]) : [];
      if (span[0] - k >= 0 && sameLine(ctx, span[0] - k, span[0]) && isLegalForm(before.join(' ')) && strongEnough(before)) return true;
    }
  }
  return false;
}

/** Is the word at q next to another matched word with only a space or hyphen between? */
function attached(ctx: ScanContext, q: number, matched: Set<number>): boolean {
  const gap = (x: number, y: number) => /^[ \u00A0\-‐–]{1,2}$/.test(ctx.text.slice(ctx.words.end[x], ctx.words.start[y]));
  return (matched.has(q - 1) && gap(q - 1, q)) || (matched.has(q + 1) && gap(q, q + 1));
}

/** How often the text has this word, counting up to `max`. */
function occurrences(ctx: ScanContext, word: string, max: number): number {
  let k = 0;
  for (let i = 0; i < ctx.folded.length && k < max; i++) if (ctx.folded[i] === word) k++;
  return k;
}

/** "Limmited" → "limited", but "incorporate" stays an English word. */
function legalNear(w: string): string {
  return legalWordNear(w, (x) => isEverydayWord(x) || isContractWord(x));
}

/** After a name, a legal form may follow on the next line ("Argon\nOOO"); nothing may come between. */
function sameSegment(ctx: ScanContext, from: number, to: number): boolean {
  return ctx.seg[from] === ctx.seg[to];
}

function sameLine(ctx: ScanContext, from: number, to: number): boolean {
  return !ctx.text.slice(ctx.words.end[from], ctx.words.start[to]).includes('\n');
}

function countStopwords(ctx: ScanContext, span: [number, number]): number {
  let k = 0;
  for (let q = span[0]; q <= span[1]; q++) if (STOPWORDS.has(ctx.folded[q]) || ctx.folded[q].length < 2) k++;
  return k;
}

/** One or two more capitalised words, then a legal form: "Korea Sobaeksu Trading Company". */
function legalFormAfterWords(ctx: ScanContext, span: [number, number]): boolean {
  for (let k = 1; k <= 2; k++) {
    const last = span[1] + k;
    if (last >= ctx.words.length || !ctx.capital[last] || ctx.seg[last] !== ctx.seg[span[0]] || !sameLine(ctx, last - 1, last)) return false;
    if (legalFormOn(ctx, [span[0], last], 'after')) return true;
  }
  return false;
}

/** The end of the name: after any legal form that follows it, also after one or two inserted words. */
function endAfterLegalForm(ctx: ScanContext, span: [number, number]): number {
  let e = span[1];
  for (let k = 1; k <= 2; k++) {
    if (legalFormOn(ctx, [span[0], span[1] + k - 1], 'after')) break;
    if (legalFormAfterWords(ctx, [span[0], span[1] + k - 1]) && !legalFormOn(ctx, [span[0], e], 'after')) e = span[1] + k;
  }
  for (let k = 0; k < 3 && e + 1 < ctx.words.length && (isLegalForm(ctx.folded[e + 1]) || isLegalForm(`${ctx.folded[e + 1]} ${ctx.folded[e + 2] ?? ''}`.trim())); k++) {
    e += isLegalForm(ctx.folded[e + 1]) ? 1 : 2;
  }
  return Math.min(e, ctx.words.length - 1);
}

function namedAsParty(ctx: ScanContext, span: [number, number]): boolean {
  for (let q = span[0] - 1; q >= Math.max(0, span[0] - 3); q--) {
    if (ctx.seg[q] !== ctx.seg[span[0]]) break;
    if (ROLE_BEFORE.has(ctx.folded[q])) return true;
    if (!STOPWORDS.has(ctx.folded[q]) && !isLegalForm(ctx.folded[q]) && ctx.folded[q] !== 'with') break;
  }
  const end = ctx.words.end[endAfterLegalForm(ctx, span)];
  return ROLE_AFTER.test(ctx.text.slice(end, end + 60));
}

/** Nothing but punctuation, Markdown or a short label ("By:", "Supplier:") before it on its line or cell, nothing after it. */
function ownLine(ctx: ScanContext, span: [number, number]): boolean {
  const { text } = ctx;
  const start = ctx.words.start[span[0]];
  const end = ctx.words.end[endAfterLegalForm(ctx, span)];
  let s = start;
  const border = (k: number) => text[k] === '\n' || text[k] === '|' || text[k] === '\t' || (text[k] === ' ' && text[k + 1] === ' ' && text[k + 2] === ' ');
  while (s > 0 && !border(s - 1)) s--;
  let e = end;
  while (e < text.length && !border(e)) e++;
  const before = text.slice(s, start);
  const after = text.slice(end, e);
  return /^[^\p{L}\p{N}]*(?:\p{L}+:[^\p{L}\p{N}]*)?$/u.test(before) && /^[^\p{L}\p{N}]*$/u.test(after);
}

/** Lines that mark a signature or notice block: "By:", "Name:", "Attention:", "For and on behalf of". */
const BLOCK_LINE = /^[\s>*_]*(?:By|Name|Title|Signature|Signed|Attention|Attn|Address|For and on behalf of|Per)\b[^\n]{0,3}[:_]/im;
/** A role label alone on its line ("SUPPLIER", "The Subcontractor:"). */
const ROLE_LINE = /^[\s>*_#]*(?:the\s+)?(?:supplier|contractor|subcontractor|sub-contractor|vendor|licensee|licensor|customer|buyer|seller|producer|studio|consultant|partner|service provider|provider)s?[\s*_]*:?[\s*_]*$/im;
/** A table header naming parties ("Role   Subcontractor   Work"). */
const PARTY_HEADER = /(?:^|\s{3})(?:sub-?contractors?|suppliers?|vendors?|part(?:y|ies)|contractors?|licensees?|counterpart(?:y|ies)|compan(?:y|ies)|entit(?:y|ies)|service providers?)(?=\s{3}|\s*$)/im;

/** Is the mention's own line part of a signature, notice or party block (a few lines around it)? */
export function partyBlock(ctx: ScanContext, span: [number, number]): boolean {
  const { text } = ctx;
  const from = ctx.words.start[span[0]];
  const to = ctx.words.end[span[1]];
  let s = from;
  for (let lines = 0; s > 0 && lines < 6 && from - s < 400; s--) if (text[s - 1] === '\n') lines++;
  let e = to;
  for (let lines = 0; e < text.length && lines < 5 && e - to < 400; e++) if (text[e] === '\n') lines++;
  const around = text.slice(s, from) + '\n' + text.slice(to, e);
  return BLOCK_LINE.test(around) || ROLE_LINE.test(around) || PARTY_HEADER.test(text.slice(s, from));
}

/** A sanctioned place in the paragraph (text between blank lines) around the mention. */
function placeNearby(ctx: ScanContext, span: [number, number]): boolean {
  const { text } = ctx;
  const from = ctx.words.start[span[0]];
  const to = ctx.words.end[span[1]];
  const s = Math.max(0, text.lastIndexOf('\n\n', from), from - 800);
  let e = text.indexOf('\n\n', to);
  if (e < 0 || e - to > 800) e = Math.min(text.length, to + 800);
  SANCTIONED_PLACE_IN_TEXT.lastIndex = 0;
  return SANCTIONED_PLACE_IN_TEXT.test(text.slice(s, e));
}
