import type { Span } from '../document/positions';
import type { LineInfo } from './lines';
import { lastAtOrBefore } from './search';
import type { DefinedTerm, PlainText, Sentence } from './types';

/**
 * Defined terms: `"Services" means …`, `"Term" shall have the meaning …`, `**"Account"** means`,
 * `**Account** means`, and quoted terms in parentheses (`(the "Agreement")`, `(each a "Party")`,
 * `(hereinafter "Supplier")`), with straight or curly quotes; then every later use of each term.
 */
const MEANS = /[“"]([^“”"\n]{1,80}?)[”"]\s*(?:,\s*)?(?:shall\s+mean|means|mean|(?:shall|will)\s+have\s+the\s+meaning|has\s+the\s+meaning|have\s+the\s+meaning|shall\s+refer\s+to|refers\s+to|is\s+defined|shall\s+include|includes|:)/g;
// At the start of a line or list item the verb can be plainer: `"Effective Date" is the earlier of …`.
const LEADING = /(?:^|\n)[ \t]*(?:\d{1,3}(?:\.\d{1,3})*[.)]?\s+|\([a-z0-9]{1,4}\)\s+)?[“"]([^“”"\n]{1,80}?)[”"]\s*(?:is|are|(?:will|shall)\s+have|has|have|refers?|includes?|will\s+mean)\b/g;
const PAREN = /\(([^()]{1,300})\)/g;
const QUOTED = /[“"]([^“”"\n]{1,60}?)[”"]/g;
const HEREIN = /\b(?:hereinafter|hereafter)\s+(?:(?:referred\s+to|called|known)\s+as\s+)?(?:the\s+)?[“"]([^“”"]{1,60})[”"]/gi;
const MAX_USES = 5000;

interface Found {
  term: string;
  start: number; // plain
}

export function findDefinedTerms(plain: PlainText, lines: LineInfo[], sentences: Sentence[]): DefinedTerm[] {
  const p = plain.text;
  const found: Found[] = [];
  for (const m of p.matchAll(MEANS)) add(found, m[1], (m.index ?? 0) + m[0].indexOf(m[1]));
  for (const m of p.matchAll(LEADING)) add(found, m[1], (m.index ?? 0) + m[0].lastIndexOf(m[1], m[0].length - 1));
  for (const m of p.matchAll(PAREN)) {
    const inner = m[1];
    if (/^\s*(?:marked|labell?ed|stamped|e\.g\.|i\.e\.|see)\b/i.test(inner)) continue;
    for (const q of inner.matchAll(QUOTED)) add(found, q[1], (m.index ?? 0) + 1 + (q.index ?? 0) + 1);
  }
  for (const m of p.matchAll(HEREIN)) add(found, m[1], (m.index ?? 0) + m[0].lastIndexOf(m[1]));
  for (const l of lines) {
    // **Account** means …  (bold, no quotes)
    const s = l.leadingStrong;
    if (s && /^\s*(?:shall\s+mean|means|has\s+the\s+meaning)\b/.test(p.slice(s.end, s.end + 30))) {
      const inner = p.slice(s.start, s.end);
      if (!/[“"]/.test(inner)) add(found, inner, s.start);
    }
  }
  found.sort((a, b) => a.start - b.start);

  const byTerm = new Map<string, DefinedTerm>();
  const sentenceStarts = sentences.map((s) => s.span.start);
  for (const f of found) {
    if (byTerm.has(f.term)) continue;
    const termSpan = plain.toSourceSpan(f.start, f.start + f.term.length);
    const sentence = sentenceAt(sentences, sentenceStarts, termSpan.start);
    const definitionSpan: Span = sentence ? sentence.span : lineSpanAt(plain, lines, f.start);
    const definition = sentence ? sentence.text : p.slice(...plainLine(lines, f.start)).trim().replace(/\s+/g, ' ');
    byTerm.set(f.term, { term: f.term, termSpan, definitionSpan, definition, uses: [] });
  }
  findUses(plain, [...byTerm.values()]);
  return [...byTerm.values()];
}

function add(found: Found[], raw: string, start: number): void {
  const lead = raw.length - raw.trimStart().length;
  const term = raw.trim().replace(/[,.;:]$/, '');
  if (!term || term.length > 60 || !/^[\p{Lu}\d]/u.test(term)) return;
  if (term.split(/\s+/).length > 6 || /^(?:AS IS|AS-IS|WHERE IS|I AGREE)$/i.test(term)) return;
  found.push({ term, start: start + lead });
}

function sentenceAt(sentences: Sentence[], starts: number[], offset: number): Sentence | undefined {
  const best = lastAtOrBefore(starts, offset);
  const s = best >= 0 ? sentences[best] : undefined;
  return s && offset < s.span.end ? s : undefined;
}

function plainLine(lines: LineInfo[], plainOffset: number): [number, number] {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].plainStart <= plainOffset) lo = mid;
    else hi = mid - 1;
  }
  const l = lines[lo];
  return l ? [l.plainStart, l.plainEnd] : [plainOffset, plainOffset];
}

function lineSpanAt(plain: PlainText, lines: LineInfo[], plainOffset: number): Span {
  const [s, e] = plainLine(lines, plainOffset);
  return plain.toSourceSpan(s, e);
}

// Terms start with a capital or a digit, so only such words are looked up.
const TOKEN = /[A-Z0-9\u00C0-\u00DE][A-Za-z0-9\u00C0-\u024F]*/g;
const isWordChar = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
  return /[\p{L}\p{N}]/u.test(c);
};

/** Every use of every term, by one pass over the words (terms indexed by their first word). */
function findUses(plain: PlainText, terms: DefinedTerm[]): void {
  const p = plain.text;
  const byFirst = new Map<string, DefinedTerm[]>();
  for (const t of terms) {
    const first = /^[A-Z0-9\u00C0-\u00DE][A-Za-z0-9\u00C0-\u024F]*/.exec(t.term)?.[0];
    if (!first) continue;
    const list = byFirst.get(first) ?? [];
    list.push(t);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.term.length - a.term.length);
  TOKEN.lastIndex = 0;
  let skipUntil = 0;
  for (let m = TOKEN.exec(p); m; m = TOKEN.exec(p)) {
    const at = m.index;
    if (at < skipUntil) continue;
    const list = byFirst.get(m[0]);
    if (!list || isWordChar(p[at - 1])) continue;
    for (const t of list) {
      if (!p.startsWith(t.term, at)) continue;
      let end = at + t.term.length;
      if (isWordChar(p[end])) {
        // Plurals of the term count as uses ("Services" for "Service").
        if (p[end] === 's' && !isWordChar(p[end + 1])) end += 1;
        else if (p.startsWith('es', end) && !isWordChar(p[end + 2])) end += 2;
        else continue;
      }
      const span = plain.toSourceSpan(at, end);
      if (span.start !== t.termSpan.start && t.uses.length < MAX_USES) t.uses.push(span);
      skipUntil = end;
      break;
    }
  }
}
