import type { Span } from '../document/positions';
import type { LineInfo } from './lines';
import type { PlainText, Sentence } from './types';

/**
 * Paragraphs and sentences over the plain text. A region is text between hard breaks (a blank line,
 * a heading, a list item, a clause heading, a table or code block); page numbers and EDGAR footers in a
 * region are masked, not breaks, and in plain text a blank line does not end a sentence that goes on in
 * lower case (a page break mid-sentence). Abbreviations (Inc., Co., No., U.S., e.g., Sec.) and initials
 * do not end sentences.
 */
const ABBREVIATIONS = new Set([
  'inc', 'co', 'corp', 'ltd', 'no', 'nos', 'sec', 'secs', 'art', 'arts', 'e.g', 'i.e', 'etc', 'vs', 'v', 'mr', 'mrs', 'ms', 'dr', 'st',
  'jr', 'sr', 'u.s', 'u.k', 'n.a', 's.a', 'b.v', 'n.v', 'l.l.c', 'l.p', 'p.c', 'fig', 'para', 'paras', 'cf', 'approx', 'dept', 'govt',
  'intl', 'mfg', 'p', 'pp', 'viz', 'al', 'et', 'seq', 'ave', 'blvd', 'rd', 'ste', 'sq', 'ft', 'oz', 'lb', 'lbs', 'hr', 'hrs', 'min',
  'max', 'esq', 'prof', 'gen', 'gov', 'rev', 'exh', 'sch', 'ex', 'cl', 'pty', 'plc', 'bhd', 'sdn', 'pte', 'gmbh', 'ag', 'llc', 'lp',
  'u.s.a', 'incl', 'excl', 'int', 'nat', 'assn', 'bros', 'dist', 'div', 'mgmt', 'svc', 'svcs', 'tel', 'fax', 'attn', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'oct', 'nov', 'dec', 'cal', 'del', 'fla', 'mass', 'n.y', 'tex', 'wash', 'calif',
]);
const END = /[.!?]+["”’)\]]*(?=[\s\u00a0]|$)/g;
const CONNECTOR_END = /(?:[,(\-–—]|\b(?:and|or|of|the|to|in|with|by|for|a|an|that|such|any|under|this|as|on|at|from|which|shall|will|may|be|is|are|its|their)\b)\s*$/i;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0' || c === '\f' || c === '\v';

interface Region {
  start: number;
  end: number;
  masks: [number, number][];
}

export interface SentenceResult {
  paragraphs: Span[];
  sentences: Sentence[];
}

export function findSentences(plain: PlainText, lines: LineInfo[], heads: [number, number][], markdown: boolean, clauseIdAt: (offset: number) => string | undefined): SentenceResult {
  const p = plain.text;
  const regions: Region[] = [];
  let cur: Region | undefined;
  let pendingBlank = false;
  let h = 0; // next clause heading
  const close = () => {
    if (cur && cur.end > cur.start) regions.push(cur);
    cur = undefined;
  };
  for (const l of lines) {
    if (l.kind === 'blank') {
      if (cur) pendingBlank = true;
      continue;
    }
    if (l.kind === 'noise') {
      if (cur) cur.masks.push([l.plainStart, l.plainEnd]);
      continue;
    }
    if (l.kind !== 'text' && l.kind !== 'list') {
      close();
      pendingBlank = false;
      continue;
    }
    const raw = p.slice(l.plainStart, Math.min(l.plainEnd, l.plainStart + 200));
    const first = raw.trimStart()[0] ?? '';
    if (cur && pendingBlank) {
      const prevText = p.slice(Math.max(cur.start, cur.end - 200), cur.end).trimEnd();
      const continues = !markdown && !/[.!?:;]["”’)]?$/.test(prevText) && (/^\p{Ll}/u.test(first) || CONNECTOR_END.test(prevText));
      if (!continues) close();
    }
    if (cur && l.kind === 'list') close();
    pendingBlank = false;
    // Clause headings on this line split it.
    let from = l.plainStart;
    while (h < heads.length && heads[h][0] < l.plainStart) h++;
    while (h < heads.length && heads[h][0] < l.plainEnd) {
      const [hs, he] = heads[h++];
      if (cur) cur.end = Math.max(cur.end, hs);
      else if (hs > from) cur = { start: from, end: hs, masks: [] };
      close();
      from = Math.max(from, Math.min(he, l.plainEnd));
    }
    if (from >= l.plainEnd) continue;
    if (!cur) cur = { start: from, end: l.plainEnd, masks: [] };
    else cur.end = l.plainEnd;
  }
  close();

  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  for (const r of regions) {
    let text = p.slice(r.start, r.end);
    if (r.masks.length) {
      // Blank out page furniture, keeping offsets.
      const parts: string[] = [];
      let at = r.start;
      for (const [s, e] of r.masks) {
        if (s < at || e > r.end) continue;
        parts.push(p.slice(at, s), ' '.repeat(e - s));
        at = e;
      }
      parts.push(p.slice(at, r.end));
      text = parts.join('');
    }
    const lead = text.length - text.trimStart().length;
    const trail = text.trimEnd().length;
    if (trail <= lead) continue;
    paragraphs.push(plain.toSourceSpan(r.start + lead, r.start + trail));
    let sStart = lead;
    END.lastIndex = lead;
    for (let m = END.exec(text); m; m = END.exec(text)) {
      const endAt = m.index + m[0].length;
      if (endAt >= trail) break;
      if (!endsSentence(text, m.index, endAt)) continue;
      push(r, text, sStart, endAt);
      sStart = endAt;
    }
    push(r, text, sStart, trail);
  }
  return { paragraphs, sentences };

  function push(r: Region, text: string, s: number, e: number): void {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e <= s) return;
    const raw = text.slice(s, e);
    const folded = /[^\S ]|  /.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
    if (!/[A-Za-z0-9]/.test(folded) && !/[\p{L}\p{N}]/u.test(folded)) return;
    const span = plain.toSourceSpan(r.start + s, r.start + e);
    sentences.push({ span, text: folded, clauseId: clauseIdAt(span.start) });
  }
}

/** Is the terminator at text[at] (run ending at `end`) a sentence end? */
export function endsSentence(text: string, at: number, end: number): boolean {
  if (text[at] !== '.') return nextStartsSentence(text, end);
  // The word before the period.
  let w = at;
  while (w > 0 && at - w < 40 && !isSpace(text[w - 1]) && text[w - 1] !== '(' && text[w - 1] !== '"' && text[w - 1] !== '“') w--;
  const word = text.slice(w, at).toLowerCase();
  if (ABBREVIATIONS.has(word.replace(/^[^a-z]+/, ''))) return false;
  if (/^[a-z]$/i.test(word) && /[A-Z]/.test(text[at - 1])) return false; // an initial: "J. Smith"
  if (/^(?:[a-z]\.)+[a-z]$/i.test(word)) return false; // U.S.A.
  if (/^\(?[a-z]{1,3}\)?$|^\d{1,3}(?:\.\d{1,3})*$/i.test(word) && /^[\s]*$/.test(text.slice(Math.max(0, w - 2), w)) && w <= 2) return false;
  return nextStartsSentence(text, end);
}

function nextStartsSentence(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isSpace(text[i])) i++;
  if (i >= text.length) return true;
  return /["“‘'(\[\p{Lu}\d§•*]/u.test(text[i]);
}
